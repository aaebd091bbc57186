package org.milepost.roadmap;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.milepost.card.CardStatus;
import org.milepost.roadmap.MonthWords.YearResolver;
import org.milepost.roadmap.RoadmapDocument.CardItem;
import org.milepost.roadmap.RoadmapDocument.GoalItem;
import org.milepost.roadmap.RoadmapDocument.GroupInfo;
import org.milepost.roadmap.RoadmapDocument.Measure;
import org.milepost.roadmap.RoadmapDocument.MeetingItem;
import org.milepost.roadmap.RoadmapDocument.MonthItem;
import org.milepost.roadmap.RoadmapDocument.PhaseItem;
import org.milepost.roadmap.RoadmapDocument.Warning;

/**
 * Reads a roadmap from a planning document as communities write them (Markdown, GitBook pages, wiki and blog
 * text), tolerantly: what it understands becomes a {@link RoadmapDocument}, what it does not is listed in
 * {@link RoadmapDocument#warnings()} with its line number. No Markdown library: the documents are line-oriented
 * and the structures that matter (headings, lists, definition lists, pipe and HTML tables) are few.
 *
 * <p>What it understands:
 * <ul>
 * <li>front matter ({@code title}, {@code date}, {@code slug}, {@code plan}); GitBook {@code {% … %}} tags, Hugo
 *     shortcodes and HTML comments are dropped; mojibake (UTF-8 read as MacRoman/Windows-1252) is repaired;</li>
 * <li>the mission ("…'s mission is to…", or a Mission section) and goals ("goals …, namely A, B, and C", a Goals
 *     list, a Measure of Success section with its number);</li>
 * <li>months as headings ({@code ## May 2024}, {@code ### June}) or numbered bold names with bullets
 *     ({@code 1. **May:**}), in full or abbreviated; the year from the month itself, the front-matter date, the
 *     first full date of the document (e.g. a meeting date), rolling over from December to January;</li>
 * <li>phases ({@code ## Launch: March – June}) with definition-list Focus / Activities / Outcomes;</li>
 * <li>cards as bullets, with an optional {@code [x]} and the exporter's {@code — Status · Responsible: …} suffix;</li>
 * <li>deliverables tables (Milestone | Responsible | Support | Deliverable), attached to the card of the same title
 *     (or one whose title starts with it), else added to the backlog;</li>
 * <li>meeting tables, pipe or HTML: number, date, tentative, agenda split into objectives ("Outcome:" inside it is
 *     the outcome), outcome, location and join link;</li>
 * <li>prose months: "Our focus for October was on the software", "For November our primary tasks are to A, B and
 *     C", "In December we'll focus on …": the month's focus and its tasks as cards.</li>
 * </ul>
 */
public final class RoadmapMarkdownParser {

    /** Longest card, goal and phase title the model holds; longer ones are shortened (the full text kept). */
    public static final int MAX_TITLE = 200;

    private final Supplier<LocalDate> today;

    public RoadmapMarkdownParser() {
        this(LocalDate::now);
    }

    /** @param today the date used for a month's year only when the document gives no year at all */
    public RoadmapMarkdownParser(Supplier<LocalDate> today) {
        this.today = today;
    }

    /** Reads the bytes as UTF-8, or as Windows-1252 when they are not (with a warning). */
    public RoadmapDocument parse(byte[] bytes) {
        TextRepair.Decoded decoded = TextRepair.decode(bytes);
        RoadmapDocument doc = parse(decoded.text());
        if (!decoded.notUtf8()) {
            return doc;
        }
        List<Warning> warnings = new ArrayList<>();
        warnings.add(new Warning(0, "", "the document is not UTF-8; it was read as Windows-1252"));
        warnings.addAll(doc.warnings());
        return new RoadmapDocument(
                doc.group(),
                doc.goals(),
                doc.phases(),
                doc.months(),
                doc.backlog(),
                doc.meetings(),
                List.copyOf(warnings));
    }

    public RoadmapDocument parse(String text) {
        return new Run(text, today.get()).parse();
    }

    // ------------------------------------------------------------------------------------------------------------

    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})(?:\\s+(.*?))?(?:\\s+#+)?\\s*$");
    private static final Pattern THEMATIC = Pattern.compile("^ {0,3}(?:(?:\\*\\s*){3,}|(?:-\\s*){3,}|(?:_\\s*){3,})$");
    private static final Pattern LIST_ITEM = Pattern.compile("^(\\s*)([-*+\u2022]|\\d{1,9}[.)])(?:\\s+(.*))?$");
    private static final Pattern DEFINITION_BODY = Pattern.compile("^ {0,3}:(?:\\s+(.*))?$");
    private static final Pattern PIPE_DELIMITER =
            Pattern.compile("^\\s*\\|?\\s*:?-+:?\\s*(?:\\|\\s*:?-+:?\\s*)*\\|?\\s*$");
    private static final Pattern CHECKBOX = Pattern.compile("^\\[([ xX])\\]\\s+(.*)$", Pattern.DOTALL);
    private static final Pattern FRONT_KEY = Pattern.compile("^([A-Za-z][\\w-]*)\\s*:\\s*(.*)$");
    private static final Pattern PLAN_RANGE =
            Pattern.compile("(\\d{4})-(\\d{2})\\s*(?:to|–|—|-|\\.\\.)\\s*(\\d{4})-(\\d{2})");

    private static final Pattern MONTH_HEAD = Pattern.compile(
            "^(" + MonthWords.NAME + ")(?:\\s+(\\d{4}))?(?:(?:\\s*[:–—]\\s*|\\s+-\\s+)(.*))?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ISO_MONTH_HEAD =
            Pattern.compile("^(\\d{4})-(\\d{2})(?:(?:\\s*[:–—]\\s*|\\s+-\\s+)(.*))?$");
    private static final Pattern SPAN = Pattern.compile(
            "^(" + MonthWords.NAME + ")(?:\\s+(\\d{4}))?(?:\\s*(?:–|—|-|to|until|through)\\s*(" + MonthWords.NAME
                    + ")(?:\\s+(\\d{4}))?)?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TRAILING_PARENTHETICAL = Pattern.compile("\\s*\\([^()]*\\)\\s*$");

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[\\p{Lu}\u201C\"\u2018'(])");
    private static final Pattern MISSION =
            Pattern.compile("(?i)\\bmission\\s+(?:statement\\s+)?is\\s+to\\b|^(?:our\\s+)?mission\\s*:");
    private static final Pattern MISSION_SUBJECT =
            Pattern.compile("^(?:The\\s+)?(.{3,120}?)['\u2019]s\\s+mission\\s+is\\b");
    private static final Pattern GOALS_LIST = Pattern.compile(
            "(?i)\\bgoals?\\b.*?(?:\\b(namely|as follows|includes?|including|are)\\b\\s*:?|:)\\s+(.+)$");

    private static final Pattern PROSE_MONTH = Pattern.compile(
            "\\b(?:[Ii]n|[Ff]or|[Dd]uring|[Oo]f)\\s+(" + MonthWords.PROSE_NAME + ")(?:\\s+(\\d{4}))?\\b");
    private static final Pattern FOCUS = Pattern.compile(
            "(?i)\\bfocus(?:e[sd])?\\b[^.]*?\\bon\\s+(?:the\\s+)?(.+?)(?=\\s+and\\s+(?:our|we)\\b|\\s+as\\s+well\\s+as\\b"
                    + "|\\s+while\\b|[,;.!?]|$)");
    private static final Pattern AS_WELL_AS = Pattern.compile("(?i)\\bas\\s+well\\s+as\\s+(.+?)[.!?]?$");
    private static final Pattern TASKS =
            Pattern.compile("(?i)\\btasks?\\s+(?:is|are|was|were|will\\s+be)\\s+to\\s+(.+?)[.!?]?$");
    private static final Pattern INCLUDED = Pattern.compile("(?i)\\binclud(?:ed|es|ing)\\s+(\\p{L}+ing\\b.+?)[.!?]?$");
    private static final Pattern WE_DID = Pattern.compile(
            "(?i)\\bwe\\s+(?:also\\s+)?((?:worked\\s+on|did|took\\s+care\\s+of|started|finished|completed|delivered"
                    + "|published|launched|released)\\b.+?)[.!?]?$");
    private static final Pattern DONE_VERB = Pattern.compile(
            "(?i)^(?:and\\s+)?(worked\\s+on|did|took\\s+care\\s+of|started\\s+in\\s+on|started\\s+on|started|finished"
                    + "|completed|delivered)\\s+");
    private static final Pattern GOAL_BY =
            Pattern.compile("(?i)\\bgoal\\s+of\\s+(.+?)\\s+by\\s+(?:the\\s+)?end\\s+of\\s+(" + MonthWords.PROSE_NAME
                    + ")(?:\\s+(\\d{4}))?");
    private static final Pattern PROSE_RANGE = Pattern.compile("\\b(" + MonthWords.PROSE_NAME
            + ")(?:\\s+(\\d{4}))?\\s+(?:to|through|until|–|—)\\s+(" + MonthWords.PROSE_NAME + ")(?:\\s+(\\d{4}))?\\b");
    private static final Pattern TEAM_MEMBER = Pattern.compile(
            "(?:,?\\s*(?:that|which|who)\\s+)?\\b(?:team\\s+member|assigned\\s+to|led\\s+by|owned\\s+by)\\s+"
                    + "(\\p{Lu}[\\p{L}\u2019'-]+(?:\\s+\\p{Lu}[\\p{L}\u2019'-]+){0,2})");

    private static final Pattern BOILERPLATE = Pattern.compile(
            "(?i)^(?:skip to (?:main )?content|jump to (?:navigation|search|content)|body paragraph|contents"
                    + "|table of contents|navigation menu|main menu|menu|search|share|print|from [\\w.-]*wiki(?:pedia)?"
                    + "|retrieved from .*|this page was last (?:edited|modified).*)$");
    private static final Pattern BREADCRUMB = Pattern.compile("^[<\u2039\u00AB\u203A\u00BB]\\s.*");
    private static final Pattern WIKI_PATH = Pattern.compile("^[^\\s/]+(?:/[^/\\s][^/]*){2,}$");

    private static final Pattern MEASURE_LINE = Pattern.compile("(?i)^measures?\\s+of\\s+success\\s*:\\s*(.*)$");
    private static final Pattern MEASURE_NUMBERS =
            Pattern.compile("(?i)^(?:target\\s+(-?\\d+(?:\\.\\d+)?))?(?:,?\\s*current\\s+(-?\\d+(?:\\.\\d+)?))?$");
    private static final Pattern COLOR_LINE = Pattern.compile("(?i)^colou?r\\s*:\\s*(#[0-9a-fA-F]{6})$");
    private static final Pattern NUMBER = Pattern.compile("(-?\\d+(?:\\.\\d+)?)");
    private static final Pattern MEASURE_LABEL_AFTER_NUMBER = Pattern.compile(
            "\\d+\\s+(\\p{L}[\\p{L}\\s-]{2,60}?)(?=\\s+(?:must|should|will|by|per|in|to|are|is)\\b|[,.;)]|$)");

    private static final Pattern META_FIELD =
            Pattern.compile("(?i)^(responsible|owner|lead|support|deliverable|goal|status)\\s*:\\s*(.*)$");

    private static final Map<String, CardStatus> STATUS_LABELS = Map.ofEntries(
            Map.entry("planned", CardStatus.PLANNED), Map.entry("todo", CardStatus.PLANNED),
            Map.entry("to do", CardStatus.PLANNED), Map.entry("in progress", CardStatus.IN_PROGRESS),
            Map.entry("in_progress", CardStatus.IN_PROGRESS), Map.entry("in-progress", CardStatus.IN_PROGRESS),
            Map.entry("doing", CardStatus.IN_PROGRESS), Map.entry("done", CardStatus.DONE),
            Map.entry("complete", CardStatus.DONE), Map.entry("completed", CardStatus.DONE),
            Map.entry("blocked", CardStatus.BLOCKED), Map.entry("dropped", CardStatus.DROPPED),
            Map.entry("cancelled", CardStatus.DROPPED), Map.entry("canceled", CardStatus.DROPPED));

    /** Sentences longer than this are not searched for goals, focus or tasks (keeps the regexes linear). */
    private static final int MAX_SENTENCE = 2000;

    /** Longer headings and list items are never month or phase headings. */
    private static final int MAX_HEADING = 300;

    private static final Pattern GITBOOK_LINE = Pattern.compile("^\\s*\\{%.*%\\}\\s*$");
    private static final Pattern GITBOOK_TAG = Pattern.compile("\\{%.*?%\\}");
    private static final Pattern SHORTCODE = Pattern.compile("\\{\\{[<%].*?[>%]\\}\\}");
    private static final Pattern HTML_COMMENT = Pattern.compile("<!--.*?-->");
    private static final Pattern EMPTY_LINK = Pattern.compile("(?<!!)\\[([^\\]\\[]*)\\]\\(\\s*\\)");
    private static final Pattern MINUTES_HEAD =
            Pattern.compile("(?i)^(?:minutes\\s+of\\s+meeting|meeting)\\s*#?\\s*(\\d{1,6})(?:\\s+minutes)?$");
    private static final Pattern AGENDA_LABEL =
            Pattern.compile("(?i)^(?:draft\\s+|proposed\\s+)?(?:objectives?|agenda|topics?)\\s*:\\s*(.*)$");
    private static final Pattern OUTCOME_LABEL =
            Pattern.compile("(?i)^(?:suggested\\s+|expected\\s+|desired\\s+|proposed\\s+)?outcomes?\\s*:\\s*(.*)$");
    private static final Pattern NEXT_STEPS = Pattern.compile("(?i)^next\\s+steps?\\s*:.*");
    private static final Pattern LABELLED =
            Pattern.compile("(?is)^\\**(title|focus|outcomes?|activities)\\s*:\\**\\s*(.+)$");
    private static final Pattern BULLET = Pattern.compile("^[-*+]\\s+(.*)$");

    private enum Kind {
        PREAMBLE,
        ABOUT,
        GOALS,
        MEASURE,
        PHASES,
        PHASE,
        MILESTONES,
        MONTH,
        BACKLOG,
        DELIVERABLES,
        MEETINGS,
        RISKS,
        UNKNOWN
    }

    private record Line(int number, String text) {}

    private record Item(int line, int indent, String marker, String text, List<Line> children) {}

    private record Table(
            int line, List<String> headers, List<List<String>> rows, List<Integer> rowLines, boolean html) {}

    private record MonthHead(Month month, Integer year, String rest) {}

    private record PhaseHead(String name, Month start, Integer startYear, Month end, Integer endYear) {}

    private record DeliverableRow(
            int line, String title, String responsible, String support, String deliverable, CardStatus status) {}

    private static final class CardBuilder {
        String title;
        CardStatus status;
        String responsible;
        String support;
        String deliverable;
        String goal;
        String description;

        CardItem build() {
            return new CardItem(
                    title,
                    status == null ? CardStatus.PLANNED : status,
                    responsible,
                    support,
                    deliverable,
                    goal,
                    description);
        }
    }

    private static final class MonthBuilder {
        final YearMonth month;
        String title;
        String focus;
        String outcomes;
        final List<CardBuilder> cards = new ArrayList<>();

        MonthBuilder(YearMonth month) {
            this.month = month;
        }
    }

    private static final class PhaseBuilder {
        String name;
        YearMonth start;
        YearMonth end;
        String focus;
        final List<String> activities = new ArrayList<>();
        final List<String> outcomes = new ArrayList<>();
    }

    private static final class MeetingBuilder {
        Integer number;
        int line;
        LocalDate date;
        LocalTime time;
        String timeZone;
        boolean tentative;
        String location;
        String joinUrl;
        List<String> objectives = new ArrayList<>();
        String outcome;
        String minutes;
    }

    /** One parse: the document's lines and everything found so far. */
    private static final class Run {

        private final LocalDate today;
        private final List<Line> lines = new ArrayList<>();
        private final Map<String, String> front = new LinkedHashMap<>();
        private boolean plainMode;
        private YearResolver years;

        private Kind kind = Kind.PREAMBLE;
        private MonthBuilder month;
        private PhaseBuilder phase;
        private boolean structureSeen;
        private boolean contentSeen;
        private YearMonth proseMonth;

        private String h1Title;
        private String plainTitle;
        private String missionSubject;
        private String mission;
        private final List<String> description = new ArrayList<>();
        private final List<String> risks = new ArrayList<>();
        private final List<GoalItem> goals = new ArrayList<>();
        private final List<PhaseBuilder> phases = new ArrayList<>();
        private final TreeMap<YearMonth, MonthBuilder> months = new TreeMap<>();
        private final List<CardBuilder> backlog = new ArrayList<>();
        private final List<MeetingBuilder> meetings = new ArrayList<>();
        private final Map<Integer, String> minutes = new LinkedHashMap<>();
        private final List<DeliverableRow> deliverables = new ArrayList<>();
        private final List<Warning> warnings = new ArrayList<>();
        private YearMonth rangeStart;
        private YearMonth rangeEnd;

        Run(String text, LocalDate today) {
            this.today = today;
            String t = text.replace("\r\n", "\n").replace('\r', '\n');
            if (t.startsWith("\uFEFF")) {
                t = t.substring(1);
            }
            t = TextRepair.repairMojibake(t);
            String[] raw = t.split("\n", -1);
            for (int i = 0; i < raw.length; i++) {
                lines.add(new Line(i + 1, expandTabs(raw[i]).stripTrailing()));
            }
        }

        RoadmapDocument parse() {
            frontMatter();
            stripTemplating();
            plainMode = lines.stream().noneMatch(l -> HEADING.matcher(l.text()).matches());
            years = resolver();
            blocks(lines);
            return finish();
        }

        // ---------------------------------------------------------------------------------------- preparation

        private void frontMatter() {
            if (lines.isEmpty() || !lines.get(0).text().equals("---")) {
                return;
            }
            for (int j = 1; j < lines.size() && j < 200; j++) {
                String s = lines.get(j).text();
                if (s.equals("---") || s.equals("...")) {
                    for (int k = 0; k <= j; k++) {
                        Line l = lines.get(k);
                        if (k > 0 && k < j) {
                            Matcher m = FRONT_KEY.matcher(l.text());
                            if (m.matches()) {
                                front.put(
                                        m.group(1).toLowerCase(Locale.ROOT),
                                        unquote(m.group(2).strip()));
                            }
                        }
                        lines.set(k, new Line(l.number(), ""));
                    }
                    return;
                }
            }
        }

        private void stripTemplating() {
            for (int i = 0; i < lines.size(); i++) {
                Line l = lines.get(i);
                String s = l.text();
                if (s.indexOf('{') < 0
                        && s.indexOf("<!--") < 0
                        && s.indexOf("]()") < 0
                        && s.indexOf("] ()") < 0
                        && s.indexOf("](") < 0) {
                    continue;
                }
                if (GITBOOK_LINE.matcher(s).matches()) {
                    lines.set(i, new Line(l.number(), ""));
                    continue;
                }
                String cleaned = GITBOOK_TAG.matcher(s).replaceAll("");
                cleaned = SHORTCODE.matcher(cleaned).replaceAll("");
                cleaned = HTML_COMMENT.matcher(cleaned).replaceAll("");
                cleaned = EMPTY_LINK.matcher(cleaned).replaceAll("$1").stripTrailing();
                if (!cleaned.equals(s)) {
                    lines.set(i, new Line(l.number(), cleaned));
                }
            }
        }

        /** The reference date for months without a year: front matter, the first full date, a "May 2024". */
        private YearResolver resolver() {
            LocalDate reference = null;
            Integer referenceYear = null;
            String date = front.get("date");
            if (date != null && date.matches("^\\d{4}-\\d{2}-\\d{2}.*")) {
                reference = LocalDate.parse(date.substring(0, 10));
            }
            if (reference == null) {
                for (Line l : lines) {
                    Optional<MonthWords.FoundDate> found = MonthWords.findDate(l.text());
                    if (found.isPresent() && found.get().year() != null) {
                        MonthWords.FoundDate d = found.get();
                        reference = LocalDate.of(d.year(), d.month(), d.day());
                        break;
                    }
                }
            }
            if (reference == null) {
                Pattern monthYear =
                        Pattern.compile("\\b(" + MonthWords.NAME + ")\\s+(\\d{4})\\b", Pattern.CASE_INSENSITIVE);
                for (Line l : lines) {
                    Matcher m = monthYear.matcher(l.text());
                    if (m.find()) {
                        reference = LocalDate.of(
                                Integer.parseInt(m.group(2)),
                                MonthWords.month(m.group(1)).orElseThrow(),
                                1);
                        break;
                    }
                }
            }
            if (reference == null) {
                String title = front.getOrDefault("title", "");
                for (Line l : lines) {
                    if (HEADING.matcher(l.text()).matches()) {
                        title = title + " " + l.text();
                        break;
                    }
                }
                Matcher year = Pattern.compile("\\b(19|20)\\d{2}\\b").matcher(title);
                if (year.find()) {
                    referenceYear = Integer.parseInt(year.group());
                }
            }
            return new YearResolver(reference, referenceYear, today);
        }

        // ---------------------------------------------------------------------------------------- blocks

        private void blocks(List<Line> ls) {
            int i = 0;
            while (i < ls.size()) {
                String s = ls.get(i).text();
                if (s.isBlank()) {
                    i++;
                    continue;
                }
                Matcher h = HEADING.matcher(s);
                if (h.matches()) {
                    i = heading(ls, i, h.group(1).length(), h.group(2) == null ? "" : h.group(2));
                } else if (THEMATIC.matcher(s).matches()) {
                    i++;
                } else if (s.toLowerCase(Locale.ROOT).contains("<table")) {
                    i = htmlTable(ls, i);
                } else if (isPipeTableStart(ls, i)) {
                    i = pipeTable(ls, i);
                } else if (LIST_ITEM.matcher(s).matches()) {
                    i = listItem(ls, i);
                } else if (isDefinitionStart(ls, i)) {
                    i = definition(ls, i);
                } else if (DEFINITION_BODY.matcher(s).matches()) {
                    warn(ls.get(i), "definition without a term");
                    i++;
                } else {
                    i = paragraph(ls, i);
                }
            }
        }

        private boolean isPipeTableStart(List<Line> ls, int i) {
            return ls.get(i).text().contains("|")
                    && i + 1 < ls.size()
                    && ls.get(i + 1).text().contains("-")
                    && PIPE_DELIMITER.matcher(ls.get(i + 1).text()).matches()
                    && (ls.get(i + 1).text().contains("|")
                            || ls.get(i).text().strip().startsWith("|"));
        }

        private boolean isDefinitionStart(List<Line> ls, int i) {
            String s = ls.get(i).text();
            return !s.isBlank()
                    && indent(s) < 4
                    && i + 1 < ls.size()
                    && DEFINITION_BODY.matcher(ls.get(i + 1).text()).matches()
                    && !LIST_ITEM.matcher(s).matches()
                    && !HEADING.matcher(s).matches();
        }

        private boolean startsBlock(List<Line> ls, int j) {
            String s = ls.get(j).text();
            return s.isBlank()
                    || HEADING.matcher(s).matches()
                    || THEMATIC.matcher(s).matches()
                    || LIST_ITEM.matcher(s).matches()
                    || s.toLowerCase(Locale.ROOT).contains("<table")
                    || isPipeTableStart(ls, j)
                    || isDefinitionStart(ls, j)
                    || DEFINITION_BODY.matcher(s).matches();
        }

        // ---------------------------------------------------------------------------------------- headings

        private int heading(List<Line> ls, int i, int level, String rawText) {
            Line line = ls.get(i);
            String text = MarkdownText.plain(rawText);
            String key = key(text);
            if (level == 1 && h1Title == null && !structureSeen) {
                h1Title = text;
                kind = Kind.PREAMBLE;
                return i + 1;
            }
            Matcher minutesHead = MINUTES_HEAD.matcher(key);
            if (key.equals("mission")
                    || key.equals("our mission")
                    || key.equals("mission statement")
                    || isAboutKey(key)
                    || minutesHead.matches()) {
                int j = i + 1;
                List<String> raw = new ArrayList<>();
                while (j < ls.size()) {
                    Matcher next = HEADING.matcher(ls.get(j).text());
                    if (next.matches() && next.group(1).length() <= level) {
                        break;
                    }
                    raw.add(unescapeRawLine(
                            MarkdownText.decodeWhitespaceEntities(ls.get(j).text())
                                    .stripTrailing()));
                    j++;
                }
                String block = trimBlankLines(raw);
                structureSeen = true;
                if (minutesHead.matches()) {
                    if (block != null) {
                        minutes.put(Integer.parseInt(minutesHead.group(1)), block);
                    }
                    kind = Kind.MEETINGS;
                } else if (key.contains("mission")) {
                    if (block != null) {
                        mission = mission == null ? block : mission + "\n\n" + block;
                    }
                    kind = Kind.UNKNOWN;
                } else {
                    if (block != null) {
                        description.add(block);
                    }
                    kind = Kind.UNKNOWN;
                }
                return j;
            }
            Kind section = sectionKind(key);
            if (section != null) {
                enter(section);
                return i + 1;
            }
            Optional<MonthHead> mh = monthHead(text);
            if (mh.isPresent()) {
                MonthBuilder m = month(years.next(mh.get().month(), mh.get().year()));
                if (mh.get().rest() != null && !mh.get().rest().isBlank()) {
                    m.title = shorten(mh.get().rest().strip(), line);
                }
                enterMonth(m);
                return i + 1;
            }
            Optional<PhaseHead> ph = phaseHead(text);
            if (ph.isPresent()) {
                PhaseBuilder p = new PhaseBuilder();
                p.name = shorten(ph.get().name(), line);
                p.start = years.next(ph.get().start(), ph.get().startYear());
                p.end = ph.get().end() == null
                        ? p.start
                        : years.until(ph.get().end(), ph.get().endYear(), p.start);
                phases.add(p);
                phase = p;
                kind = Kind.PHASE;
                structureSeen = true;
                return i + 1;
            }
            if (level == 1 && h1Title == null) {
                h1Title = text;
                return i + 1;
            }
            kind = Kind.UNKNOWN;
            structureSeen = true;
            if (!text.isBlank()) {
                warnings.add(
                        new Warning(line.number(), excerpt(text), "heading not understood; its section is skipped"));
            }
            return i + 1;
        }

        private void enter(Kind section) {
            kind = section;
            structureSeen = true;
            if (section != Kind.MONTH) {
                month = null;
            }
            if (section != Kind.PHASE) {
                phase = null;
            }
        }

        private void enterMonth(MonthBuilder m) {
            month = m;
            phase = null;
            kind = Kind.MONTH;
            structureSeen = true;
        }

        private static boolean isAboutKey(String key) {
            return Set.of("about", "description", "overview", "summary", "introduction", "background", "context")
                    .contains(key);
        }

        private static Kind sectionKind(String key) {
            if (key.isEmpty()) {
                return null;
            }
            if (key.equals("definition")) {
                return Kind.ABOUT;
            }
            if (Set.of("goals", "our goals", "objectives", "goals and objectives")
                            .contains(key)
                    || key.startsWith("goals and measure")) {
                return Kind.GOALS;
            }
            if (key.matches("measures? of success|success measures?|success metrics|success criteria")) {
                return Kind.MEASURE;
            }
            if (key.equals("phases") || key.equals("roadmap phases")) {
                return Kind.PHASES;
            }
            if (Set.of("key milestones", "milestones", "timeline", "roadmap", "monthly milestones", "months")
                    .contains(key)) {
                return Kind.MILESTONES;
            }
            if (Set.of("backlog", "unscheduled", "later", "someday", "parking lot", "ideas")
                    .contains(key)) {
                return Kind.BACKLOG;
            }
            if (key.startsWith("deliverables") || key.equals("checklist")) {
                return Kind.DELIVERABLES;
            }
            if (key.contains("meeting")) {
                return Kind.MEETINGS;
            }
            if (key.equals("risks") || key.startsWith("risks and")) {
                return Kind.RISKS;
            }
            return null;
        }

        // ---------------------------------------------------------------------------------------- lists

        private int listItem(List<Line> ls, int i) {
            Line line = ls.get(i);
            Matcher m = LIST_ITEM.matcher(line.text());
            m.matches();
            int k = m.group(1).length();
            String text = m.group(3) == null ? "" : m.group(3);
            int content = m.group(3) == null ? k + m.group(2).length() + 1 : m.start(3);
            List<Line> children = new ArrayList<>();
            int j = i + 1;
            while (j < ls.size()) {
                String s = ls.get(j).text();
                if (s.isBlank()) {
                    int next = j + 1;
                    while (next < ls.size() && ls.get(next).text().isBlank()) {
                        next++;
                    }
                    if (next < ls.size() && indent(ls.get(next).text()) > k) {
                        for (int b = j; b < next; b++) {
                            children.add(new Line(ls.get(b).number(), ""));
                        }
                        j = next;
                        continue;
                    }
                    break;
                }
                if (indent(s) <= k) {
                    break;
                }
                children.add(new Line(ls.get(j).number(), s.substring(Math.min(indent(s), content))));
                j++;
            }
            item(new Item(line.number(), k, m.group(2), text, children));
            return j;
        }

        private void item(Item item) {
            switch (kind) {
                case GOALS -> goalItem(item);
                case MEASURE -> measureGoal(MarkdownText.plain(item.text()), item.line());
                case PHASE -> {
                    String raw = itemRaw(item);
                    if (raw != null) {
                        phase.activities.add(raw);
                    }
                }
                case BACKLOG -> backlog.add(card(item));
                case RISKS -> risks.add(MarkdownText.plain(item.text()));
                case DELIVERABLES, MEETINGS, PHASES -> warn(item, "list item not imported");
                case PREAMBLE, ABOUT, UNKNOWN, MILESTONES, MONTH -> {
                    Optional<MonthHead> mh = monthHead(MarkdownText.plain(item.text()));
                    if (mh.isPresent()) {
                        MonthBuilder m =
                                month(years.next(mh.get().month(), mh.get().year()));
                        enterMonth(m);
                        if (mh.get().rest() != null && !mh.get().rest().isBlank()) {
                            CardBuilder c = newCard(MarkdownText.plain(mh.get().rest()), item.line());
                            m.cards.add(c);
                        }
                        blocks(item.children());
                        enterMonth(m);
                    } else if (kind == Kind.MONTH) {
                        month.cards.add(card(item));
                    } else if (kind == Kind.MILESTONES) {
                        backlog.add(card(item));
                    } else if (kind == Kind.PREAMBLE && !structureSeen || kind == Kind.ABOUT) {
                        String raw = itemRaw(item);
                        if (raw != null) {
                            description.add(item.marker() + " " + raw);
                            contentSeen = true;
                        }
                    } else {
                        warn(
                                item,
                                kind == Kind.UNKNOWN
                                        ? "list item in a section that is not understood"
                                        : "list item not imported");
                        warnChildren(item);
                    }
                }
                default -> warn(item, "list item not imported");
            }
        }

        private String itemRaw(Item item) {
            List<String> raw = new ArrayList<>();
            raw.add(item.text());
            for (Line c : item.children()) {
                raw.add("  " + c.text());
            }
            return trimBlankLines(raw.stream().map(s -> s.isBlank() ? "" : s).toList());
        }

        private void warnChildren(Item item) {
            for (Line c : item.children()) {
                if (!c.text().isBlank()) {
                    warnings.add(new Warning(
                            c.number(),
                            excerpt(MarkdownText.plain(c.text())),
                            "list item in a section that is not understood"));
                }
            }
        }

        private CardBuilder card(Item item) {
            String raw = item.text();
            CardStatus status = null;
            Matcher cb = CHECKBOX.matcher(raw);
            if (cb.matches()) {
                status = cb.group(1).isBlank() ? null : CardStatus.DONE;
                raw = cb.group(2);
            }
            String responsible = null;
            String goal = null;
            String support = null;
            String deliverable = null;
            for (int p = raw.indexOf(" \u2014 "); p > 0; p = raw.indexOf(" \u2014 ", p + 1)) {
                String[] parts = raw.substring(p + 3).split(" \u00B7 ");
                CardStatus metaStatus = null;
                String r = null;
                String g = null;
                String su = null;
                String d = null;
                boolean all = true;
                for (String part : parts) {
                    String plain = MarkdownText.plain(part);
                    CardStatus st = STATUS_LABELS.get(plain.toLowerCase(Locale.ROOT));
                    Matcher kv = META_FIELD.matcher(part.strip());
                    if (st != null) {
                        metaStatus = st;
                    } else if (kv.matches()) {
                        String value = MarkdownText.plain(kv.group(2));
                        switch (kv.group(1).toLowerCase(Locale.ROOT)) {
                            case "support" -> su = value;
                            case "deliverable" -> d = value;
                            case "goal" -> g = value;
                            case "status" -> {
                                metaStatus = STATUS_LABELS.get(value.toLowerCase(Locale.ROOT));
                                all &= metaStatus != null;
                            }
                            default -> r = value;
                        }
                    } else {
                        all = false;
                    }
                }
                if (all) {
                    raw = raw.substring(0, p);
                    status = metaStatus != null ? metaStatus : status;
                    responsible = blankToNull(r);
                    goal = blankToNull(g);
                    support = blankToNull(su);
                    deliverable = blankToNull(d);
                    break;
                }
            }
            CardBuilder c = newCard(MarkdownText.plain(raw), item.line());
            c.status = status;
            c.responsible = responsible;
            c.goal = goal;
            c.support = support;
            c.deliverable = deliverable;
            List<String> desc = new ArrayList<>();
            for (Line l : item.children()) {
                desc.add(unescapeRawLine(l.text()));
            }
            String d = trimBlankLines(desc);
            if (d != null) {
                c.description = c.description == null ? d : c.description + "\n\n" + d;
            }
            return c;
        }

        private CardBuilder newCard(String title, int line) {
            CardBuilder c = new CardBuilder();
            String t = title == null ? "" : title.strip();
            if (t.length() > MAX_TITLE) {
                c.description = t;
                t = cut(t, MAX_TITLE);
                warnings.add(new Warning(
                        line,
                        excerpt(title),
                        "title shortened to " + MAX_TITLE + " characters; the full text is in the card's description"));
            }
            if (t.isEmpty()) {
                t = "(untitled)";
                warnings.add(new Warning(line, "", "card without a title"));
            }
            c.title = t;
            return c;
        }

        private String shorten(String title, Line line) {
            if (title.length() <= MAX_TITLE) {
                return title;
            }
            warnings.add(new Warning(line.number(), excerpt(title), "title shortened to " + MAX_TITLE + " characters"));
            return cut(title, MAX_TITLE);
        }

        // ---------------------------------------------------------------------------------------- goals

        private void goalItem(Item item) {
            String raw = item.text().strip();
            String title;
            List<String> desc = new ArrayList<>();
            int close = raw.startsWith("**") ? unescapedIndexOf(raw, "**", 2) : -1;
            if (close > 2) {
                title = MarkdownText.plain(raw.substring(2, close));
                String rest = raw.substring(close + 2).replaceFirst("^\\s*[:\u2013\u2014-]?\\s*", "");
                if (!rest.isBlank()) {
                    desc.add(rest);
                }
            } else {
                title = MarkdownText.plain(raw);
            }
            String color = null;
            Measure measure = null;
            for (Line l : item.children()) {
                String line = l.text()
                        .strip()
                        .replaceFirst("^[-*+]\\s+(?=(?i)(?:measures?\\s+of\\s+success|colou?r)\\s*:)", "");
                Matcher ml = MEASURE_LINE.matcher(line);
                Matcher cl = COLOR_LINE.matcher(MarkdownText.plain(line));
                if (ml.matches()) {
                    measure = measureLine(ml.group(1));
                } else if (cl.matches()) {
                    color = cl.group(1).toLowerCase(Locale.ROOT);
                } else {
                    desc.add(unescapeRawLine(l.text()));
                }
            }
            addGoal(title, trimBlankLines(desc), color, measure, item.line());
        }

        private void addGoal(String title, String description, String color, Measure measure, int line) {
            String t = title == null ? "" : title.strip();
            String d = description;
            if (t.length() > MAX_TITLE) {
                d = d == null ? t : t + "\n\n" + d;
                t = cut(t, MAX_TITLE);
                warnings.add(new Warning(line, excerpt(title), "goal title shortened to " + MAX_TITLE + " characters"));
            }
            if (t.isEmpty()) {
                warnings.add(new Warning(line, "", "goal without a title"));
                return;
            }
            goals.add(new GoalItem(t, d, color, measure));
        }

        /** "New contributors — target 25, current 3" (the exporter's form), or any text with a number in it. */
        private Measure measureLine(String raw) {
            int p = raw.startsWith("\u2014 ") ? 0 : raw.lastIndexOf(" \u2014 ");
            if (p >= 0) {
                Matcher n = MEASURE_NUMBERS.matcher(raw.substring(p == 0 && raw.startsWith("\u2014") ? 2 : p + 3)
                        .strip());
                if (n.matches() && (n.group(1) != null || n.group(2) != null)) {
                    return new Measure(
                            blankToNull(MarkdownText.plain(raw.substring(0, p))),
                            n.group(1) == null ? null : new BigDecimal(n.group(1)),
                            n.group(2) == null ? null : new BigDecimal(n.group(2)));
                }
            }
            String plain = MarkdownText.plain(raw);
            return plain.isEmpty() ? null : new Measure(plain, null, null);
        }

        /** A Measure of Success sentence: a goal titled by the sentence, counting what the number counts. */
        private void measureGoal(String text, int line) {
            if (text == null || text.isBlank()) {
                return;
            }
            if (text.length() > MAX_SENTENCE) {
                warnings.add(new Warning(line, excerpt(text), "measure of success too long to read"));
                return;
            }
            String title = TRAILING_PARENTHETICAL
                    .matcher(text)
                    .replaceAll("")
                    .replaceAll("\\s*\\([^()]*\\)", "")
                    .replaceAll("\\s{2,}", " ")
                    .replaceAll("[.;:]$", "")
                    .strip();
            BigDecimal target = null;
            Matcher number = NUMBER.matcher(text);
            if (number.find()) {
                target = new BigDecimal(number.group(1));
            }
            String label = null;
            int paren = text.indexOf('(');
            if (paren > 0 && paren <= 80) {
                label = text.substring(0, paren).strip();
            } else {
                Matcher after = MEASURE_LABEL_AFTER_NUMBER.matcher(text);
                if (after.find()) {
                    label = after.group(1).strip();
                }
            }
            if (label == null || label.length() > MAX_TITLE) {
                label = cut(title, MAX_TITLE);
            }
            addGoal(title, title.equals(text) ? null : text, null, new Measure(label, target, null), line);
        }

        // ---------------------------------------------------------------------------------------- definitions

        private int definition(List<Line> ls, int i) {
            Line term = ls.get(i);
            List<String> body = new ArrayList<>();
            Matcher first = DEFINITION_BODY.matcher(ls.get(i + 1).text());
            first.matches();
            body.add(first.group(1) == null ? "" : first.group(1));
            int j = i + 2;
            while (j < ls.size()) {
                String s = ls.get(j).text();
                if (s.isBlank()) {
                    int next = j + 1;
                    while (next < ls.size() && ls.get(next).text().isBlank()) {
                        next++;
                    }
                    if (next < ls.size() && indent(ls.get(next).text()) >= 2) {
                        for (int b = j; b < next; b++) {
                            body.add("");
                        }
                        j = next;
                        continue;
                    }
                    break;
                }
                Matcher again = DEFINITION_BODY.matcher(s);
                if (again.matches()) {
                    body.add("");
                    body.add(again.group(1) == null ? "" : again.group(1));
                } else if (indent(s) >= 2) {
                    body.add(s.substring(2));
                } else {
                    break;
                }
                j++;
            }
            definition(
                    term,
                    trimBlankLines(body.stream()
                            .map(MarkdownText::decodeWhitespaceEntities)
                            .map(String::stripTrailing)
                            .map(Run::unescapeRawLine)
                            .toList()));
            return j;
        }

        private void definition(Line term, String body) {
            String key = key(MarkdownText.plain(term.text()));
            if (body == null) {
                return;
            }
            if (kind == Kind.PHASE && phase != null) {
                switch (key) {
                    case "focus" -> phase.focus = body;
                    case "activities", "activity", "tasks" -> phase.activities.addAll(items(body));
                    case "outcomes", "outcome", "expected outcomes", "deliverables" ->
                        phase.outcomes.addAll(items(body));
                    default -> warn(term, "phase detail '" + key + "' not imported");
                }
                return;
            }
            if (kind == Kind.MONTH && month != null) {
                switch (key) {
                    case "title" -> month.title = shorten(MarkdownText.plain(body), term);
                    case "focus" -> month.focus = MarkdownText.plain(body);
                    case "outcomes", "outcome", "expected outcomes" -> month.outcomes = body;
                    default -> warn(term, "month detail '" + key + "' not imported");
                }
                return;
            }
            warn(term, "definition not imported");
        }

        /** "- a\n  more\n- b" → ["a\nmore", "b"]; text without bullets is one item. */
        private static List<String> items(String body) {
            List<String> out = new ArrayList<>();
            StringBuilder current = null;
            for (String l : body.split("\n", -1)) {
                Matcher bullet = BULLET.matcher(l);
                if (bullet.matches()) {
                    if (current != null) {
                        out.add(current.toString().strip());
                    }
                    current = new StringBuilder(bullet.group(1));
                } else if (current == null) {
                    current = new StringBuilder(l);
                } else {
                    current.append('\n').append(l.startsWith("  ") ? l.substring(2) : l.strip());
                }
            }
            if (current != null && !current.toString().isBlank()) {
                out.add(current.toString().strip());
            }
            return out;
        }

        // ---------------------------------------------------------------------------------------- paragraphs

        private int paragraph(List<Line> ls, int i) {
            int j = i + 1;
            if (!plainMode) {
                while (j < ls.size() && !startsBlock(ls, j)) {
                    j++;
                }
            }
            List<Line> ps = ls.subList(i, j);
            boolean followedByText = j < ls.size() && !ls.get(j).text().isBlank();
            paragraph(ps, followedByText);
            return j;
        }

        private void paragraph(List<Line> ps, boolean followedByText) {
            Line first = ps.get(0);
            String firstText = first.text().strip();
            String raw = String.join(
                            "\n",
                            ps.stream()
                                    .map(l -> MarkdownText.decodeWhitespaceEntities(l.text())
                                            .strip())
                                    .toList())
                    .strip();
            String plain = MarkdownText.plain(raw);
            if (plain.isEmpty()) {
                return;
            }
            boolean single = ps.size() == 1;
            if (single
                    && (BOILERPLATE.matcher(plain).matches()
                            || BREADCRUMB.matcher(firstText).matches()
                            || plainMode && WIKI_PATH.matcher(firstText).matches())) {
                warnings.add(new Warning(first.number(), excerpt(plain), "web page navigation text skipped"));
                return;
            }
            if (single && isDateOnly(plain)) {
                return;
            }
            if (plainMode
                    && single
                    && h1Title == null
                    && plainTitle == null
                    && front.get("title") == null
                    && !structureSeen
                    && !contentSeen
                    && plain.length() <= 150
                    && !plain.matches(".*[.,;:!?]$")) {
                plainTitle = plain;
                return;
            }
            String key = key(plain);
            boolean headingLike = single && plain.length() <= 60 && !plain.matches(".*[.,;!?\u201D\"]$");
            if (headingLike) {
                Kind section = plainMode || plain.endsWith(":") || raw.startsWith("**") ? sectionKind(key) : null;
                if (section == null && plainMode && isAboutKey(key)) {
                    section = Kind.ABOUT;
                }
                if (section != null) {
                    enter(section);
                    return;
                }
                Optional<MonthHead> mh = monthHead(plain);
                if (mh.isPresent()
                        && (plainMode
                                || raw.startsWith("**")
                                || plain.endsWith(":")
                                || mh.get().year() != null)) {
                    MonthBuilder m = month(years.next(mh.get().month(), mh.get().year()));
                    if (mh.get().rest() != null && !mh.get().rest().isBlank()) {
                        m.title = shorten(mh.get().rest().strip(), first);
                    }
                    enterMonth(m);
                    return;
                }
                if (plainMode && followedByText && phaseHead(plain).isEmpty()) {
                    kind = Kind.UNKNOWN;
                    structureSeen = true;
                    warnings.add(new Warning(first.number(), excerpt(plain), "section not understood; skipped"));
                    return;
                }
            }
            if ((kind == Kind.MONTH || kind == Kind.PHASE) && labelled(raw)) {
                return;
            }
            switch (kind) {
                case ABOUT -> {
                    description.add(raw);
                    return;
                }
                case RISKS -> {
                    risks.add(plain);
                    return;
                }
                case MEASURE -> {
                    measureGoal(plain, first.number());
                    return;
                }
                default -> {}
            }
            boolean used = missionParagraph(raw, plain);
            used |= goalsSentence(plain, first.number());
            used |= prose(plain, first.number());
            if (used) {
                return;
            }
            if (kind == Kind.PREAMBLE && !structureSeen) {
                description.add(raw);
                contentSeen = true;
                return;
            }
            warnings.add(new Warning(
                    first.number(),
                    excerpt(plain),
                    kind == Kind.UNKNOWN ? "text in a section that is not understood" : "paragraph not imported"));
        }

        /** "Focus: …", "**Outcomes:** …", "Title: …" lines inside a month or phase. */
        private boolean labelled(String raw) {
            Matcher m = LABELLED.matcher(raw);
            if (!m.matches()) {
                return false;
            }
            String field = m.group(1).toLowerCase(Locale.ROOT);
            String value = m.group(2).strip();
            if (kind == Kind.MONTH) {
                switch (field) {
                    case "title" -> month.title = MarkdownText.plain(value);
                    case "focus" -> month.focus = MarkdownText.plain(value);
                    case "activities" -> {
                        return false;
                    }
                    default -> month.outcomes = value;
                }
            } else {
                switch (field) {
                    case "focus" -> phase.focus = value;
                    case "activities" -> phase.activities.addAll(items(value));
                    case "title" -> {
                        return false;
                    }
                    default -> phase.outcomes.addAll(items(value));
                }
            }
            return true;
        }

        private boolean isDateOnly(String plain) {
            String s = plain.replaceFirst("(?i)^(?:published|posted|updated|date)\\s*:?\\s*", "")
                    .strip();
            Optional<MonthWords.FoundDate> d = MonthWords.findDate(s);
            return d.isPresent()
                    && d.get().year() != null
                    && d.get().start() == 0
                    && d.get().end() == s.length();
        }

        private boolean missionParagraph(String raw, String plain) {
            if (mission != null || !MISSION.matcher(plain).find()) {
                return false;
            }
            mission = raw.replaceFirst("(?i)^\\**(?:our\\s+)?mission\\s*:\\**\\s*", "");
            Matcher subject = MISSION_SUBJECT.matcher(plain);
            if (subject.find()) {
                missionSubject = subject.group(1).strip();
            }
            return true;
        }

        private boolean goalsSentence(String plain, int line) {
            boolean used = false;
            for (String sentence : sentences(plain)) {
                Matcher m = GOALS_LIST.matcher(sentence);
                if (!m.find()) {
                    continue;
                }
                String keyword = m.group(1);
                List<String> list = splitList(m.group(2).replaceAll("[.!?]+$", ""));
                boolean explicit =
                        keyword == null || keyword.equalsIgnoreCase("namely") || keyword.equalsIgnoreCase("as follows");
                if (list.isEmpty()
                        || !explicit && list.size() < 2
                        || list.stream().anyMatch(s -> s.length() > MAX_TITLE)) {
                    continue;
                }
                for (String title : list) {
                    if (goals.stream().noneMatch(g -> g.title().equalsIgnoreCase(title))) {
                        addGoal(title, null, null, null, line);
                    }
                }
                used = true;
            }
            return used;
        }

        /** Months in prose: the month's focus and its tasks (see the class comment). */
        private boolean prose(String plain, int line) {
            boolean used = false;
            for (String sentence : sentences(plain)) {
                YearMonth named = null;
                Matcher pm = PROSE_MONTH.matcher(sentence);
                if (pm.find()) {
                    named = years.prose(MonthWords.month(pm.group(1)).orElseThrow(), year(pm.group(2)));
                }
                Matcher focus = FOCUS.matcher(sentence);
                if (named != null && focus.find()) {
                    structureSeen = true;
                    MonthBuilder m = month(named);
                    m.focus = clean(focus.group(1));
                    proseMonth = named;
                    used = true;
                    Matcher also = AS_WELL_AS.matcher(sentence.substring(focus.end()));
                    if (also.find()) {
                        task(named, also.group(1), line);
                    }
                }
                YearMonth target = named != null ? named : proseMonth;
                Matcher tasks = TASKS.matcher(sentence);
                if (tasks.find()) {
                    structureSeen = true;
                    for (String t : splitList(tasks.group(1))) {
                        task(target, t, line);
                    }
                    used = true;
                } else if (target != null) {
                    Matcher included = INCLUDED.matcher(sentence);
                    Matcher did = WE_DID.matcher(sentence);
                    if (included.find()) {
                        task(target, included.group(1), line);
                        used = true;
                    } else if (did.find()) {
                        for (String t : splitList(did.group(1))) {
                            task(target, t, line);
                        }
                        used = true;
                    }
                }
                Matcher goalBy = GOAL_BY.matcher(sentence);
                if (goalBy.find()) {
                    YearMonth by = years.prose(MonthWords.month(goalBy.group(2)).orElseThrow(), year(goalBy.group(3)));
                    task(by, goalBy.group(1).replaceFirst("(?i)^(?:a|an|the)\\s+", ""), line);
                    used = true;
                }
                Matcher range = PROSE_RANGE.matcher(sentence);
                while (range.find()) {
                    YearMonth from =
                            years.prose(MonthWords.month(range.group(1)).orElseThrow(), year(range.group(2)));
                    YearMonth to = year(range.group(4)) != null
                            ? YearMonth.of(
                                    year(range.group(4)),
                                    MonthWords.month(range.group(3)).orElseThrow())
                            : nextOnOrAfter(MonthWords.month(range.group(3)).orElseThrow(), from);
                    extendRange(from);
                    extendRange(to);
                    used = true;
                }
            }
            return used;
        }

        /** The sentences of a paragraph that are short enough to read for goals and months (real ones are). */
        private static List<String> sentences(String plain) {
            return java.util.Arrays.stream(SENTENCE_END.split(plain))
                    .filter(s -> s.length() <= MAX_SENTENCE)
                    .toList();
        }

        private void task(YearMonth target, String text, int line) {
            structureSeen = true;
            String t = text.strip().replaceAll("[.,;:!?]+$", "").replaceFirst("(?i)^to\\s+", "");
            CardStatus status = null;
            Matcher verb = DONE_VERB.matcher(t);
            if (verb.find()) {
                if (verb.group(1).toLowerCase(Locale.ROOT).startsWith("started")) {
                    status = CardStatus.IN_PROGRESS;
                }
                t = t.substring(verb.end());
            }
            String responsible = null;
            Matcher who = TEAM_MEMBER.matcher(t);
            if (who.find()) {
                responsible = who.group(1).strip();
                t = (t.substring(0, who.start()) + t.substring(who.end())).strip();
                t = t.replaceAll("\\s+(?:has|have)\\s+been\\s+(?:focused|working)\\s+on$", "")
                        .replaceAll("\\s+(?:is|are)\\s+(?:focused|working)\\s+on$", "")
                        .strip();
            }
            if (t.isEmpty()) {
                return;
            }
            t = Character.toUpperCase(t.charAt(0)) + t.substring(1);
            CardBuilder c = newCard(t, line);
            c.responsible = responsible;
            LocalDate reference = years.reference();
            if (status == null && target != null && reference != null && target.isBefore(YearMonth.from(reference))) {
                status = CardStatus.DONE;
            }
            c.status = status;
            if (target == null) {
                backlog.add(c);
            } else {
                month(target).cards.add(c);
            }
        }

        // ---------------------------------------------------------------------------------------- tables

        private int htmlTable(List<Line> ls, int i) {
            StringBuilder html = new StringBuilder();
            int j = i;
            List<Integer> offsets = new ArrayList<>();
            while (j < ls.size()) {
                offsets.add(html.length());
                html.append(ls.get(j).text()).append('\n');
                j++;
                if (ls.get(j - 1).text().toLowerCase(Locale.ROOT).contains("</table>")) {
                    break;
                }
            }
            String all = html.toString();
            String lower = all.toLowerCase(Locale.ROOT);
            int start = lower.indexOf("<table");
            int end = lower.indexOf("</table>");
            String before = MarkdownText.plain(all.substring(0, start));
            String after = end < 0 ? "" : MarkdownText.plain(all.substring(end + 8));
            if (!before.isBlank()) {
                warnings.add(new Warning(ls.get(i).number(), excerpt(before), "text before a table not imported"));
            }
            if (!after.isBlank()) {
                warnings.add(new Warning(ls.get(j - 1).number(), excerpt(after), "text after a table not imported"));
            }
            String body = all.substring(start, end < 0 ? all.length() : end);
            String lowerBody = body.toLowerCase(Locale.ROOT);
            List<String> headers = null;
            List<List<String>> rows = new ArrayList<>();
            List<Integer> rowLines = new ArrayList<>();
            for (int[] tr : elements(lowerBody, 0, lowerBody.length(), "tr")) {
                List<String> cells = new ArrayList<>();
                for (int[] cell : cells(lowerBody, tr[0], tr[1])) {
                    cells.add(body.substring(cell[0], cell[1]));
                }
                int offset = start + tr[0];
                int lineIndex = 0;
                for (int k = 0; k < offsets.size() && offsets.get(k) <= offset; k++) {
                    lineIndex = k;
                }
                if (headers == null) {
                    headers = cells;
                } else {
                    rows.add(cells);
                    rowLines.add(ls.get(i + lineIndex).number());
                }
            }
            if (headers != null) {
                table(new Table(ls.get(i).number(), headers, rows, rowLines, true));
            }
            return j;
        }

        /** The [start, end) of each {@code <name …>…</name>} content in {@code lower} between from and to. */
        private static List<int[]> elements(String lower, int from, int to, String name) {
            List<int[]> found = new ArrayList<>();
            int at = from;
            while (at < to) {
                int open = lower.indexOf("<" + name, at);
                if (open < 0 || open >= to) {
                    break;
                }
                int contentStart = lower.indexOf('>', open);
                if (contentStart < 0 || contentStart >= to) {
                    break;
                }
                int close = lower.indexOf("</" + name + ">", contentStart);
                if (close < 0 || close > to) {
                    close = to;
                }
                found.add(new int[] {contentStart + 1, close});
                at = close + name.length() + 3;
            }
            return found;
        }

        /** The contents of the {@code <td>} and {@code <th>} cells of a row, in order. */
        private static List<int[]> cells(String lower, int from, int to) {
            List<int[]> found = new ArrayList<>();
            int at = from;
            while (at < to) {
                int td = lower.indexOf("<td", at);
                int th = lower.indexOf("<th", at);
                int open = td < 0 || td >= to ? th : th < 0 || th >= to ? td : Math.min(td, th);
                if (open < 0 || open >= to) {
                    break;
                }
                String name = lower.startsWith("<td", open) ? "td" : "th";
                char after = open + 3 < lower.length() ? lower.charAt(open + 3) : '>';
                if (after != '>' && !Character.isWhitespace(after)) {
                    at = open + 3; // <thead>, <tdx…>: not a cell
                    continue;
                }
                int contentStart = lower.indexOf('>', open);
                if (contentStart < 0 || contentStart >= to) {
                    break;
                }
                int close = lower.indexOf("</" + name + ">", contentStart);
                if (close < 0 || close > to) {
                    close = to;
                }
                found.add(new int[] {contentStart + 1, close});
                at = close;
            }
            return found;
        }

        private int pipeTable(List<Line> ls, int i) {
            List<String> headers = splitRow(ls.get(i).text());
            List<List<String>> rows = new ArrayList<>();
            List<Integer> rowLines = new ArrayList<>();
            int j = i + 2;
            while (j < ls.size()
                    && !ls.get(j).text().isBlank()
                    && ls.get(j).text().contains("|")
                    && !HEADING.matcher(ls.get(j).text()).matches()) {
                rows.add(splitRow(ls.get(j).text()));
                rowLines.add(ls.get(j).number());
                j++;
            }
            table(new Table(ls.get(i).number(), headers, rows, rowLines, false));
            return j;
        }

        private static List<String> splitRow(String line) {
            String s = line.strip();
            if (s.startsWith("|")) {
                s = s.substring(1);
            }
            if (s.endsWith("|") && !s.endsWith("\\|")) {
                s = s.substring(0, s.length() - 1);
            }
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            for (int k = 0; k < s.length(); k++) {
                char c = s.charAt(k);
                if (c == '\\' && k + 1 < s.length()) {
                    cell.append(c).append(s.charAt(k + 1));
                    k++;
                } else if (c == '|') {
                    cells.add(cell.toString().strip());
                    cell.setLength(0);
                } else {
                    cell.append(c);
                }
            }
            cells.add(cell.toString().strip());
            return cells;
        }

        private void table(Table t) {
            structureSeen = true;
            List<String> keys =
                    t.headers().stream().map(h -> key(MarkdownText.plain(h))).toList();
            boolean deliverableColumns = keys.stream()
                    .anyMatch(k -> k.startsWith("responsible")
                            || k.startsWith("support")
                            || k.startsWith("deliverable")
                            || k.equals("owner"));
            boolean meetingColumns = keys.stream().anyMatch(k -> k.contains("agenda") || k.contains("objective"))
                    || keys.stream().anyMatch(k -> k.startsWith("date"))
                            && keys.stream().anyMatch(k -> Set.of("id", "#", "no", "nr", "number", "meeting", "session")
                                    .contains(k));
            if (kind == Kind.MEETINGS && !deliverableColumns || meetingColumns && !deliverableColumns) {
                meetingTable(t, keys);
            } else if (deliverableColumns || kind == Kind.DELIVERABLES) {
                deliverableTable(t, keys);
            } else {
                warnings.add(new Warning(t.line(), excerpt(String.join(" | ", keys)), "table not understood"));
            }
        }

        private void deliverableTable(Table t, List<String> keys) {
            int title = -1;
            int responsible = -1;
            int support = -1;
            int deliverable = -1;
            int status = -1;
            for (int c = 0; c < keys.size(); c++) {
                String k = keys.get(c);
                if (title < 0
                        && Set.of(
                                        "milestone",
                                        "milestones",
                                        "task",
                                        "tasks",
                                        "title",
                                        "card",
                                        "item",
                                        "action",
                                        "activity",
                                        "what",
                                        "name")
                                .contains(k)) {
                    title = c;
                } else if (responsible < 0
                        && (k.startsWith("responsible")
                                || Set.of("owner", "lead", "who", "assignee").contains(k))) {
                    responsible = c;
                } else if (support < 0 && k.startsWith("support")) {
                    support = c;
                } else if (deliverable < 0 && (k.startsWith("deliverable") || k.startsWith("output"))) {
                    deliverable = c;
                } else if (status < 0 && (k.equals("status") || k.equals("state"))) {
                    status = c;
                } else if (!k.isEmpty()) {
                    warnings.add(new Warning(t.line(), excerpt(k), "table column not imported"));
                }
            }
            if (title < 0) {
                title = 0;
            }
            for (int r = 0; r < t.rows().size(); r++) {
                List<String> row = t.rows().get(r);
                int line = t.rowLines().get(r);
                if (row.stream().allMatch(c -> MarkdownText.plain(c).isEmpty())) {
                    continue;
                }
                String name = cell(row, title);
                if (name == null) {
                    warnings.add(new Warning(line, excerpt(String.join(" | ", row)), "table row without a title"));
                    continue;
                }
                String st = cell(row, status);
                deliverables.add(new DeliverableRow(
                        line,
                        name,
                        cell(row, responsible),
                        cell(row, support),
                        cell(row, deliverable),
                        st == null ? null : STATUS_LABELS.get(st.toLowerCase(Locale.ROOT))));
            }
        }

        private static String cell(List<String> row, int column) {
            if (column < 0 || column >= row.size()) {
                return null;
            }
            return blankToNull(MarkdownText.plain(row.get(column)));
        }

        private void meetingTable(Table t, List<String> keys) {
            int number = -1;
            int date = -1;
            int time = -1;
            int agenda = -1;
            int outcome = -1;
            int location = -1;
            int join = -1;
            int minutesColumn = -1;
            boolean tentativeColumn = false;
            for (int c = 0; c < keys.size(); c++) {
                String k = keys.get(c);
                if (number < 0
                        && Set.of("id", "#", "no", "nr", "number", "meeting", "session", "meeting #")
                                .contains(k)) {
                    number = c;
                } else if (date < 0 && (k.startsWith("date") || k.equals("when") || k.equals("day"))) {
                    date = c;
                    tentativeColumn = k.contains("tentative");
                } else if (time < 0 && (k.equals("time") || k.equals("start"))) {
                    time = c;
                } else if (agenda < 0 && (k.contains("agenda") || k.contains("objective") || k.startsWith("topic"))) {
                    agenda = c;
                } else if (outcome < 0
                        && (k.startsWith("outcome") || k.startsWith("result") || k.startsWith("decision"))) {
                    outcome = c;
                } else if (location < 0
                        && Set.of("location", "where", "place", "venue").contains(k)) {
                    location = c;
                } else if (join < 0
                        && Set.of("join", "link", "url", "join link", "call").contains(k)) {
                    join = c;
                } else if (minutesColumn < 0 && (k.equals("minutes") || k.equals("notes"))) {
                    minutesColumn = c;
                } else if (!k.isEmpty()) {
                    warnings.add(new Warning(t.line(), excerpt(k), "table column not imported"));
                }
            }
            for (int r = 0; r < t.rows().size(); r++) {
                List<String> row = t.rows().get(r);
                int line = t.rowLines().get(r);
                if (row.stream().allMatch(c -> MarkdownText.plain(c).isEmpty())) {
                    continue;
                }
                MeetingBuilder m = new MeetingBuilder();
                m.line = line;
                String n = cell(row, number);
                if (n != null) {
                    Matcher digits = Pattern.compile("\\d{1,6}").matcher(n);
                    if (digits.find()) {
                        m.number = Integer.parseInt(digits.group());
                    }
                }
                m.tentative = tentativeColumn;
                String d = cell(row, date);
                if (d != null) {
                    dateCell(m, d, line);
                }
                String tm = cell(row, time);
                if (tm != null) {
                    MonthWords.findTime(tm).ifPresent(x -> m.time = MonthWords.time(x));
                }
                if (agenda >= 0 && agenda < row.size()) {
                    agendaCell(m, row.get(agenda), t.html());
                }
                if (outcome >= 0 && outcome < row.size()) {
                    List<String> lines = cellLines(row.get(outcome), t.html());
                    if (!lines.isEmpty()) {
                        m.outcome = String.join("\n", lines);
                    }
                }
                if (location >= 0 && location < row.size()) {
                    locationCell(m, row.get(location));
                }
                if (join >= 0 && join < row.size() && m.joinUrl == null) {
                    Matcher url = Pattern.compile("https?://[^\\s)\"'<>]+").matcher(row.get(join));
                    if (url.find()) {
                        m.joinUrl = url.group();
                    }
                }
                if (minutesColumn >= 0 && minutesColumn < row.size()) {
                    m.minutes = blankToNull(String.join("\n", cellLines(row.get(minutesColumn), t.html())));
                }
                meetings.add(m);
            }
        }

        private void dateCell(MeetingBuilder m, String text, int line) {
            String d = text;
            if (d.matches("(?i).*\\(confirmed\\).*")) {
                m.tentative = false;
                d = d.replaceAll("(?i)\\s*\\(confirmed\\)", "");
            }
            if (d.matches("(?i).*(\\(tentative\\)|\\btentative\\b|\\btbc\\b|\\?).*")) {
                m.tentative = true;
                d = d.replaceAll("(?i)\\s*\\(tentative\\)|\\btentative\\b|\\btbc\\b|\\?", "");
            }
            Optional<MonthWords.FoundDate> found = MonthWords.findDate(d);
            if (found.isEmpty() && MonthWords.findTime(d).isPresent()) {
                timeAndZone(m, d, line);
                return;
            }
            if (found.isEmpty()) {
                if (!d.isBlank() && !d.matches("(?i)\\s*(tbd|tba|n/?a|-+)\\s*")) {
                    warnings.add(new Warning(line, excerpt(text), "meeting date not understood"));
                }
                return;
            }
            MonthWords.FoundDate f = found.get();
            m.date = years.date(f.day(), f.month(), f.year());
            timeAndZone(m, d.substring(f.end()), line);
        }

        private void timeAndZone(MeetingBuilder m, String rest, int line) {
            Optional<Matcher> time = MonthWords.findTime(rest);
            if (time.isPresent()) {
                m.time = MonthWords.time(time.get());
                Matcher zone = Pattern.compile(
                                "^\\s*\\(?([A-Za-z][A-Za-z_]*(?:/[A-Za-z_]+)*(?:[+-]\\d{1,2}(?::\\d{2})?)?)\\)?")
                        .matcher(rest.substring(time.get().end()));
                if (zone.find()) {
                    try {
                        ZoneId.of(zone.group(1));
                        m.timeZone = zone.group(1);
                    } catch (RuntimeException e) {
                        warnings.add(new Warning(line, excerpt(zone.group(1)), "time zone not understood"));
                    }
                }
            }
        }

        /** "Objectives:<br>1) A<br>2) B<br><br>Suggested Outcome: C" → objectives [A, B], outcome C. */
        private void agendaCell(MeetingBuilder m, String raw, boolean html) {
            List<String> outcome = new ArrayList<>();
            boolean inOutcome = false;
            for (String line : cellLines(raw, html)) {
                Matcher label = AGENDA_LABEL.matcher(line);
                Matcher out = OUTCOME_LABEL.matcher(line);
                if (label.matches()) {
                    if (label.group(1).isBlank()) {
                        continue;
                    }
                    line = label.group(1);
                } else if (NEXT_STEPS.matcher(line).matches()) {
                    inOutcome = true;
                    outcome.add(line);
                    continue;
                } else if (out.matches()) {
                    inOutcome = true;
                    if (!out.group(1).isBlank()) {
                        outcome.add(out.group(1).strip());
                    }
                    continue;
                }
                if (inOutcome) {
                    outcome.add(line);
                    continue;
                }
                String item = line.replaceFirst("^\\(?\\d{1,2}[.)]\\s+", "")
                        .replaceFirst("^[-*\u2022]\\s+", "")
                        .strip();
                if (!item.isEmpty()) {
                    m.objectives.add(item);
                }
            }
            if (!outcome.isEmpty()) {
                String text = String.join("\n", outcome);
                m.outcome = m.outcome == null ? text : m.outcome + "\n" + text;
            }
        }

        private static List<String> cellLines(String raw, boolean html) {
            String s = html
                    ? raw.replaceAll(
                            "(?i)<br\\s*/?>|</?p(?:\\s[^>]*)?>|</?li(?:\\s[^>]*)?>|</?[uo]l(?:\\s[^>]*)?>|</?div(?:\\s[^>]*)?>",
                            "\n")
                    : raw.replaceAll("(?i)(?<!\\\\)<br\\s*/?>|(?<!\\\\)</?p>", "\n");
            List<String> out = new ArrayList<>();
            for (String part : s.split("\n")) {
                String p = MarkdownText.plain(part);
                if (!p.isEmpty()) {
                    out.add(p);
                }
            }
            return out;
        }

        private void locationCell(MeetingBuilder m, String raw) {
            if (raw.length() > MAX_SENTENCE) {
                m.location = blankToNull(MarkdownText.plain(raw));
                return;
            }
            String s = raw;
            Matcher a = Pattern.compile("(?is)<a\\s[^>]*href\\s*=\\s*[\"']([^\"']+)[\"'][^>]*>(.*?)</a>")
                    .matcher(s);
            Matcher link = Pattern.compile("(?<!\\\\)\\[((?:\\\\.|[^\\]\\\\])*)\\]\\(([^)\\s]+)\\)")
                    .matcher(s);
            Matcher auto = Pattern.compile("<(https?://[^>\\s]+)>").matcher(s);
            if (a.find()) {
                m.joinUrl = a.group(1);
                s = s.substring(0, a.start()) + a.group(2) + s.substring(a.end());
            } else if (link.find()) {
                m.joinUrl = link.group(2);
                s = s.substring(0, link.start()) + link.group(1) + s.substring(link.end());
            } else if (auto.find()) {
                m.joinUrl = auto.group(1);
                s = s.substring(0, auto.start()) + s.substring(auto.end());
            } else {
                Matcher bare = Pattern.compile("https?://[^\\s<>\"]+").matcher(s);
                if (bare.find()) {
                    m.joinUrl = bare.group();
                    s = s.substring(0, bare.start()) + s.substring(bare.end());
                }
            }
            m.location = blankToNull(MarkdownText.plain(s.replaceAll("\\(\\s*\\)", "")));
        }

        // ---------------------------------------------------------------------------------------- finish

        private RoadmapDocument finish() {
            applyDeliverables();
            List<MeetingItem> meetingItems = meetingItems();
            if (!risks.isEmpty()) {
                StringBuilder r = new StringBuilder("**Risks**\n");
                for (String risk : risks) {
                    r.append("\n- ").append(risk);
                }
                description.add(r.toString());
            }
            String name = firstNonBlank(front.get("title"), missionSubject, h1Title, plainTitle);
            if (name != null && name.length() > MAX_TITLE) {
                name = cut(name, MAX_TITLE);
            }
            String slug = front.get("slug") != null
                            && front.get("slug").matches("^[a-z0-9]+(-[a-z0-9]+)*$")
                            && front.get("slug").length() <= 64
                    ? front.get("slug")
                    : slugify(name);

            YearMonth start = rangeStart;
            YearMonth end = rangeEnd;
            for (YearMonth m : months.keySet()) {
                start = min(start, m);
                end = max(end, m);
            }
            for (PhaseBuilder p : phases) {
                start = min(start, p.start);
                end = max(end, p.end);
            }
            String plan = front.get("plan");
            if (plan != null) {
                Matcher pr = PLAN_RANGE.matcher(plan);
                if (pr.find()) {
                    YearMonth ps = YearMonth.of(Integer.parseInt(pr.group(1)), Integer.parseInt(pr.group(2)));
                    YearMonth pe = YearMonth.of(Integer.parseInt(pr.group(3)), Integer.parseInt(pr.group(4)));
                    if (start != null && (start.isBefore(ps) || end.isAfter(pe))) {
                        warnings.add(new Warning(
                                0,
                                plan,
                                "the plan in the front matter was widened to the months the " + "document uses"));
                    }
                    start = min(start, ps);
                    end = max(end, pe);
                }
            }
            if (years.assumedToday()) {
                warnings.add(new Warning(
                        0, "", "no year found in the document; months were placed around " + today.getYear()));
            }
            for (PhaseBuilder p : phases) {
                if (p.start.isAfter(p.end)) {
                    YearMonth s = p.start;
                    p.start = p.end;
                    p.end = s;
                }
            }
            List<MonthItem> monthItems = months.values().stream()
                    .map(m -> new MonthItem(
                            m.month,
                            m.title,
                            m.focus,
                            m.outcomes,
                            m.cards.stream().map(CardBuilder::build).toList()))
                    .toList();
            List<PhaseItem> phaseItems = phases.stream()
                    .map(p -> new PhaseItem(
                            p.name, p.start, p.end, p.focus, List.copyOf(p.activities), List.copyOf(p.outcomes)))
                    .toList();
            String desc = description.isEmpty() ? null : String.join("\n\n", description);
            List<Warning> sorted = new ArrayList<>(warnings);
            sorted.sort(java.util.Comparator.comparingInt(Warning::line));
            return new RoadmapDocument(
                    new GroupInfo(name, slug, blankToNull(mission), blankToNull(desc), start, end),
                    List.copyOf(goals),
                    phaseItems,
                    monthItems,
                    backlog.stream().map(CardBuilder::build).toList(),
                    meetingItems,
                    List.copyOf(sorted));
        }

        /** Each row goes to the card of the same title (then one whose title starts with it), else to the backlog. */
        private void applyDeliverables() {
            List<CardBuilder> all = new ArrayList<>();
            months.values().forEach(m -> all.addAll(m.cards));
            all.addAll(backlog);
            Set<CardBuilder> matched = new HashSet<>();
            Map<DeliverableRow, CardBuilder> target = new LinkedHashMap<>();
            for (DeliverableRow row : deliverables) {
                for (CardBuilder c : all) {
                    if (!matched.contains(c) && normal(c.title).equals(normal(row.title()))) {
                        matched.add(c);
                        target.put(row, c);
                        break;
                    }
                }
            }
            for (DeliverableRow row : deliverables) {
                if (target.containsKey(row)) {
                    continue;
                }
                for (CardBuilder c : all) {
                    String a = normal(c.title);
                    String b = normal(row.title());
                    if (!matched.contains(c) && (startsWithWords(a, b) || startsWithWords(b, a))) {
                        matched.add(c);
                        target.put(row, c);
                        if (row.title().length() > c.title.length()) {
                            c.title = row.title().length() > MAX_TITLE ? cut(row.title(), MAX_TITLE) : row.title();
                        }
                        break;
                    }
                }
            }
            for (DeliverableRow row : deliverables) {
                CardBuilder c = target.get(row);
                if (c == null) {
                    c = newCard(row.title(), row.line());
                    backlog.add(c);
                }
                if (row.responsible() != null) {
                    c.responsible = row.responsible();
                }
                if (row.support() != null) {
                    c.support = row.support();
                }
                if (row.deliverable() != null) {
                    c.deliverable = row.deliverable();
                }
                if (row.status() != null) {
                    c.status = row.status();
                }
            }
        }

        private List<MeetingItem> meetingItems() {
            Set<Integer> used = new HashSet<>();
            int max = 0;
            for (MeetingBuilder m : meetings) {
                if (m.number != null && m.number > 0) {
                    max = Math.max(max, m.number);
                }
            }
            for (MeetingBuilder m : meetings) {
                if (m.number == null || m.number <= 0 || !used.add(m.number)) {
                    Integer was = m.number;
                    m.number = ++max;
                    used.add(m.number);
                    warnings.add(new Warning(
                            m.line,
                            was == null ? "" : String.valueOf(was),
                            was == null
                                    ? "meeting without a number; numbered " + m.number
                                    : "meeting number " + was + " used twice; numbered " + m.number));
                }
            }
            for (Map.Entry<Integer, String> e : minutes.entrySet()) {
                MeetingBuilder owner = meetings.stream()
                        .filter(m -> m.number.equals(e.getKey()))
                        .findFirst()
                        .orElse(null);
                if (owner == null) {
                    warnings.add(new Warning(
                            0, "meeting " + e.getKey(), "minutes of a meeting that is not in the schedule"));
                } else {
                    owner.minutes = e.getValue();
                }
            }
            return meetings.stream()
                    .sorted(java.util.Comparator.comparingInt(m -> m.number))
                    .map(m -> new MeetingItem(
                            m.number,
                            m.date,
                            m.time,
                            m.timeZone,
                            m.tentative,
                            m.location,
                            m.joinUrl,
                            List.copyOf(m.objectives),
                            m.outcome,
                            m.minutes))
                    .toList();
        }

        // ---------------------------------------------------------------------------------------- helpers

        private MonthBuilder month(YearMonth ym) {
            return months.computeIfAbsent(ym, MonthBuilder::new);
        }

        private void extendRange(YearMonth m) {
            rangeStart = min(rangeStart, m);
            rangeEnd = max(rangeEnd, m);
        }

        private static YearMonth nextOnOrAfter(Month month, YearMonth from) {
            YearMonth candidate = YearMonth.of(from.getYear(), month);
            return candidate.isBefore(from) ? candidate.plusYears(1) : candidate;
        }

        private Optional<MonthHead> monthHead(String text) {
            if (text.length() > MAX_HEADING) {
                return Optional.empty();
            }
            String t = text.strip().replaceAll("[:\\s]+$", "");
            Matcher span = SPAN.matcher(t);
            if (span.matches() && span.group(3) != null) {
                return Optional.empty();
            }
            Matcher m = MONTH_HEAD.matcher(t);
            if (m.matches()) {
                Optional<Month> month = MonthWords.month(m.group(1));
                if (month.isPresent()) {
                    String rest = m.group(3);
                    if (rest != null && SPAN.matcher(rest.strip()).matches()) {
                        return Optional.empty();
                    }
                    return Optional.of(new MonthHead(month.get(), year(m.group(2)), rest));
                }
            }
            Matcher iso = ISO_MONTH_HEAD.matcher(t);
            if (iso.matches()) {
                int mm = Integer.parseInt(iso.group(2));
                if (mm >= 1 && mm <= 12) {
                    return Optional.of(new MonthHead(Month.of(mm), Integer.parseInt(iso.group(1)), iso.group(3)));
                }
            }
            return Optional.empty();
        }

        private static Optional<PhaseHead> phaseHead(String text) {
            if (text.length() > MAX_HEADING) {
                return Optional.empty();
            }
            String t = text.strip();
            for (int p = t.lastIndexOf(':'); p > 0; p = t.lastIndexOf(':', p - 1)) {
                String name = t.substring(0, p).strip();
                String rest = TRAILING_PARENTHETICAL
                        .matcher(t.substring(p + 1).strip())
                        .replaceFirst("")
                        .strip();
                Optional<PhaseHead> head = span(name, rest);
                if (head.isPresent()) {
                    return head;
                }
            }
            Matcher paren = Pattern.compile("^(.+?)\\s*\\(([^()]+)\\)$").matcher(t);
            if (paren.matches()) {
                Optional<PhaseHead> head =
                        span(paren.group(1).strip(), paren.group(2).strip());
                if (head.isPresent()) {
                    return head;
                }
            }
            Matcher whole = SPAN.matcher(
                    TRAILING_PARENTHETICAL.matcher(t).replaceFirst("").strip());
            if (whole.matches() && whole.group(3) != null) {
                return span(
                        t, TRAILING_PARENTHETICAL.matcher(t).replaceFirst("").strip());
            }
            return Optional.empty();
        }

        private static Optional<PhaseHead> span(String name, String spanText) {
            if (name.isEmpty()) {
                return Optional.empty();
            }
            Matcher s = SPAN.matcher(spanText);
            if (!s.matches()) {
                return Optional.empty();
            }
            Optional<Month> start = MonthWords.month(s.group(1));
            Optional<Month> end = s.group(3) == null ? Optional.empty() : MonthWords.month(s.group(3));
            if (start.isEmpty() || s.group(3) != null && end.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new PhaseHead(name, start.get(), year(s.group(2)), end.orElse(null), year(s.group(4))));
        }

        private void warn(Line line, String reason) {
            warnings.add(new Warning(line.number(), excerpt(MarkdownText.plain(line.text())), reason));
        }

        private void warn(Item item, String reason) {
            warnings.add(new Warning(item.line(), excerpt(MarkdownText.plain(item.text())), reason));
        }

        private static Integer year(String s) {
            return s == null ? null : Integer.valueOf(s);
        }

        private static String key(String plain) {
            String k = plain.toLowerCase(Locale.ROOT)
                    .replaceAll("^[^\\p{L}\\p{N}#]+", "")
                    .replaceAll("[\\s:.\u2013\u2014-]+$", "")
                    .replaceAll("\\s+", " ")
                    .strip();
            return k;
        }

        private static String clean(String s) {
            return s.strip().replaceAll("[.,;:!?]+$", "");
        }

        private static List<String> splitList(String list) {
            List<String> parts = new ArrayList<>();
            for (String p : list.split(",\\s+|;\\s+")) {
                String s = p.strip().replaceFirst("(?i)^and\\s+", "").strip();
                if (!s.isEmpty()) {
                    parts.add(s);
                }
            }
            if (parts.size() > 1 || list.contains(",")) {
                String last = parts.isEmpty() ? null : parts.get(parts.size() - 1);
                int and = last == null ? -1 : last.lastIndexOf(" and ");
                if (and > 0 && !list.matches("(?s).*,\\s+and\\s+[^,]*$")) {
                    parts.set(parts.size() - 1, last.substring(0, and).strip());
                    parts.add(last.substring(and + 5).strip());
                }
            }
            return parts.stream()
                    .map(s -> s.replaceAll("[.!?]+$", "").strip())
                    .filter(s -> !s.isEmpty())
                    .toList();
        }

        private static String normal(String title) {
            return title.toLowerCase(Locale.ROOT)
                    .replaceAll("\\s+", " ")
                    .replaceAll("[.:;,]+$", "")
                    .strip();
        }

        private static boolean startsWithWords(String longer, String prefix) {
            return longer.length() > prefix.length()
                    && longer.startsWith(prefix)
                    && !Character.isLetterOrDigit(longer.charAt(prefix.length()));
        }

        private static String unquote(String v) {
            if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                return v.substring(1, v.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
            }
            if (v.length() >= 2 && v.startsWith("'") && v.endsWith("'")) {
                return v.substring(1, v.length() - 1).replace("''", "'");
            }
            return v;
        }

        /** A raw Markdown line the exporter protected with a backslash ({@code \## x}) gets it back. */
        static String unescapeRawLine(String line) {
            return line.matches("^\\\\+#{1,6}(\\s.*|$)") ? line.substring(1) : line;
        }

        private static int unescapedIndexOf(String s, String what, int from) {
            for (int i = from; i <= s.length() - what.length(); i++) {
                if (s.charAt(i) == '\\') {
                    i++;
                } else if (s.startsWith(what, i)) {
                    return i;
                }
            }
            return -1;
        }

        private static String trimBlankLines(List<String> raw) {
            int a = 0;
            int b = raw.size();
            while (a < b && raw.get(a).isBlank()) {
                a++;
            }
            while (b > a && raw.get(b - 1).isBlank()) {
                b--;
            }
            if (a >= b) {
                return null;
            }
            return String.join(
                    "\n",
                    raw.subList(a, b).stream().map(s -> s.isBlank() ? "" : s).toList());
        }

        private static String expandTabs(String s) {
            if (s.indexOf('\t') < 0) {
                return s;
            }
            StringBuilder out = new StringBuilder();
            boolean leading = true;
            for (char c : s.toCharArray()) {
                if (c == '\t' && leading) {
                    out.append("    ");
                } else {
                    leading &= c == ' ';
                    out.append(c);
                }
            }
            return out.toString();
        }

        private static int indent(String s) {
            int i = 0;
            while (i < s.length() && s.charAt(i) == ' ') {
                i++;
            }
            return i;
        }
    }

    // ------------------------------------------------------------------------------------------------------------

    /** Markdown list text ("- a\n  more\n- b") as its items; text without bullets is one item. */
    static List<String> listItems(String text) {
        return text == null || text.isBlank() ? List.of() : Run.items(text.strip());
    }

    static String excerpt(String text) {
        String t = text == null ? "" : text.strip();
        return t.length() <= 120 ? t : t.substring(0, 119) + "\u2026";
    }

    /** At most {@code max} characters, cut at a word and marked with an ellipsis. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        String head = text.substring(0, max - 1);
        int space = head.lastIndexOf(' ');
        if (space > max / 2) {
            head = head.substring(0, space);
        }
        return head.stripTrailing() + "\u2026";
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    private static YearMonth min(YearMonth a, YearMonth b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static YearMonth max(YearMonth a, YearMonth b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    /** "Core Infrastructure Roadmap WG" → "core-infrastructure-roadmap-wg" (at most 64 characters). */
    public static String slugify(String name) {
        if (name == null) {
            return null;
        }
        String s = Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (s.length() > 64) {
            s = s.substring(0, 64);
            int dash = s.lastIndexOf('-');
            s = dash > 20 ? s.substring(0, dash) : s.replaceAll("-+$", "");
        }
        return s.isEmpty() ? null : s;
    }
}
