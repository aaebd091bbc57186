package org.milepost.milestone.dto;

import java.time.YearMonth;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.milepost.milestone.Milestone;

/** A month column's head: what the month is about, and how many cards it holds. */
@Schema(name = "Milestone")
public record MilestoneView(
        @Schema(type = SchemaType.STRING, format = "year-month", examples = "2024-06") YearMonth month,
        @Schema(examples = "Map the current state") String title,
        @Schema(examples = "Communication plan and current-state map") String focus,
        @Schema(examples = "Publish a first roadmap process; socialize the comms plan at Intersect") String outcomes,
        @Schema(description = "Cards planned in this month", examples = "14") long cardCount,
        @Schema(examples = "0") int version) {

    public static MilestoneView of(Milestone milestone, long cardCount) {
        return new MilestoneView(
                YearMonth.from(milestone.month),
                milestone.title,
                milestone.focus,
                milestone.outcomes,
                cardCount,
                milestone.version);
    }
}
