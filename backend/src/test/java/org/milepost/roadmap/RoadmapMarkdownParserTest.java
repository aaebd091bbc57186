package org.milepost.roadmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.milepost.card.CardStatus;
import org.milepost.roadmap.RoadmapDocument.CardItem;
import org.milepost.roadmap.RoadmapDocument.MeetingItem;
import org.milepost.roadmap.RoadmapDocument.MonthItem;
import org.milepost.roadmap.RoadmapDocument.PhaseItem;
import org.milepost.roadmap.RoadmapDocument.Warning;

/** The parser against the four real seed documents (bytes as published) and the shapes they stand for. */
class RoadmapMarkdownParserTest {

    /** A fixed "today": no seed may depend on it (each gives its own year). */
    private static final RoadmapMarkdownParser PARSER = new RoadmapMarkdownParser(() -> LocalDate.of(2031, 7, 1));

    static byte[] seed(String name) {
        try (InputStream in = RoadmapMarkdownParserTest.class.getClassLoader().getResourceAsStream("demo/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static RoadmapDocument parseSeed(String name) {
        return PARSER.parse(seed(name));
    }

    private static Map<YearMonth, Integer> cardsPerMonth(RoadmapDocument doc) {
        return doc.months().stream()
                .collect(Collectors.toMap(MonthItem::month, m -> m.cards().size()));
    }

    private static List<Integer> warningLines(RoadmapDocument doc) {
        return doc.warnings().stream().map(Warning::line).toList();
    }

    @Test
    void shouldReadCardanoMonthsGoalsMissionAndMeetingTable() {
        RoadmapDocument doc = parseSeed("cardano-working-group-milestones.md");

        assertEquals("Core Infrastructure Roadmap working group", doc.group().name());
        assertTrue(doc.group()
                .mission()
                .startsWith("The Core Infrastructure Roadmap working group's mission is to foster"));
        assertTrue(
                doc.group().description().startsWith("This page is written on behalf of"), "GitBook hint kept as text");
        assertFalse(doc.group().description().contains("{%"), "GitBook tags are stripped");
        assertFalse(doc.group().description().contains("&#x20;"), "entities are decoded");
        assertEquals(YearMonth.of(2024, 5), doc.group().planStart());
        assertEquals(YearMonth.of(2024, 10), doc.group().planEnd());
        assertEquals(
                List.of("Vocabulary & Definitions", "Communication Plan", "The Process", "Vision"),
                doc.goals().stream().map(RoadmapDocument.GoalItem::title).toList());

        assertEquals(
                Map.of(
                        YearMonth.of(2024, 5),
                        6,
                        YearMonth.of(2024, 6),
                        14,
                        YearMonth.of(2024, 7),
                        7,
                        YearMonth.of(2024, 8),
                        3,
                        YearMonth.of(2024, 9),
                        2,
                        YearMonth.of(2024, 10),
                        1),
                cardsPerMonth(doc));
        MonthItem may = doc.months().get(0);
        assertEquals("Create Rough Draft of Comms Plan", may.cards().get(0).title());
        assertEquals("TImebound feedback from Community", may.cards().get(5).title());
        assertEquals(CardStatus.PLANNED, may.cards().get(0).status());
        assertEquals(
                "Annual Members Meeting (AMM)",
                doc.months().get(5).cards().get(0).title());
        assertTrue(doc.backlog().isEmpty());

        assertEquals(
                List.of(1, 2, 3, 4, 5, 6, 7, 8),
                doc.meetings().stream().map(MeetingItem::number).toList());
        assertEquals(
                java.util.Arrays.asList(
                        LocalDate.of(2024, 4, 22),
                        LocalDate.of(2024, 4, 29),
                        LocalDate.of(2024, 5, 7),
                        LocalDate.of(2024, 5, 13),
                        LocalDate.of(2024, 5, 20),
                        LocalDate.of(2024, 5, 28),
                        LocalDate.of(2024, 6, 3),
                        null),
                doc.meetings().stream().map(MeetingItem::date).toList());
        assertTrue(doc.meetings().stream().allMatch(MeetingItem::tentative), "the Date column says (Tentative)");
        MeetingItem first = doc.meetings().get(0);
        assertEquals(
                List.of(
                        "Introduction to the group and group members",
                        "Agree to the working group code of conduct",
                        "Shared understanding of current backlog situation",
                        "Initial discussion over process design tooling"),
                first.objectives());
        assertEquals("Virtual", first.location());
        assertNull(first.outcome());
        MeetingItem second = doc.meetings().get(1);
        assertEquals(3, second.objectives().size());
        assertEquals("Agree on meeting cadence", second.objectives().get(2));
        assertEquals("Set Up Kanban board, testing of backlog item through xwiki.", second.outcome());
        MeetingItem third = doc.meetings().get(2);
        assertEquals(
                List.of(
                        "Agree on Group Mission",
                        "Goal setting",
                        "Initial discussion over milestones until Oct 3 (AMM)"),
                third.objectives());
        assertEquals("Group mission and goals decided, Kanban board set up", third.outcome());
        MeetingItem fourth = doc.meetings().get(3);
        assertEquals(4, fourth.objectives().size());
        assertEquals("Next steps: review Kanban board", fourth.outcome());
        MeetingItem eighth = doc.meetings().get(7);
        assertNull(eighth.date());
        assertNull(eighth.location());
        assertTrue(eighth.objectives().isEmpty());

        // The prose around the structure is reported, not silently dropped: milestone intro and closing,
        // the meeting ethos paragraph and the italic footnote.
        assertEquals(List.of(17, 59, 63, 67), warningLines(doc));
    }

    @Test
    void shouldReadThe2021RoadmapPhasesAndRepairItsEncoding() {
        RoadmapDocument doc = parseSeed("community-roadmap-2021-phases.md");

        assertEquals("Roadmap for 2021: March update", doc.group().name(), "front matter title");
        assertEquals("roadmap-2021-q2", doc.group().slug(), "front matter slug");
        assertEquals(YearMonth.of(2021, 3), doc.group().planStart());
        assertEquals(YearMonth.of(2021, 12), doc.group().planEnd());
        assertEquals(3, doc.phases().size());

        PhaseItem launch = doc.phases().get(0);
        assertEquals("\uD83D\uDE80 Launch", launch.name(), "üöÄ is the rocket, re-decoded");
        assertEquals(YearMonth.of(2021, 3), launch.start());
        assertEquals(YearMonth.of(2021, 6), launch.end());
        assertEquals("Brainstorm ideas; plan activities; build a core team", launch.focus());
        assertEquals(5, launch.activities().size());
        assertEquals(
                "Run small planning sessions/discussions to plan launch workshop",
                launch.activities().get(1));
        assertEquals(4, launch.outcomes().size());
        assertEquals(
                "Flexible programme of activities for Q3\u20134 sketched out",
                launch.outcomes().get(1),
                "‚Äì is an en dash");
        assertEquals(
                "First 1\u20132 activities scheduled and planned for July/August",
                launch.outcomes().get(2));

        PhaseItem grow = doc.phases().get(1);
        assertEquals("\uD83C\uDF31 Grow", grow.name());
        assertEquals(YearMonth.of(2021, 7), grow.start());
        assertEquals(YearMonth.of(2021, 12), grow.end());
        assertEquals(4, grow.activities().size());
        assertEquals(5, grow.outcomes().size());

        PhaseItem review = doc.phases().get(2);
        assertEquals("\u270F\uFE0F Review", review.name());
        assertEquals(YearMonth.of(2021, 12), review.start());
        assertEquals(YearMonth.of(2021, 12), review.end());
        assertEquals(
                "Some sort of year-end party/social event? \uD83E\uDD73",
                review.activities().get(2));

        assertTrue(doc.months().isEmpty(), "no month has cards of its own; the plan range covers the phases");
        assertTrue(
                doc.group().description().contains("we need help to get this thing off the ground!"),
                "Hugo shortcode link reduced to its text");
        assertFalse(doc.group().description().contains("{{"));
        String all = doc.toString();
        for (String mojibake : List.of("\u00FC\u00F6\u00C4", "\u201A\u00C4\u00EC", "\uF8FF", "\u00D4\u220F")) {
            assertFalse(all.contains(mojibake), "no mojibake left: " + mojibake);
        }
        assertTrue(doc.warnings().isEmpty(), doc.warnings().toString());
    }

    @Test
    void shouldReadDrutopiaProseAsMonthlyFocusAndTasks() {
        RoadmapDocument doc = parseSeed("drutopia-six-month-plan.txt");

        assertEquals(
                "Drutopia Update: Month One of a New Six-month Plan",
                doc.group().name());
        assertEquals(YearMonth.of(2018, 10), doc.group().planStart());
        assertEquals(YearMonth.of(2019, 3), doc.group().planEnd(), "January to March is planned");
        List<YearMonth> months = doc.months().stream().map(MonthItem::month).toList();
        assertEquals(
                List.of(YearMonth.of(2018, 10), YearMonth.of(2018, 11), YearMonth.of(2018, 12), YearMonth.of(2019, 3)),
                months);

        MonthItem october = doc.months().get(0);
        assertEquals("software", october.focus());
        assertEquals(7, october.cards().size());
        assertEquals("Get out a first beta release", october.cards().get(0).title());
        CardItem sync = october.cards().get(1);
        assertEquals("Finishing work on the complex configuration synchronization system", sync.title());
        assertEquals("Nedjo Rogers", sync.responsible());
        assertEquals(CardStatus.DONE, sync.status(), "October is before the post's date (7 November 2018)");
        assertEquals("Behat tests", october.cards().get(6).title());
        assertEquals(CardStatus.IN_PROGRESS, october.cards().get(6).status(), "\"started in on\"");

        MonthItem november = doc.months().get(1);
        assertEquals("platform co-op", november.focus());
        assertEquals(
                List.of(
                        "Re-engage with co-op development organizations",
                        "Draft a financial plan",
                        "Develop a comprehensive guide for co-op members",
                        "Finalize details of how contractors and shops will interact with the platform on behalf of clients",
                        "Brainstorm elements of a marketing campaign"),
                november.cards().stream().map(CardItem::title).toList());
        assertTrue(november.cards().stream().allMatch(c -> c.status() == CardStatus.PLANNED));

        MonthItem december = doc.months().get(2);
        assertEquals("software co-op", december.focus());
        assertEquals(1, december.cards().size());

        MonthItem march = doc.months().get(3);
        assertNull(march.focus());
        assertEquals("Full, stable release", march.cards().get(0).title());

        assertTrue(doc.group().description().startsWith("Back in September"));
        // Web-page chrome and the closing paragraphs are reported.
        assertEquals(List.of(1, 6, 22, 24), warningLines(doc));
    }

    @Test
    void shouldReadMozillaChecklistAndMeasureOfSuccess() {
        RoadmapDocument doc = parseSeed("mozilla-contribution-lifecycle.txt");

        assertEquals("Learning and preparing for growth", doc.group().name());
        assertNull(doc.group().planStart(), "the page names no months");
        assertTrue(doc.group().description().startsWith("Clients at this stage have connected"));
        assertTrue(doc.group().description().contains("**Risks**"), "risks are kept in the description");
        assertTrue(doc.group().description().contains("There are no trusted community members to delegate to."));

        assertEquals(1, doc.goals().size());
        RoadmapDocument.GoalItem goal = doc.goals().get(0);
        assertEquals(
                "New contributors must be moving into/through the pathway and getting connected to opportunities",
                goal.title());
        assertEquals("New contributors", goal.measure().label());
        assertEquals(0, new BigDecimal("25").compareTo(goal.measure().target()));

        assertTrue(doc.months().isEmpty());
        assertEquals(11, doc.backlog().size(), "every Milestones bullet is a card");
        CardItem gaps = doc.backlog().get(0);
        assertEquals("Identify gaps and inefficiencies in the pathway", gaps.title());
        assertEquals("Activator", gaps.responsible());
        assertEquals("CBT liaison", gaps.support());
        assertEquals("Documentation about gaps/inefficiencies", gaps.deliverable());
        CardItem systems = doc.backlog().get(2);
        assertTrue(systems.title().startsWith("Create or connect to systems"), "matched although the bullet is longer");
        assertEquals("CBT liaison + others", systems.support());
        assertEquals("documentation + contribution dashboard", systems.deliverable());
        CardItem core = doc.backlog().get(5);
        assertEquals(
                "Develop Core Community (mentorship/recognition, etc part of pathway)",
                core.title(),
                "the longer title of the checklist wins");
        assertEquals("tbd", core.deliverable());
        assertEquals(
                7,
                doc.backlog().stream()
                        .filter(c -> "Activator".equals(c.responsible()))
                        .count());
        assertNull(doc.backlog().get(7).responsible());

        // Navigation chrome, and the sections Milepost has no place for (learning stage, resources, roles).
        List<Integer> lines = warningLines(doc);
        assertTrue(lines.containsAll(List.of(1, 2, 3, 4, 8, 9, 24, 25, 26, 27, 28, 32, 33, 34, 35)), lines.toString());
        assertFalse(lines.contains(11), "the measure of success is understood");
        assertFalse(lines.contains(13), "milestones are understood");
        assertFalse(lines.contains(43), "the checklist is understood");
    }

    @Test
    void shouldInferYearsAndRollOverDecemberToJanuary() {
        String text =
                """
                # Winter plan

                Next meeting: 14 November 2025.

                ## Nov
                - Kick-off
                ## December
                - Draft
                ## Jan
                - Publish
                ### Feb 2027
                - Later
                """;
        RoadmapDocument doc = PARSER.parse(text);
        assertEquals(
                List.of(YearMonth.of(2025, 11), YearMonth.of(2025, 12), YearMonth.of(2026, 1), YearMonth.of(2027, 2)),
                doc.months().stream().map(MonthItem::month).toList());
    }

    @Test
    void shouldAssumeTheCurrentYearOnlyWhenTheDocumentGivesNone() {
        RoadmapDocument doc = PARSER.parse("## September\n- Plan\n## October\n- Do\n");
        assertEquals(YearMonth.of(2031, 9), doc.months().get(0).month());
        assertTrue(doc.warnings().stream().anyMatch(w -> w.reason().contains("no year")));
    }

    @Test
    void shouldReadPipeMeetingTableWithTimesLinksAndConfirmation() {
        String text =
                """
                ## Meetings

                | # | Date | Agenda | Outcome | Location |
                |---|------|--------|---------|----------|
                | 1 | 29 Apr 2024, 15:00 UTC (confirmed) | Objectives:<br>1) Intro<br>2) Scope | Charter agreed | [Zoom](https://example.org/j/1) |
                | 2 | 2024-05-06 (tentative) | - Review | | Room 4 |
                """;
        RoadmapDocument doc = PARSER.parse(text);
        MeetingItem one = doc.meetings().get(0);
        assertEquals(LocalDate.of(2024, 4, 29), one.date());
        assertEquals(LocalTime.of(15, 0), one.time());
        assertEquals("UTC", one.timeZone());
        assertFalse(one.tentative());
        assertEquals(List.of("Intro", "Scope"), one.objectives());
        assertEquals("Charter agreed", one.outcome());
        assertEquals("Zoom", one.location());
        assertEquals("https://example.org/j/1", one.joinUrl());
        MeetingItem two = doc.meetings().get(1);
        assertTrue(two.tentative());
        assertEquals(List.of("Review"), two.objectives());
        assertEquals("Room 4", two.location());
    }

    @Test
    void shouldShortenOverlongTitlesAndKeepTheText() {
        String longTitle = "word ".repeat(60).strip();
        RoadmapDocument doc = PARSER.parse("## May 2024\n\n- " + longTitle + "\n");
        CardItem card = doc.months().get(0).cards().get(0);
        assertTrue(card.title().length() <= RoadmapMarkdownParser.MAX_TITLE);
        assertEquals(longTitle, card.description());
        assertEquals(3, doc.warnings().get(0).line());
    }

    @Test
    void shouldRepairMojibakeButLeaveRealAccentsAndQuotes() {
        assertEquals(
                "\uD83D\uDE80 Launch \u2013 caf\u00E9 we\u2019ve \u201CLibrarian\u201D and\u2026",
                TextRepair.repairMojibake("\uF8FF\u00FC\u00F6\u00C4 Launch \u201A\u00C4\u00EC caf\u00E9 we\u2019ve "
                        + "\u201CLibrarian\u201D and\u2026"));
        assertEquals(
                "na\u00EFve \u2014 r\u00E9sum\u00E9",
                TextRepair.repairMojibake("na\u00C3\u00AFve \u00E2\u20AC\u201D r\u00C3\u00A9sum\u00C3\u00A9"),
                "Windows-1252 mojibake too");
    }

    @Test
    void shouldReadWindows1252BytesWithAWarning() {
        byte[] bytes = "## May 2024\n- Caf\u00E9 planning\n".getBytes(java.nio.charset.Charset.forName("windows-1252"));
        RoadmapDocument doc = PARSER.parse(bytes);
        assertEquals("Caf\u00E9 planning", doc.months().get(0).cards().get(0).title());
        assertEquals(0, doc.warnings().get(0).line());
        assertEquals(
                "Caf\u00E9 planning",
                PARSER.parse("## May 2024\n- Caf\u00E9 planning\n".getBytes(StandardCharsets.UTF_8))
                        .months()
                        .get(0)
                        .cards()
                        .get(0)
                        .title());
    }
}
