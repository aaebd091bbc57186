package org.milepost.phase.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.YearMonth;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Adds a phase: a named span of months with its focus, activities and outcomes. */
@Schema(name = "PhaseRequest")
public record PhaseRequest(
        @NotBlank @Size(max = 200) @Schema(examples = "Launch") String name,
        @NotNull
                @Schema(
                        type = SchemaType.STRING,
                        format = "year-month",
                        pattern = "^\\d{4}-\\d{2}$",
                        examples = "2021-03")
                YearMonth startMonth,
        @NotNull
                @Schema(
                        type = SchemaType.STRING,
                        format = "year-month",
                        pattern = "^\\d{4}-\\d{2}$",
                        examples = "2021-06")
                YearMonth endMonth,
        @Size(max = 10_000) @Schema(examples = "Brainstorm ideas; plan activities; build a core team") String focus,
        @Size(max = 50_000) @Schema(examples = "- Run public launch workshop\n- Develop online presence")
                String activities,
        @Size(max = 50_000) @Schema(examples = "- Shared vision of the community, developed by the community")
                String outcomes) {}
