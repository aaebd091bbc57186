package org.milepost.workinggroup.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.YearMonth;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.milepost.workinggroup.Visibility;

/** Replaces a group's settings. The slug is its address and does not change. */
@Schema(name = "GroupUpdate")
public record GroupUpdate(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 10_000) String mission,
        @Size(max = 50_000) String description,
        @NotNull Visibility visibility,
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
                YearMonth planEnd,
        @Schema(description = "The version this change is based on (or send If-Match)", examples = "3")
                Integer version) {}
