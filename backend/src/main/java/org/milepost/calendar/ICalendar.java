package org.milepost.calendar;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes an iCalendar object (RFC 5545) line by line: CRLF line ends, lines folded at 75 octets without splitting a
 * UTF-8 character, TEXT values escaped. Only what a published meeting schedule needs; no parsing.
 */
final class ICalendar {

    static final String CRLF = "\r\n";
    private static final int MAX_OCTETS = 75;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final StringBuilder out = new StringBuilder();

    /** A property whose value is written as given (URIs, dates, enumerated values). */
    ICalendar raw(String nameAndParameters, String value) {
        return line(nameAndParameters + ":" + value);
    }

    /** A TEXT property: its value is escaped. Nothing is written for a null or blank value. */
    ICalendar text(String name, String value) {
        if (value == null || value.isBlank()) {
            return this;
        }
        return line(name + ":" + escape(value));
    }

    ICalendar begin(String component) {
        return line("BEGIN:" + component);
    }

    ICalendar end(String component) {
        return line("END:" + component);
    }

    ICalendar stamp(String name, Instant instant) {
        return raw(name, UTC.format(instant));
    }

    /**
     * The start of an event: a whole day ({@code VALUE=DATE}) without a time; the instant in UTC with a time and a
     * time zone; a floating local time with a time but no zone. A timed event also gets {@code duration}.
     */
    ICalendar start(LocalDate date, LocalTime time, String timeZone, Duration duration) {
        if (time == null) {
            return raw("DTSTART;VALUE=DATE", DATE.format(date));
        }
        if (timeZone != null) {
            raw(
                    "DTSTART",
                    UTC.format(date.atTime(time).atZone(ZoneId.of(timeZone)).toInstant()));
        } else {
            raw("DTSTART", LOCAL.format(date.atTime(time)));
        }
        return raw("DURATION", duration.toString());
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /** TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks; other controls are dropped. */
    static String escape(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case ';' -> sb.append("\\;");
                case ',' -> sb.append("\\,");
                case '\r' -> {
                    sb.append("\\n");
                    if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                case '\n' -> sb.append("\\n");
                default -> {
                    if ((c >= 0x20 && c != 0x7f) || c == '\t') {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** Folds a content line (RFC 5545 3.1): at most 75 octets a line, continuation lines start with one space. */
    static List<String> fold(String line) {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > MAX_OCTETS) {
                lines.add(current.toString());
                current.setLength(0);
                current.append(' ');
                octets = 1;
            }
            current.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        lines.add(current.toString());
        return lines;
    }

    private ICalendar line(String contentLine) {
        for (String physical : fold(contentLine)) {
            out.append(physical).append(CRLF);
        }
        return this;
    }
}
