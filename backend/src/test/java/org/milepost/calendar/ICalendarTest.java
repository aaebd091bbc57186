package org.milepost.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 5545 details: TEXT escaping, folding at 75 octets, start times. */
class ICalendarTest {

    @Test
    void shouldEscapeBackslashSemicolonCommaAndLineBreaks() {
        assertEquals("a\\\\b\\;c\\,d\\ne\\nf\\ng", ICalendar.escape("a\\b;c,d\ne\r\nf\rg"));
        assertEquals("tab\tkept, bell dropped".replace(",", "\\,"), ICalendar.escape("tab\tkept, bell\u0007 dropped"));
    }

    @Test
    void shouldFoldAt75OctetsWithoutSplittingACharacter() {
        String line = "DESCRIPTION:" + "Zürich – 会議 😀 ".repeat(20);
        List<String> folded = ICalendar.fold(line);
        assertTrue(folded.size() > 1);
        for (int i = 0; i < folded.size(); i++) {
            String physical = folded.get(i);
            assertTrue(physical.getBytes(StandardCharsets.UTF_8).length <= 75, physical);
            assertEquals(i > 0, physical.startsWith(" "), "continuation lines start with one space");
            assertTrue(!Character.isHighSurrogate(physical.charAt(physical.length() - 1)));
        }
        StringBuilder unfolded = new StringBuilder(folded.get(0));
        folded.stream().skip(1).forEach(l -> unfolded.append(l.substring(1)));
        assertEquals(line, unfolded.toString());
        assertEquals(List.of("SHORT:x"), ICalendar.fold("SHORT:x"));
        assertEquals(1, ICalendar.fold("X:" + "a".repeat(73)).size(), "exactly 75 octets still fits");
        assertEquals(2, ICalendar.fold("X:" + "a".repeat(74)).size());
    }

    @Test
    void shouldWriteWholeDaysUtcInstantsAndFloatingTimes() {
        String ics = new ICalendar()
                .start(LocalDate.of(2024, 6, 1), null, null, Duration.ofHours(1))
                .start(LocalDate.of(2024, 5, 21), LocalTime.of(15, 0), "Europe/Berlin", Duration.ofMinutes(90))
                .start(LocalDate.of(2024, 12, 3), LocalTime.of(9, 30), null, Duration.ofHours(1))
                .toString();
        assertEquals(
                "DTSTART;VALUE=DATE:20240601\r\n"
                        + "DTSTART:20240521T130000Z\r\nDURATION:PT1H30M\r\n"
                        + "DTSTART:20241203T093000\r\nDURATION:PT1H\r\n",
                ics);
    }
}
