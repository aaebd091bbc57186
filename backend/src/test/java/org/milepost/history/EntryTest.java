package org.milepost.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milepost.card.CardStatus;

/** The summaries and diffs history entries are made of. */
class EntryTest {

    @Test
    void shouldNameMovesByMonthAndYearOnlyWhenTheYearChanges() {
        assertEquals(
                "moved from May to June",
                Entry.moved(1, 2, "A", YearMonth.of(2024, 5), YearMonth.of(2024, 6), null)
                        .summary());
        assertEquals(
                "moved from December 2024 to January 2025",
                Entry.moved(1, 2, "A", YearMonth.of(2024, 12), YearMonth.of(2025, 1), null)
                        .summary());
        assertEquals(
                "moved from the backlog to May 2024",
                Entry.moved(1, 2, "A", null, YearMonth.of(2024, 5), null).summary());
        assertEquals(
                "reordered within the backlog",
                Entry.moved(1, 2, "A", null, null, null).summary());
    }

    @Test
    void shouldDescribeShortValuesAndOnlyNameLongOnes() {
        Entry entry = Entry.updated(
                EntityType.CARD,
                1,
                3,
                "A",
                null,
                Fields.of("title", "A", "description", "short", "status", CardStatus.PLANNED, "goalId", null),
                Fields.of("title", "B", "description", "x".repeat(61), "status", CardStatus.DONE, "goalId", 12L));
        assertEquals(
                "title \"A\" -> \"B\"; description changed; status PLANNED -> DONE; goal none -> 12", entry.summary());
        assertEquals(List.of("A", "B"), entry.diff().get("title"));
        assertEquals(Arrays.asList(null, 12L), entry.diff().get("goalId"));
    }

    @Test
    void shouldCompareValuesAsJsonSoEqualValuesAreNoChange() {
        Entry entry = Entry.updated(
                EntityType.GOAL,
                1,
                1,
                "G",
                null,
                Fields.of(
                        "measureTarget",
                        new BigDecimal("25.00"),
                        "cards",
                        new LinkedHashSet<>(List.of(3L, 1L)),
                        "objectives",
                        List.of(),
                        "time",
                        LocalTime.of(15, 0)),
                Fields.of(
                        "measureTarget",
                        new BigDecimal("25"),
                        "cards",
                        new LinkedHashSet<>(List.of(1L, 3L)),
                        "objectives",
                        null,
                        "time",
                        LocalTime.of(15, 0)));
        assertTrue(entry.isEmpty(), entry.toString());
        assertEquals(
                List.of(new BigDecimal("10"), new BigDecimal("12.5")),
                Entry.updated(
                                EntityType.GOAL,
                                1,
                                1,
                                "G",
                                null,
                                Map.of("measureCurrent", new BigDecimal("10.00")),
                                Map.of("measureCurrent", new BigDecimal("12.50")))
                        .diff()
                        .get("measureCurrent"));
    }

    @Test
    void shouldKeepSummariesAndTitlesBoundedWithoutSplittingCharacters() {
        Map<String, Object> before = new java.util.LinkedHashMap<>();
        Map<String, Object> after = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 30; i++) {
            before.put("field" + i, "a".repeat(60));
            after.put("field" + i, "b".repeat(60));
        }
        Entry entry = Entry.updated(EntityType.CARD, 1, 1, "\uD83D\uDE00".repeat(200), null, before, after);
        assertEquals(Entry.MAX_SUMMARY, entry.summary().length());
        assertTrue(entry.summary().endsWith("…"));
        assertTrue(entry.title().length() <= 300);
        assertTrue(Character.isLowSurrogate(entry.title().charAt(entry.title().length() - 2)), "no half emoji");
        assertEquals(30, entry.diff().size(), "the diff keeps every field");
    }
}
