package org.milepost.milestone.dto;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Replaces what a month is about. The month itself comes from the group's plan range and does not change here. */
@Schema(name = "MilestoneUpdate")
public record MilestoneUpdate(
        @Size(max = 200) @Schema(examples = "Software beta") String title,
        @Size(max = 500) @Schema(examples = "Work through the beta blockers and release on Halloween") String focus,
        @Size(max = 10_000) @Schema(examples = "First beta release; demo site online") String outcomes,
        @Schema(description = "The version this change is based on (or send If-Match)", examples = "0")
                Integer version) {}
