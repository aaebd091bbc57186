package org.milepost.goal.dto;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.milepost.goal.Goal;

/** A goal as the API shows it. */
@Schema(name = "Goal")
public record GoalView(
        @Schema(examples = "12") long id,
        @Schema(description = "Place in the group's list of goals, from 0", examples = "1") int position,
        @Schema(examples = "Communication Plan") String title,
        String description,
        @Schema(pattern = COLOR_PATTERN, examples = "#1C7ED6") String color,
        @Schema(description = "The measure of success, if the goal has one") Measure measure,
        @Schema(examples = "0") int version) {

    public static final String COLOR_PATTERN = "^#[0-9A-Fa-f]{6}$";

    public static GoalView of(Goal goal) {
        Measure measure = goal.measureLabel == null
                ? null
                : new Measure(goal.measureLabel, plain(goal.measureTarget), plain(goal.measureCurrent));
        return new GoalView(goal.id, goal.position, goal.title, goal.description, goal.color, measure, goal.version);
    }

    /** 25.00 from the database travels as 25, 12.50 as 12.5. */
    private static BigDecimal plain(BigDecimal value) {
        return value == null ? null : new BigDecimal(value.stripTrailingZeros().toPlainString());
    }
}
