package org.milepost.workinggroup.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.YearMonth;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.milepost.workinggroup.Visibility;

/** Creates a working group. Its month columns are made for every month from planStart to planEnd. */
@Schema(name = "GroupRequest")
public record GroupRequest(
        @NotBlank
                @Size(max = 64)
                @Pattern(
                        regexp = "^[a-z0-9]+(-[a-z0-9]+)*$",
                        message = "must be lowercase letters, digits and single dashes, like core-infra-2024")
                @Schema(examples = "core-infra-roadmap")
                String slug,
        @NotBlank @Size(max = 200) @Schema(examples = "Core Infrastructure Roadmap WG") String name,
        @Size(max = 10_000)
                @Schema(examples = "Foster a transparent, inclusive and adaptable core infrastructure roadmap")
                String mission,
        @Size(max = 50_000) String description,
        Visibility visibility,
        @NotNull
                @Schema(
                        type = SchemaType.STRING,
                        format = "year-month",
                        pattern = "^\\d{4}-\\d{2}$",
                        examples = "2024-05")
                YearMonth planStart,
        @NotNull
                @Schema(
                        type = SchemaType.STRING,
                        format = "year-month",
                        pattern = "^\\d{4}-\\d{2}$",
                        examples = "2024-10")
                YearMonth planEnd) {}
