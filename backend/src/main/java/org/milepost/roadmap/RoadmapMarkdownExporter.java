package org.milepost.roadmap;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.milepost.card.CardStatus;
import org.milepost.roadmap.RoadmapDocument.CardItem;
import org.milepost.roadmap.RoadmapDocument.GoalItem;
import org.milepost.roadmap.RoadmapDocument.GroupInfo;
import org.milepost.roadmap.RoadmapDocument.MeetingItem;
import org.milepost.roadmap.RoadmapDocument.MonthItem;
import org.milepost.roadmap.RoadmapDocument.PhaseItem;

/**
 * Writes a roadmap as one Markdown document in the style of the seed documents: front matter, title, mission,
 * about, goals with their measures of success, phases (Focus / Activities / Outcomes), "Key milestones" with a
 * {@code ### May 2024} heading per month of the plan and each card as a task-list bullet with its status and
 * responsible person, the backlog, a deliverables table (Milestone | Responsible | Support | Deliverable), the
 * meeting schedule table (ID | Date (Tentative) | Agenda | Outcome | Location) and meeting minutes.
 *
 * <p>Deterministic: the same roadmap always gives the same bytes (the order is the roadmap's, nothing depends on
 * the clock or on ids), so a document kept in Git only changes where the plan changed. {@link RoadmapMarkdownParser}
 * reads the output back to the same roadmap.
 */
public final class RoadmapMarkdownExporter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    public String export(RoadmapDocument doc) {
        StringBuilder out = new StringBuilder(4096);
        GroupInfo g = doc.group();
        String name = g.name() == null || g.name().isBlank() ? "Roadmap" : g.name();

        out.append("---\n");
        out.append("title: ").append(quote(name)).append('\n');
        if (g.slug() != null) {
            out.append("slug: ").append(g.slug()).append('\n');
        }
        if (g.planStart() != null && g.planEnd() != null) {
            out.append("plan: ")
                    .append(g.planStart())
                    .append(" to ")
                    .append(g.planEnd())
                    .append('\n');
        }
        out.append("---\n\n");
        out.append("# ").append(MarkdownText.escape(name)).append('\n');

        if (present(g.mission())) {
            out.append("\n## Mission\n\n").append(rawBlock(g.mission(), "")).append('\n');
        }
        if (present(g.description())) {
            out.append("\n## About\n\n").append(rawBlock(g.description(), "")).append('\n');
        }
        goals(out, doc.goals());
        phases(out, doc.phases());
        months(out, g, doc.months());
        if (!doc.backlog().isEmpty()) {
            out.append("\n## Backlog\n\n");
            for (CardItem c : doc.backlog()) {
                card(out, c);
            }
        }
        deliverables(out, doc.allCards());
        meetings(out, doc.meetings());
        return out.toString();
    }

    private void goals(StringBuilder out, List<GoalItem> goals) {
        if (goals.isEmpty()) {
            return;
        }
        out.append("\n## Goals\n\n");
        int n = 1;
        for (GoalItem goal : goals) {
            String marker = n++ + ". ";
            String indent = " ".repeat(marker.length());
            out.append(marker)
                    .append("**")
                    .append(MarkdownText.escape(goal.title()))
                    .append("**\n");
            if (present(goal.description())) {
                out.append(rawBlock(goal.description(), indent)).append('\n');
            }
            boolean measure = goal.measure() != null
                    && (present(goal.measure().label())
                            || goal.measure().target() != null
                            || goal.measure().current() != null);
            if (measure || present(goal.color())) {
                out.append('\n');
            }
            if (measure) {
                out.append(indent).append("- Measure of success: ");
                if (present(goal.measure().label())) {
                    out.append(MarkdownText.escape(goal.measure().label()));
                }
                List<String> numbers = new ArrayList<>();
                if (goal.measure().target() != null) {
                    numbers.add("target " + number(goal.measure().target()));
                }
                if (goal.measure().current() != null) {
                    numbers.add("current " + number(goal.measure().current()));
                }
                if (!numbers.isEmpty()) {
                    out.append(present(goal.measure().label()) ? " \u2014 " : "\u2014 ")
                            .append(String.join(", ", numbers));
                }
                out.append('\n');
            }
            if (present(goal.color())) {
                out.append(indent).append("- Color: ").append(goal.color()).append('\n');
            }
        }
    }

    private void phases(StringBuilder out, List<PhaseItem> phases) {
        if (phases.isEmpty()) {
            return;
        }
        out.append("\n## Phases\n");
        for (PhaseItem p : phases) {
            out.append("\n### ")
                    .append(MarkdownText.escape(p.name()))
                    .append(": ")
                    .append(MonthWords.format(p.start()));
            if (!p.end().equals(p.start())) {
                out.append(" \u2013 ").append(MonthWords.format(p.end()));
            }
            out.append('\n');
            if (present(p.focus())) {
                definition(out, "Focus", p.focus());
            }
            if (!p.activities().isEmpty()) {
                definition(out, "Activities", items(p.activities()));
            }
            if (!p.outcomes().isEmpty()) {
                definition(out, "Outcomes", items(p.outcomes()));
            }
        }
    }

    private void months(StringBuilder out, GroupInfo g, List<MonthItem> months) {
        Map<YearMonth, MonthItem> byMonth = new LinkedHashMap<>();
        for (MonthItem m : months) {
            byMonth.put(m.month(), m);
        }
        List<YearMonth> all = new ArrayList<>();
        if (g.planStart() != null && g.planEnd() != null) {
            for (YearMonth m = g.planStart(); !m.isAfter(g.planEnd()); m = m.plusMonths(1)) {
                all.add(m);
            }
        }
        for (YearMonth m : byMonth.keySet()) {
            if (!all.contains(m)) {
                all.add(m);
            }
        }
        all.sort(null);
        if (all.isEmpty()) {
            return;
        }
        out.append("\n## Key milestones\n");
        for (YearMonth ym : all) {
            MonthItem m = byMonth.get(ym);
            out.append("\n### ").append(MonthWords.format(ym));
            if (m != null && present(m.title())) {
                out.append(": ").append(MarkdownText.escape(m.title()));
            }
            out.append('\n');
            if (m == null) {
                continue;
            }
            if (present(m.focus())) {
                definition(out, "Focus", MarkdownText.escape(m.focus()));
            }
            if (present(m.outcomes())) {
                definition(out, "Outcomes", m.outcomes());
            }
            if (!m.cards().isEmpty()) {
                out.append('\n');
                for (CardItem c : m.cards()) {
                    card(out, c);
                }
            }
        }
    }

    private void card(StringBuilder out, CardItem c) {
        out.append(c.status() == CardStatus.DONE ? "- [x] " : "- [ ] ")
                .append(MarkdownText.escape(c.title()))
                .append(" \u2014 ")
                .append(statusLabel(c.status()));
        if (present(c.responsible())) {
            out.append(" \u00B7 Responsible: ").append(metaValue(c.responsible()));
        }
        if (present(c.goal())) {
            out.append(" \u00B7 Goal: ").append(metaValue(c.goal()));
        }
        out.append('\n');
        if (present(c.description())) {
            out.append('\n').append(rawBlock(c.description(), "  ")).append("\n\n");
        }
    }

    /** Cards with a support person or deliverable, and every card sharing a title with one (so rows match in order). */
    private void deliverables(StringBuilder out, List<CardItem> cards) {
        Set<String> titles = new HashSet<>();
        for (CardItem c : cards) {
            if (present(c.support()) || present(c.deliverable())) {
                titles.add(normal(c.title()));
            }
        }
        if (titles.isEmpty()) {
            return;
        }
        out.append("\n## Deliverables\n\n");
        out.append("| Milestone | Responsible | Support | Deliverable |\n");
        out.append("| --- | --- | --- | --- |\n");
        for (CardItem c : cards) {
            if (titles.contains(normal(c.title()))) {
                out.append("| ")
                        .append(cell(c.title()))
                        .append(" | ")
                        .append(cell(c.responsible()))
                        .append(" | ")
                        .append(cell(c.support()))
                        .append(" | ")
                        .append(cell(c.deliverable()))
                        .append(" |\n");
            }
        }
    }

    private void meetings(StringBuilder out, List<MeetingItem> meetings) {
        if (meetings.isEmpty()) {
            return;
        }
        out.append("\n## Meeting schedule\n\n");
        out.append("| ID | Date (Tentative) | Agenda | Outcome | Location |\n");
        out.append("| --- | --- | --- | --- | --- |\n");
        for (MeetingItem m : meetings) {
            StringBuilder date = new StringBuilder();
            if (m.date() != null) {
                date.append(MonthWords.format(m.date()));
            }
            if (m.time() != null) {
                date.append(date.isEmpty() ? "" : ", ").append(TIME.format(m.time()));
                if (present(m.timeZone())) {
                    date.append(' ').append(m.timeZone());
                }
            }
            if (!m.tentative()) {
                date.append(date.isEmpty() ? "" : " ").append("(confirmed)");
            }
            List<String> agenda = new ArrayList<>();
            for (int i = 0; i < m.objectives().size(); i++) {
                agenda.add((i + 1) + ") " + cell(m.objectives().get(i)));
            }
            List<String> outcome = new ArrayList<>();
            if (present(m.outcome())) {
                for (String line : m.outcome().split("\n")) {
                    if (!line.isBlank()) {
                        outcome.add(cell(line.strip()));
                    }
                }
            }
            String location = cell(m.location());
            if (present(m.joinUrl())) {
                String url = m.joinUrl().replace(" ", "%20").replace("(", "%28").replace(")", "%29");
                location = location.isEmpty() ? "<" + url + ">" : "[" + location + "](" + url + ")";
            }
            out.append("| ")
                    .append(m.number())
                    .append(" | ")
                    .append(date)
                    .append(" | ")
                    .append(String.join("<br>", agenda))
                    .append(" | ")
                    .append(String.join("<br>", outcome))
                    .append(" | ")
                    .append(location)
                    .append(" |\n");
        }
        for (MeetingItem m : meetings) {
            if (present(m.minutes())) {
                out.append("\n### Minutes of meeting ")
                        .append(m.number())
                        .append("\n\n")
                        .append(rawBlock(m.minutes(), ""))
                        .append('\n');
            }
        }
    }

    private static void definition(StringBuilder out, String term, String body) {
        out.append('\n').append(term).append('\n');
        String[] lines = body.strip().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = escapeRawLine(lines[i].stripTrailing());
            if (i == 0) {
                out.append(": ").append(line).append('\n');
            } else {
                out.append(line.isEmpty() ? "" : "  " + line).append('\n');
            }
        }
    }

    /** Activities or outcomes as a Markdown list; an item's further lines are indented under it. */
    private static String items(List<String> items) {
        List<String> lines = new ArrayList<>();
        for (String item : items) {
            String[] parts = item.strip().split("\n", -1);
            lines.add("- " + parts[0]);
            for (int i = 1; i < parts.length; i++) {
                lines.add(parts[i].isBlank() ? "" : "  " + parts[i]);
            }
        }
        return String.join("\n", lines);
    }

    /** Multi-line Markdown, indented; heading-like lines are protected so the parser keeps them in the block. */
    private static String rawBlock(String text, String indent) {
        List<String> out = new ArrayList<>();
        for (String line : text.strip().split("\n", -1)) {
            String l = escapeRawLine(line.stripTrailing());
            out.add(l.isEmpty() ? "" : indent + l);
        }
        return String.join("\n", out);
    }

    private static String escapeRawLine(String line) {
        return line.matches("^\\\\*#{1,6}(\\s.*|$)") ? "\\" + line : line;
    }

    private static String metaValue(String value) {
        return MarkdownText.escape(value).replace("\u00B7", "&middot;").replace("\u2014", "&mdash;");
    }

    private static String cell(String value) {
        return value == null ? "" : MarkdownText.escape(value.strip());
    }

    static String statusLabel(CardStatus status) {
        return switch (status == null ? CardStatus.PLANNED : status) {
            case PLANNED -> "Planned";
            case IN_PROGRESS -> "In progress";
            case DONE -> "Done";
            case BLOCKED -> "Blocked";
            case DROPPED -> "Dropped";
        };
    }

    private static String number(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }

    private static String normal(String title) {
        return title.toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ")
                .replaceAll("[.:;,]+$", "")
                .strip();
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n', '\r', '\t' -> q.append(' ');
                default -> q.append(c);
            }
        }
        return q.append('"').toString();
    }
}
