package org.milepost.goal.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Replaces a goal. An absent color or position keeps the current one; a new position moves the goal and shifts the
 * goals in between. An absent measure removes it.
 */
@Schema(name = "GoalUpdate")
public record GoalUpdate(
        @NotBlank @Size(max = 200) @Schema(examples = "Communication Plan") String title,
        @Size(max = 10_000) String description,
        @Pattern(regexp = GoalView.COLOR_PATTERN, message = "must be a color like #1C7ED6")
                @Schema(pattern = GoalView.COLOR_PATTERN, examples = "#1C7ED6")
                String color,
        @Valid Measure measure,
        @Min(0) @Schema(description = "New place in the list, from 0; past the end: last", examples = "2")
                Integer position,
        @Schema(description = "The version this change is based on (or send If-Match)", examples = "0")
                Integer version) {}
