package org.milepost.roadmap.dto;

import java.time.YearMonth;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.milepost.common.error.Problem;
import org.milepost.roadmap.RoadmapDocument;

/**
 * What an import of a document would create, and what in it was not understood. Nothing is written.
 *
 * @param problems what would make the import fail (400), named like the error an import answers with; empty when
 *                 the document can be imported
 */
@Schema(name = "ImportPreview", description = "What an import would create; nothing has been written")
public record ImportPreview(
        RoadmapDocument.GroupInfo group,
        Counts counts,
        List<RoadmapDocument.GoalItem> goals,
        List<RoadmapDocument.PhaseItem> phases,
        List<MonthPreview> months,
        @Schema(description = "Titles of the cards that go to the backlog") List<String> backlog,
        List<RoadmapDocument.MeetingItem> meetings,
        List<RoadmapDocument.Warning> warnings,
        List<Problem.FieldError> problems) {

    @Schema(name = "ImportCounts")
    public record Counts(
            int goals,
            int phases,
            @Schema(description = "Month columns of the plan") int months,
            @Schema(description = "All cards, backlog included") int cards,
            int backlogCards,
            int meetings) {}

    @Schema(name = "ImportMonth")
    public record MonthPreview(
            @Schema(type = SchemaType.STRING, format = "year-month", examples = "2024-05") YearMonth month,
            String title,
            String focus,
            String outcomes,
            @Schema(description = "Card titles in column order") List<String> cards) {}
}
