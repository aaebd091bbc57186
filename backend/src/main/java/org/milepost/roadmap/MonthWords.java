package org.milepost.roadmap;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * English month names as planning documents write them ({@code May}, {@code Sept}, {@code Aug.}), the dates of
 * meeting tables ({@code 22 April 2024}, {@code 29 Apr 2024}, {@code April 22, 2024}, {@code 2024-04-22}) and the
 * year a month without one most likely means.
 */
final class MonthWords {

    /** A month name, full or abbreviated, optionally followed by a dot. Use with CASE_INSENSITIVE where wanted. */
    static final String NAME =
            "(?:january|february|march|april|may|june|july|august|september|october|november|december"
                    + "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?";

    /** The same, capitalised only: in prose "may" is a verb. */
    static final String PROSE_NAME = "(?:January|February|March|April|May|June|July|August|September|October|November"
            + "|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?";

    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(" + NAME + ")(?:,?\\s+(\\d{4}))?\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "\\b(" + NAME + ")\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern TIME = Pattern.compile(
            "\\b(\\d{1,2})(?::(\\d{2}))\\s*(am|pm)?\\b|\\b(\\d{1,2})\\s*(am|pm)\\b", Pattern.CASE_INSENSITIVE);

    private MonthWords() {}

    /** The month a name means, if it is one ("Sept", "aug.", "December"). */
    static Optional<Month> month(String word) {
        if (word == null) {
            return Optional.empty();
        }
        String w = word.strip().toLowerCase(Locale.ROOT);
        if (w.endsWith(".")) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.length() < 3) {
            return Optional.empty();
        }
        for (Month m : Month.values()) {
            String full = m.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
            if (full.equals(w) || w.length() <= 4 && full.startsWith(w) && (w.length() == 3 || w.equals("sept"))) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** "May 2024" as the exporter writes month headings. */
    static String format(YearMonth month) {
        return month.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + month.getYear();
    }

    /** "22 April 2024" as the exporter writes meeting dates. */
    static String format(LocalDate date) {
        return date.getDayOfMonth() + " " + date.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " "
                + date.getYear();
    }

    /** A date with its position in the text; {@code year} is null when the text gave none. */
    record FoundDate(int day, Month month, Integer year, int start, int end) {}

    /** The first date written in {@code text}, in any of the supported forms. */
    static Optional<FoundDate> findDate(String text) {
        FoundDate best = null;
        Matcher iso = ISO_DATE.matcher(text);
        if (iso.find()) {
            int month = Integer.parseInt(iso.group(2));
            int day = Integer.parseInt(iso.group(3));
            if (month >= 1 && month <= 12 && day >= 1 && day <= 31) {
                best = new FoundDate(day, Month.of(month), Integer.parseInt(iso.group(1)), iso.start(), iso.end());
            }
        }
        Matcher dmy = DAY_MONTH_YEAR.matcher(text);
        while (dmy.find()) {
            FoundDate d = found(dmy.group(1), dmy.group(2), dmy.group(3), dmy.start(), dmy.end());
            if (d != null) {
                best = earlier(best, d);
                break;
            }
        }
        Matcher mdy = MONTH_DAY_YEAR.matcher(text);
        while (mdy.find()) {
            FoundDate d = found(mdy.group(2), mdy.group(1), mdy.group(3), mdy.start(), mdy.end());
            if (d != null) {
                best = earlier(best, d);
                break;
            }
        }
        return Optional.ofNullable(best);
    }

    private static FoundDate earlier(FoundDate a, FoundDate b) {
        return a == null || b.start() < a.start() ? b : a;
    }

    private static FoundDate found(String day, String monthName, String year, int start, int end) {
        Optional<Month> month = month(monthName);
        int d = Integer.parseInt(day);
        if (month.isEmpty() || d < 1 || d > month.get().maxLength()) {
            return null;
        }
        return new FoundDate(d, month.get(), year == null ? null : Integer.valueOf(year), start, end);
    }

    /** A time of day in {@code text} ("15:00", "3pm", "3:30 pm"). */
    static Optional<Matcher> findTime(String text) {
        Matcher m = TIME.matcher(text);
        return m.find() ? Optional.of(m) : Optional.empty();
    }

    static LocalTime time(Matcher m) {
        int hour = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(4));
        int minute = m.group(2) != null ? Integer.parseInt(m.group(2)) : 0;
        String ampm = m.group(3) != null ? m.group(3) : m.group(5);
        if (ampm != null) {
            hour = hour % 12 + (ampm.equalsIgnoreCase("pm") ? 12 : 0);
        }
        if (hour > 23 || minute > 59) {
            return null;
        }
        return LocalTime.of(hour, minute);
    }

    /**
     * Decides the year of months written without one. The first such month of a document is the occurrence nearest
     * to the document's reference date (its front-matter date, the first full date in it, or an explicit year);
     * later months of a sequence (headings, numbered lists, phases) roll forward from the previous one, so
     * "Nov, Dec, Jan" crosses into the next year. Months in prose are the occurrence nearest the reference date.
     */
    static final class YearResolver {

        private final LocalDate reference;
        private final Integer referenceYear;
        private final LocalDate today;
        private YearMonth anchor;
        private boolean assumedToday;

        YearResolver(LocalDate reference, Integer referenceYear, LocalDate today) {
            this.reference = reference;
            this.referenceYear = referenceYear;
            this.today = today;
        }

        /** A month of a sequence (heading, numbered item, phase start). */
        YearMonth next(Month month, Integer year) {
            YearMonth resolved;
            if (year != null) {
                resolved = YearMonth.of(year, month);
            } else if (anchor != null) {
                resolved = YearMonth.of(anchor.getYear(), month);
                if (resolved.isBefore(anchor)) {
                    resolved = resolved.plusYears(1);
                }
            } else {
                resolved = nearest(month);
            }
            anchor = resolved;
            return resolved;
        }

        /** The end of a span that starts at {@code start}: never before it. */
        YearMonth until(Month month, Integer year, YearMonth start) {
            YearMonth resolved = year != null ? YearMonth.of(year, month) : YearMonth.of(start.getYear(), month);
            if (year == null && resolved.isBefore(start)) {
                resolved = resolved.plusYears(1);
            }
            anchor = resolved;
            return resolved;
        }

        /** A month named in prose ("In December we'll focus on…"). */
        YearMonth prose(Month month, Integer year) {
            return year != null ? YearMonth.of(year, month) : nearest(month);
        }

        /** A date without a year ("22 April"): in the year nearest to the reference. */
        LocalDate date(int day, Month month, Integer year) {
            YearMonth ym = year != null ? YearMonth.of(year, month) : nearest(month);
            return ym.atDay(Math.min(day, ym.lengthOfMonth()));
        }

        YearMonth nearest(Month month) {
            if (reference == null && referenceYear != null) {
                return YearMonth.of(referenceYear, month);
            }
            LocalDate ref = reference;
            if (ref == null) {
                ref = today;
                assumedToday = true;
            }
            YearMonth base = YearMonth.from(ref);
            YearMonth best = null;
            long bestDistance = Long.MAX_VALUE;
            for (int y = base.getYear() - 1; y <= base.getYear() + 1; y++) {
                YearMonth candidate = YearMonth.of(y, month);
                long distance = Math.abs(base.until(candidate, java.time.temporal.ChronoUnit.MONTHS));
                if (distance < bestDistance || distance == bestDistance && candidate.isAfter(best)) {
                    best = candidate;
                    bestDistance = distance;
                }
            }
            return best;
        }

        /** Whether some month's year had to be guessed from today's date (the document gave none). */
        boolean assumedToday() {
            return assumedToday;
        }

        LocalDate reference() {
            return reference;
        }
    }
}
