package org.milepost.history;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One change to record: what, which action, a human summary ("moved from May to June", "status PLANNED -> DONE") and
 * the changed fields as {@code {field: [from, to]}} with JSON values (months "2024-05", dates "2024-04-22", times
 * "15:00", enums by name). Made by the factories below, which also write the summary.
 */
public record Entry(
        EntityType type,
        ChangeAction action,
        long entityId,
        Integer version,
        String title,
        YearMonth month,
        String summary,
        Map<String, List<Object>> diff) {

    static final int MAX_SUMMARY = 1000;
    private static final int SHORT_TEXT = 60;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH_ONLY = DateTimeFormatter.ofPattern("MMMM", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    /** How fields are called in summaries, where their JSON name reads badly. */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("goalId", "goal"),
            Map.entry("joinUrl", "join link"),
            Map.entry("timeZone", "time zone"),
            Map.entry("cardIds", "linked cards"),
            Map.entry("startMonth", "start"),
            Map.entry("endMonth", "end"),
            Map.entry("planStart", "plan start"),
            Map.entry("planEnd", "plan end"),
            Map.entry("displayName", "name"),
            Map.entry("measureLabel", "measure"),
            Map.entry("measureTarget", "target"),
            Map.entry("measureCurrent", "current"));

    public Entry {
        summary = truncate(summary, MAX_SUMMARY);
        title = truncate(title, 300);
    }

    public static Entry created(
            EntityType type, long id, Integer version, String title, YearMonth month, Map<String, Object> fields) {
        Map<String, List<Object>> diff = new LinkedHashMap<>();
        fields.forEach((field, value) -> {
            Object json = json(value);
            if (!isEmpty(json)) {
                diff.put(field, pair(null, json));
            }
        });
        String summary =
                switch (type) {
                    case CARD -> "created in " + monthLabel(month);
                    case MEMBER -> "added as " + fields.get("role");
                    case MEETING -> fields.get("date") != null ? "scheduled for " + fields.get("date") : "created";
                    default -> "created";
                };
        return new Entry(type, ChangeAction.CREATED, id, version, title, month, summary, diff);
    }

    /** The fields that differ; {@link #isEmpty()} when none do (nothing worth recording). */
    public static Entry updated(
            EntityType type,
            long id,
            Integer version,
            String title,
            YearMonth month,
            Map<String, Object> before,
            Map<String, Object> after) {
        Map<String, List<Object>> diff = new LinkedHashMap<>();
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Object> field : after.entrySet()) {
            Object from = before.get(field.getKey());
            Object to = field.getValue();
            Object jsonFrom = json(from);
            Object jsonTo = json(to);
            if (!Objects.equals(jsonFrom, jsonTo) && !(isEmpty(jsonFrom) && isEmpty(jsonTo))) {
                diff.put(field.getKey(), pair(jsonFrom, jsonTo));
                parts.add(describe(field.getKey(), from, to));
            }
        }
        return new Entry(type, ChangeAction.UPDATED, id, version, title, month, String.join("; ", parts), diff);
    }

    /** A card's move to another month (or the backlog), or within its month. */
    public static Entry moved(long cardId, int version, String title, YearMonth from, YearMonth to, String why) {
        String summary;
        Map<String, List<Object>> diff = new LinkedHashMap<>();
        if (Objects.equals(from, to)) {
            summary = "reordered within " + monthLabel(to);
        } else {
            diff.put("month", pair(json(from), json(to)));
            boolean sameYear = from != null && to != null && from.getYear() == to.getYear();
            summary = sameYear
                    ? "moved from " + from.format(MONTH_ONLY) + " to " + to.format(MONTH_ONLY)
                    : "moved from " + monthLabel(from) + " to " + monthLabel(to);
        }
        if (why != null) {
            summary += " (" + why + ")";
        }
        return new Entry(EntityType.CARD, ChangeAction.MOVED, cardId, version, title, to, summary, diff);
    }

    public static Entry deleted(EntityType type, long id, String title, YearMonth month, Map<String, Object> fields) {
        Map<String, List<Object>> diff = new LinkedHashMap<>();
        fields.forEach((field, value) -> {
            Object json = json(value);
            if (!isEmpty(json)) {
                diff.put(field, pair(json, null));
            }
        });
        String summary =
                switch (type) {
                    case CARD -> "deleted from " + monthLabel(month);
                    case MEMBER -> "removed";
                    default -> "deleted";
                };
        return new Entry(type, ChangeAction.DELETED, id, null, title, month, summary, diff);
    }

    /** The same change told differently, e.g. with how it came about. */
    public Entry withSummary(String summary) {
        return new Entry(type, action, entityId, version, title, month, summary, diff);
    }

    /** True for an update that changed nothing: recording it would only add noise. */
    public boolean isEmpty() {
        return action == ChangeAction.UPDATED && diff.isEmpty();
    }

    /** "May 2024", or "the backlog" for no month. */
    public static String monthLabel(YearMonth month) {
        return month == null ? "the backlog" : month.format(MONTH);
    }

    /** One changed field in words: {@code status PLANNED -> DONE}, {@code title "A" -> "B"}, {@code description changed}. */
    static String describe(String field, Object from, Object to) {
        if (field.equals("tentative") && to instanceof Boolean tentative) {
            return tentative ? "marked tentative" : "confirmed";
        }
        String label = LABELS.getOrDefault(field, field);
        if (isShort(from) && isShort(to)) {
            return label + " " + show(from) + " -> " + show(to);
        }
        return label + " changed";
    }

    private static boolean isShort(Object value) {
        if (value instanceof String s) {
            return s.length() <= SHORT_TEXT && s.indexOf('\n') < 0 && s.indexOf('\r') < 0;
        }
        return !(value instanceof Collection<?>);
    }

    private static String show(Object value) {
        if (value == null || (value instanceof String s && s.isEmpty())) {
            return "none";
        }
        if (value instanceof String s) {
            return "\"" + s + "\"";
        }
        if (value instanceof YearMonth m) {
            return m.format(MONTH);
        }
        if (value instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        return String.valueOf(json(value));
    }

    /** A value as it is stored in the diff (and compared): plain JSON types only. */
    static Object json(Object value) {
        if (value == null
                || value instanceof String
                || value instanceof Boolean
                || value instanceof Integer
                || value instanceof Long) {
            return value;
        }
        if (value instanceof BigDecimal d) {
            return new BigDecimal(d.stripTrailingZeros().toPlainString());
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof LocalTime t) {
            return t.getSecond() == 0 && t.getNano() == 0 ? t.format(TIME) : t.toString();
        }
        if (value instanceof YearMonth || value instanceof LocalDate || value instanceof TemporalAccessor) {
            return value.toString();
        }
        if (value instanceof Set<?> set) {
            return set.stream().map(Entry::json).sorted(Entry::compare).collect(Collectors.toList());
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(Entry::json).collect(Collectors.toList());
        }
        return value.toString();
    }

    private static boolean isEmpty(Object json) {
        return json == null || (json instanceof Collection<?> c && c.isEmpty());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        if (a instanceof Comparable ca && b != null && a.getClass() == b.getClass()) {
            return ca.compareTo(b);
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }

    private static List<Object> pair(Object from, Object to) {
        List<Object> pair = new ArrayList<>(2);
        pair.add(from);
        pair.add(to);
        return pair;
    }

    private static String truncate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 2)) ? max - 2 : max - 1;
        return text.substring(0, end) + "…";
    }
}
