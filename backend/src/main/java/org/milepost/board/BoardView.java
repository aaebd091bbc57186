package org.milepost.board;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.milepost.card.dto.CardView;
import org.milepost.goal.dto.GoalView;
import org.milepost.phase.dto.PhaseView;
import org.milepost.workinggroup.dto.GroupView;

/**
 * Everything the month-column view shows, in one response: the group, its goals and phases, each month's column
 * (milestone head, cards in order, the meetings that fall in it) and the backlog.
 */
@Schema(name = "Board")
public record BoardView(
        GroupView group, List<GoalView> goals, List<PhaseView> phases, List<Column> columns, List<CardView> backlog) {

    @Schema(name = "BoardColumn")
    public record Column(
            @Schema(type = SchemaType.STRING, format = "year-month", examples = "2024-05") YearMonth month,
            Milestone milestone,
            List<CardView> cards,
            List<Meeting> meetings) {}

    @Schema(name = "BoardMilestone")
    public record Milestone(
            String title, @Schema(examples = "platform co-op") String focus, String outcomes, int version) {}

    @Schema(name = "BoardMeeting")
    public record Meeting(
            long id,
            int number,
            LocalDate date,
            @Schema(type = SchemaType.STRING, format = "time", examples = "15:00:00") LocalTime time,
            String timeZone,
            boolean tentative,
            String location) {}
}
