package org.milepost.phase.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.YearMonth;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Replaces a phase. */
@Schema(name = "PhaseUpdate")
public record PhaseUpdate(
        @NotBlank @Size(max = 200) @Schema(examples = "Grow") String name,
        @NotNull
                @Schema(
                        type = SchemaType.STRING,
                        format = "year-month",
                        pattern = "^\\d{4}-\\d{2}$",
                        examples = "2021-07")
                YearMonth startMonth,
        @NotNull
                @Schema(
                        type = SchemaType.STRING,
                        format = "year-month",
                        pattern = "^\\d{4}-\\d{2}$",
                        examples = "2021-12")
                YearMonth endMonth,
        @Size(max = 10_000) @Schema(examples = "Run activities; bring in new members; collect feedback") String focus,
        @Size(max = 50_000) String activities,
        @Size(max = 50_000) String outcomes,
        @Schema(description = "The version this change is based on (or send If-Match)", examples = "0")
                Integer version) {}
