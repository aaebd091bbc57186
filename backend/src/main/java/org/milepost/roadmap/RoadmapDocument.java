package org.milepost.roadmap;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.milepost.card.CardStatus;

/**
 * A roadmap as a document holds it: what {@link RoadmapMarkdownParser} reads and {@link RoadmapMarkdownExporter}
 * writes. It is independent of the database: the service turns it into a working group's goals, phases, month
 * milestones, cards and meetings, and back.
 *
 * @param months   months of the plan that the document says something about, in month order (an exported document
 *                 lists every month of the plan, empty ones included)
 * @param warnings what the parser did not understand and skipped, with line numbers
 */
@Schema(name = "RoadmapDocument")
public record RoadmapDocument(
        GroupInfo group,
        List<GoalItem> goals,
        List<PhaseItem> phases,
        List<MonthItem> months,
        List<CardItem> backlog,
        List<MeetingItem> meetings,
        List<Warning> warnings) {

    /** The group as the document describes it; every field may be missing. */
    @Schema(name = "RoadmapGroup")
    public record GroupInfo(
            @Schema(examples = "Core Infrastructure Roadmap working group") String name,
            @Schema(
                            description = "A slug suggested by the document (front matter, or made from the name)",
                            examples = "core-infrastructure-roadmap-working-group")
                    String slug,
            String mission,
            String description,
            @Schema(type = SchemaType.STRING, format = "year-month", examples = "2024-05") YearMonth planStart,
            @Schema(type = SchemaType.STRING, format = "year-month", examples = "2024-10") YearMonth planEnd) {}

    @Schema(name = "RoadmapGoal")
    public record GoalItem(
            @Schema(examples = "Communication Plan") String title, String description, String color, Measure measure) {}

    /** A measure of success: what is counted, its target and current value ("new contributors", 25). */
    @Schema(name = "RoadmapMeasure")
    public record Measure(
            @Schema(examples = "New contributors") String label,
            @Schema(examples = "25") BigDecimal target,
            BigDecimal current) {}

    @Schema(name = "RoadmapPhase")
    public record PhaseItem(
            @Schema(examples = "Launch") String name,
            @Schema(type = SchemaType.STRING, format = "year-month", examples = "2021-03") YearMonth start,
            @Schema(type = SchemaType.STRING, format = "year-month", examples = "2021-06") YearMonth end,
            String focus,
            List<String> activities,
            List<String> outcomes) {}

    @Schema(name = "RoadmapMonth")
    public record MonthItem(
            @Schema(type = SchemaType.STRING, format = "year-month", examples = "2024-05") YearMonth month,
            String title,
            @Schema(examples = "platform co-op") String focus,
            String outcomes,
            List<CardItem> cards) {}

    /** A card; {@code goal} names one of the document's goals by title. */
    @Schema(name = "RoadmapCard")
    public record CardItem(
            @Schema(examples = "Create Rough Draft of Comms Plan") String title,
            CardStatus status,
            @Schema(examples = "Activator") String responsible,
            @Schema(examples = "CBT liaison") String support,
            @Schema(examples = "Documentation about revised pathway") String deliverable,
            String goal,
            String description) {}

    @Schema(name = "RoadmapMeeting")
    public record MeetingItem(
            @Schema(examples = "3") int number,
            @Schema(examples = "2024-05-07") LocalDate date,
            @Schema(type = SchemaType.STRING, examples = "15:00") LocalTime time,
            @Schema(examples = "UTC") String timeZone,
            boolean tentative,
            @Schema(examples = "Virtual") String location,
            String joinUrl,
            List<String> objectives,
            String outcome,
            String minutes) {}

    /** Something the parser did not understand and left out. {@code line} counts from 1 (0: the whole document). */
    @Schema(name = "RoadmapWarning")
    public record Warning(
            @Schema(examples = "17") int line,
            @Schema(examples = "The working group has outlined several key milestones…") String text,
            @Schema(examples = "paragraph not imported") String reason) {}

    /** All cards: those of each month in month order, then the backlog. */
    public List<CardItem> allCards() {
        return java.util.stream.Stream.concat(months.stream().flatMap(m -> m.cards().stream()), backlog.stream())
                .toList();
    }

    /** The same roadmap without warnings: what an import writes. */
    public RoadmapDocument withoutWarnings() {
        return new RoadmapDocument(group, goals, phases, months, backlog, meetings, List.of());
    }
}
