package org.milepost.roadmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.milepost.card.CardStatus;
import org.milepost.roadmap.RoadmapDocument.CardItem;
import org.milepost.roadmap.RoadmapDocument.GoalItem;
import org.milepost.roadmap.RoadmapDocument.GroupInfo;
import org.milepost.roadmap.RoadmapDocument.Measure;
import org.milepost.roadmap.RoadmapDocument.MeetingItem;
import org.milepost.roadmap.RoadmapDocument.MonthItem;
import org.milepost.roadmap.RoadmapDocument.PhaseItem;

/** Export determinism and the round trip: export → parse gives the same roadmap, and the same bytes again. */
class RoadmapMarkdownExporterTest {

    private static final RoadmapMarkdownParser PARSER = new RoadmapMarkdownParser(() -> LocalDate.of(2031, 7, 1));
    private static final RoadmapMarkdownExporter EXPORTER = new RoadmapMarkdownExporter();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "cardano-working-group-milestones.md",
                "community-roadmap-2021-phases.md",
                "drutopia-six-month-plan.txt",
                "mozilla-contribution-lifecycle.txt"
            })
    void shouldExportEachSeedDeterministicallyAndReadItBack(String seed) {
        RoadmapDocument doc = RoadmapMarkdownParserTest.parseSeed(seed);
        String first = EXPORTER.export(doc);
        assertEquals(first, EXPORTER.export(RoadmapMarkdownParserTest.parseSeed(seed)), "same data, same bytes");

        RoadmapDocument back = PARSER.parse(first);
        assertTrue(back.warnings().isEmpty(), back.warnings().toString());
        assertEquals(first, EXPORTER.export(back), "export → parse → export is stable");
        assertEquals(doc.goals(), back.goals());
        assertEquals(doc.phases(), back.phases());
        assertEquals(doc.meetings(), back.meetings());
        assertEquals(doc.backlog(), back.backlog());
        assertEquals(doc.allCards(), back.allCards());
        assertEquals(doc.group().mission(), back.group().mission());
        assertEquals(doc.group().description(), back.group().description());
        assertEquals(doc.group().planStart(), back.group().planStart());
    }

    @Test
    void shouldWriteTheSeedStyleSections() {
        String md = EXPORTER.export(RoadmapMarkdownParserTest.parseSeed("cardano-working-group-milestones.md"));
        assertTrue(md.contains(
                "\n## Key milestones\n\n### May 2024\n\n- [ ] Create Rough Draft of Comms Plan — Planned\n"));
        assertTrue(md.contains("| ID | Date (Tentative) | Agenda | Outcome | Location |\n"));
        assertTrue(md.contains("| 8 |  |  |  |  |\n"), "an undated meeting keeps its row");
        String mozilla = EXPORTER.export(RoadmapMarkdownParserTest.parseSeed("mozilla-contribution-lifecycle.txt"));
        assertTrue(mozilla.contains("| Milestone | Responsible | Support | Deliverable |\n"));
        assertTrue(mozilla.contains("- Measure of success: New contributors — target 25\n"));
        assertFalse(md.contains("\r"));
        assertTrue(md.endsWith("|\n"));
    }

    /** Everything the model holds, with the characters that Markdown, tables and the card suffix care about. */
    static RoadmapDocument awkward() {
        CardItem tricky = new CardItem(
                "A | pipe, *stars*, _under_ and [x] — Done",
                CardStatus.BLOCKED,
                "Ana · Bo — lead",
                "CBT liaison | others",
                "docs & <b>html</b> &amp; entity",
                "Goal: with colon",
                "First line\n\n## A heading in a description\n\\## already escaped\n- a list\n  - nested");
        CardItem numbered = new CardItem("1. Starts like a list", CardStatus.DONE, null, null, null, null, null);
        CardItem dash = new CardItem("- starts with a dash", CardStatus.IN_PROGRESS, null, null, "report", null, null);
        CardItem twin1 = new CardItem("Same title", CardStatus.PLANNED, null, null, null, null, null);
        CardItem twin2 = new CardItem("Same title", CardStatus.DROPPED, "Zed", "Amy", "thing", null, null);
        CardItem hash =
                new CardItem("# not a heading", CardStatus.PLANNED, null, null, null, null, "`code` and \\ backslash");
        return new RoadmapDocument(
                new GroupInfo(
                        "Group \"quoted\": name",
                        "awkward-group",
                        "Our mission is to *test*.\n\nSecond paragraph.",
                        "# Heading inside\n\nText with | pipe.",
                        YearMonth.of(2024, 11),
                        YearMonth.of(2025, 2)),
                List.of(
                        new GoalItem(
                                "Goal: with colon",
                                "Why it matters\nover two lines",
                                "#12abef",
                                new Measure("new contributors", new BigDecimal("25"), new BigDecimal("3.5"))),
                        new GoalItem("Only a target", null, null, new Measure(null, new BigDecimal("10"), null)),
                        new GoalItem("Plain", null, null, null)),
                List.of(
                        new PhaseItem(
                                "Launch: part 1",
                                YearMonth.of(2024, 11),
                                YearMonth.of(2025, 1),
                                "Focus line one\nline two",
                                List.of("Do *this*", "Then\nthat, on two lines"),
                                List.of("A result")),
                        new PhaseItem(
                                "Review", YearMonth.of(2025, 2), YearMonth.of(2025, 2), null, List.of(), List.of())),
                List.of(
                        new MonthItem(
                                YearMonth.of(2024, 11),
                                "Kick-off: go",
                                "platform co-op",
                                "- outcome a\n- outcome b",
                                List.of(tricky, numbered, twin1)),
                        new MonthItem(YearMonth.of(2024, 12), null, null, null, List.of()),
                        new MonthItem(YearMonth.of(2025, 1), null, "software | co-op", null, List.of(dash, twin2)),
                        new MonthItem(YearMonth.of(2025, 2), null, null, null, List.of())),
                List.of(hash, new CardItem("Backlog item", CardStatus.PLANNED, "Activator", null, null, "Plain", null)),
                List.of(
                        new MeetingItem(
                                1,
                                LocalDate.of(2024, 11, 4),
                                LocalTime.of(15, 30),
                                "Europe/Berlin",
                                false,
                                "Room | 4",
                                "https://example.org/call?a=1&b=(2)",
                                List.of("Intro <br> with a tag", "3) numbered already", "Outcome: not the outcome"),
                                "Agreed\nNext steps: write",
                                "# Minutes\n\nPeople came."),
                        new MeetingItem(
                                2, null, null, null, true, null, "https://example.org/j/2", List.of(), null, null),
                        new MeetingItem(
                                5,
                                LocalDate.of(2025, 1, 20),
                                null,
                                null,
                                true,
                                "Virtual",
                                null,
                                List.of(),
                                null,
                                null)),
                List.of());
    }

    @Test
    void shouldRoundTripAwkwardContent() {
        RoadmapDocument doc = awkward();
        String md = EXPORTER.export(doc);
        RoadmapDocument back = PARSER.parse(md);
        assertTrue(back.warnings().isEmpty(), back.warnings() + "\n" + md);
        assertEquals(doc.group().name(), back.group().name());
        assertEquals(doc.group().slug(), back.group().slug());
        assertEquals(doc.group().mission(), back.group().mission());
        assertEquals(doc.group().description(), back.group().description());
        assertEquals(doc.group().planStart(), back.group().planStart());
        assertEquals(doc.group().planEnd(), back.group().planEnd());
        assertEquals(doc.goals(), back.goals());
        assertEquals(doc.phases(), back.phases());
        assertEquals(doc.months(), back.months(), md);
        assertEquals(doc.backlog(), back.backlog());
        MeetingItem m = doc.meetings().get(0);
        MeetingItem b = back.meetings().get(0);
        assertEquals(m.objectives(), b.objectives());
        assertEquals(m.outcome(), b.outcome());
        assertEquals(m.minutes(), b.minutes());
        assertEquals("https://example.org/call?a=1&b=%282%29", b.joinUrl(), "parentheses are encoded in the link");
        assertEquals(doc.meetings().subList(1, 3), back.meetings().subList(1, 3));
        assertEquals(md, EXPORTER.export(back));
    }
}
