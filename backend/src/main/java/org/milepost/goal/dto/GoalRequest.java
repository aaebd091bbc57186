package org.milepost.goal.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Adds a goal. Without a position it goes last; without a color it gets one from a fixed palette. */
@Schema(name = "GoalRequest")
public record GoalRequest(
        @NotBlank @Size(max = 200) @Schema(examples = "Communication Plan") String title,
        @Size(max = 10_000) @Schema(examples = "Ecosystem-wide plan for how the roadmap is communicated")
                String description,
        @Pattern(regexp = GoalView.COLOR_PATTERN, message = "must be a color like #1C7ED6")
                @Schema(pattern = GoalView.COLOR_PATTERN, examples = "#1C7ED6")
                String color,
        @Valid Measure measure,
        @Min(0) @Schema(description = "Place in the list, from 0; absent or past the end: last", examples = "0")
                Integer position) {}
