package org.milepost.roadmap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.milepost.card.Card;
import org.milepost.card.CardRepository;
import org.milepost.card.CardService;
import org.milepost.card.Positions;
import org.milepost.common.error.Problem;
import org.milepost.common.error.ProblemException;
import org.milepost.common.security.CurrentUser;
import org.milepost.common.security.GroupAccess;
import org.milepost.goal.Goal;
import org.milepost.goal.GoalRepository;
import org.milepost.goal.GoalService;
import org.milepost.history.EntityType;
import org.milepost.history.Entry;
import org.milepost.history.Fields;
import org.milepost.history.HistoryRecorder;
import org.milepost.meeting.Meeting;
import org.milepost.meeting.MeetingService;
import org.milepost.member.GroupRole;
import org.milepost.member.Member;
import org.milepost.member.MemberRepository;
import org.milepost.milestone.Milestone;
import org.milepost.milestone.MilestoneRepository;
import org.milepost.milestone.MilestoneService;
import org.milepost.phase.Phase;
import org.milepost.phase.PhaseRepository;
import org.milepost.phase.PhaseService;
import org.milepost.roadmap.RoadmapDocument.CardItem;
import org.milepost.roadmap.RoadmapDocument.GoalItem;
import org.milepost.roadmap.RoadmapDocument.GroupInfo;
import org.milepost.roadmap.RoadmapDocument.Measure;
import org.milepost.roadmap.RoadmapDocument.MeetingItem;
import org.milepost.roadmap.RoadmapDocument.MonthItem;
import org.milepost.roadmap.RoadmapDocument.PhaseItem;
import org.milepost.roadmap.RoadmapDocument.Warning;
import org.milepost.roadmap.dto.ImportPreview;
import org.milepost.roadmap.dto.ImportResult;
import org.milepost.workinggroup.Visibility;
import org.milepost.workinggroup.WorkingGroup;
import org.milepost.workinggroup.WorkingGroupRepository;
import org.milepost.workinggroup.WorkingGroupService;

/**
 * A group's roadmap as one Markdown document (ADR 0007): export, preview of an import, and the all-or-nothing
 * imports (a new group from a document, or a group's plan replaced by one). Works on the entities directly, in one
 * transaction, so an import either writes everything or nothing.
 */
@ApplicationScoped
@Transactional
public class RoadmapService {

    /** Largest document an import accepts. */
    public static final int MAX_DOCUMENT_BYTES = 1024 * 1024;

    /** A document without months makes a plan of this many months from the current one. */
    public static final int DEFAULT_PLAN_MONTHS = 6;

    /** Who an import acts as: the signed-in caller, or the configured demo chair at start-up. */
    public record Actor(String subject, String displayName, String email) {}

    private final RoadmapMarkdownParser parser;
    private final RoadmapMarkdownExporter exporter = new RoadmapMarkdownExporter();
    private final WorkingGroupRepository groups;
    private final WorkingGroupService groupService;
    private final MilestoneRepository milestones;
    private final GoalRepository goals;
    private final PhaseRepository phases;
    private final CardRepository cards;
    private final MemberRepository members;
    private final GroupAccess access;
    private final CurrentUser user;
    private final EntityManager em;
    private final HistoryRecorder history;
    private final Supplier<YearMonth> currentMonth = YearMonth::now;

    @Inject
    public RoadmapService(
            WorkingGroupRepository groups,
            WorkingGroupService groupService,
            MilestoneRepository milestones,
            GoalRepository goals,
            PhaseRepository phases,
            CardRepository cards,
            MemberRepository members,
            GroupAccess access,
            CurrentUser user,
            EntityManager em,
            HistoryRecorder history) {
        this.parser = new RoadmapMarkdownParser();
        this.groups = groups;
        this.groupService = groupService;
        this.milestones = milestones;
        this.goals = goals;
        this.phases = phases;
        this.cards = cards;
        this.members = members;
        this.access = access;
        this.user = user;
        this.em = em;
        this.history = history;
    }

    // -------------------------------------------------------------------------------------------------- API

    /** The group's roadmap as Markdown; the same data always gives the same bytes. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String export(String slug) {
        return exporter.export(read(groupService.findReadable(slug)));
    }

    /** What an import would create and what was not understood. Signed-in users; nothing is written. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ImportPreview preview(byte[] body, String charset) {
        access.requireSignedIn();
        RoadmapDocument doc = withPlan(parse(body, charset));
        List<Problem.FieldError> problems = validate(doc, true);
        return new ImportPreview(
                doc.group(),
                counts(doc),
                doc.goals(),
                doc.phases(),
                doc.months().stream()
                        .map(m -> new ImportPreview.MonthPreview(
                                m.month(),
                                m.title(),
                                m.focus(),
                                m.outcomes(),
                                m.cards().stream().map(CardItem::title).toList()))
                        .toList(),
                doc.backlog().stream().map(CardItem::title).toList(),
                doc.meetings(),
                doc.warnings(),
                problems);
    }

    /** Admins: a new group from a document, all or nothing; the caller becomes its chair. */
    public ImportResult importGroup(byte[] body, String charset, String slug, String visibility, String name) {
        access.requireAdmin();
        Visibility v = visibility(visibility);
        RoadmapDocument doc = parse(body, charset);
        Actor actor = new Actor(user.subject(), user.displayName(), user.email());
        Created created = createGroup(doc, slug, v, name, actor);
        List<Warning> warnings = new ArrayList<>(withPlan(doc).warnings());
        warnings.addAll(created.warnings());
        return result(created.group(), warnings);
    }

    /**
     * Members: replaces the group's plan content (goals, phases, the month milestones' title/focus/outcomes, all
     * cards and meetings) with the document's, all or nothing. The group's name, mission, description, visibility
     * and members stay. Months outside the plan widen it, which needs a chair or admin (409 otherwise).
     */
    public ImportResult replacePlan(String slug, byte[] body, String charset) {
        WorkingGroup group = groupService.findEditable(slug);
        RoadmapDocument doc = parse(body, charset);
        fail(validate(doc, false));
        em.lock(group, LockModeType.PESSIMISTIC_WRITE);
        YearMonth start = YearMonth.from(group.planStart);
        YearMonth end = YearMonth.from(group.planEnd);
        GroupInfo info = doc.group();
        if (info.planStart() != null
                && (info.planStart().isBefore(start) || info.planEnd().isAfter(end))) {
            if (!access.canManage(group)) {
                throw ProblemException.conflict("The document covers " + info.planStart() + " to " + info.planEnd()
                        + " but the plan of '" + slug + "' is " + start + " to " + end + ". A chair can import it "
                        + "(the plan is widened), or widen the plan first");
            }
            YearMonth newStart = info.planStart().isBefore(start) ? info.planStart() : start;
            YearMonth newEnd = info.planEnd().isAfter(end) ? info.planEnd() : end;
            checkRange(newStart, newEnd);
            List<YearMonth> have = milestones.listByGroup(group.id).stream()
                    .map(m -> YearMonth.from(m.month))
                    .toList();
            List<Milestone> added = new ArrayList<>();
            for (YearMonth m : WorkingGroupService.monthsBetween(newStart, newEnd)) {
                if (!have.contains(m)) {
                    Milestone milestone = new Milestone();
                    milestone.groupId = group.id;
                    milestone.month = m.atDay(1);
                    added.add(milestone);
                }
            }
            milestones.persist(added);
            group.planStart = newStart.atDay(1);
            group.planEnd = newEnd.atDay(1);
            group.updatedAt = Instant.now();
            group.updatedBy = user.subject();
        }
        em.flush();
        long groupId = group.id;
        // History: everything the import removes and writes, one entry per thing, recorded in one statement (one
        // live "batch" event) in this transaction.
        List<Entry> changes = new ArrayList<>();
        if (!YearMonth.from(group.planStart).equals(start)
                || !YearMonth.from(group.planEnd).equals(end)) {
            changes.add(Entry.updated(
                    EntityType.GROUP,
                    group.id,
                    group.version,
                    group.name,
                    null,
                    Fields.of("planStart", start, "planEnd", end),
                    Fields.of("planStart", YearMonth.from(group.planStart), "planEnd", YearMonth.from(group.planEnd))));
        }
        List<Milestone> monthsNow = milestones.listByGroup(groupId);
        changes.addAll(planEntries(groupId, monthsNow, false));
        Map<Long, Map<String, Object>> monthsBefore = new HashMap<>();
        monthsNow.forEach(m -> monthsBefore.put(m.id, MilestoneService.fields(m)));
        List<Long> columns = new java.util.ArrayList<>();
        columns.add(null); // the backlog
        monthsNow.forEach(m -> columns.add(m.id));
        cards.lockColumns(groupId, columns.toArray(Long[]::new));
        em.createQuery("delete from Card c where c.groupId = :g")
                .setParameter("g", groupId)
                .executeUpdate();
        em.createQuery("delete from Meeting m where m.groupId = :g")
                .setParameter("g", groupId)
                .executeUpdate();
        em.createQuery("delete from Goal g where g.groupId = :g")
                .setParameter("g", groupId)
                .executeUpdate();
        em.createQuery("delete from Phase p where p.groupId = :g")
                .setParameter("g", groupId)
                .executeUpdate();
        em.createQuery("update Milestone m set m.title = null, m.focus = null, m.outcomes = null, "
                        + "m.version = m.version + 1 where m.groupId = :g")
                .setParameter("g", groupId)
                .executeUpdate();
        em.clear();
        WorkingGroup fresh = em.find(WorkingGroup.class, groupId);
        List<Warning> warnings = new ArrayList<>(doc.warnings());
        warnings.addAll(writePlan(fresh, doc, user.subject()));
        List<Milestone> monthsAfter = milestones.listByGroup(groupId);
        changes.addAll(monthEntries(monthsAfter, monthsBefore));
        changes.addAll(planEntries(groupId, monthsAfter, true));
        history.record(groupId, changes);
        return result(fresh, warnings);
    }

    // -------------------------------------------------------------------------------------------------- core

    /**
     * Creates a group with its plan from a document, as {@code actor} (its first chair). No access check: callers
     * check (the API) or run where no one calls (demo data at start-up).
     *
     * @param slug the group's slug, or null for the document's suggestion
     * @param name the group's name, or null for the document's
     */
    public Created createGroup(RoadmapDocument parsed, String slug, Visibility visibility, String name, Actor actor) {
        RoadmapDocument doc = withPlan(parsed);
        String s = slug != null && !slug.isBlank() ? slug.strip() : doc.group().slug();
        if (s == null) {
            throw ProblemException.invalidField("slug", "give the new group's slug (the document suggests none)");
        }
        if (s.length() > 64 || !s.matches("^[a-z0-9]+(-[a-z0-9]+)*$")) {
            throw ProblemException.invalidField(
                    "slug", "must be lowercase letters, digits and single dashes, like " + "core-infra-2024");
        }
        String n = name != null && !name.isBlank() ? name.strip() : doc.group().name();
        if (name != null && name.strip().length() > 200) {
            throw ProblemException.invalidField("name", "at most 200 characters");
        }
        List<Problem.FieldError> problems = new ArrayList<>(validate(doc, n == null));
        fail(problems);
        if (groups.findBySlug(s).isPresent()) {
            throw ProblemException.conflict("The slug '" + s + "' is already taken");
        }
        GroupInfo info = doc.group();
        WorkingGroup group = new WorkingGroup();
        group.slug = s;
        group.name = n;
        group.mission = info.mission();
        group.description = info.description();
        group.visibility = visibility == null ? Visibility.PUBLIC : visibility;
        group.planStart = info.planStart().atDay(1);
        group.planEnd = info.planEnd().atDay(1);
        group.createdAt = group.updatedAt = Instant.now();
        group.createdBy = group.updatedBy = actor.subject();
        groups.persist(group);
        List<Milestone> created = new ArrayList<>();
        for (YearMonth m : WorkingGroupService.monthsBetween(info.planStart(), info.planEnd())) {
            Milestone milestone = new Milestone();
            milestone.groupId = group.id;
            milestone.month = m.atDay(1);
            created.add(milestone);
        }
        milestones.persist(created);
        Member chair = new Member();
        chair.groupId = group.id;
        chair.subject = actor.subject();
        chair.displayName = actor.displayName() == null ? actor.subject() : actor.displayName();
        chair.email = actor.email();
        chair.role = GroupRole.CHAIR;
        chair.createdAt = Instant.now();
        members.persist(chair);
        em.flush();
        List<Warning> warnings = writePlan(group, doc, actor.subject());
        List<Entry> changes = new ArrayList<>();
        changes.add(Entry.created(
                EntityType.GROUP,
                group.id,
                group.version,
                group.name,
                null,
                Fields.of(
                        "name",
                        group.name,
                        "mission",
                        group.mission,
                        "visibility",
                        group.visibility,
                        "planStart",
                        YearMonth.from(group.planStart),
                        "planEnd",
                        YearMonth.from(group.planEnd))));
        changes.add(Entry.created(
                EntityType.MEMBER,
                chair.id,
                chair.version,
                chair.displayName,
                null,
                Fields.of("subject", chair.subject, "displayName", chair.displayName, "role", chair.role)));
        List<Milestone> months = milestones.listByGroup(group.id);
        changes.addAll(monthEntries(months, Map.of()));
        changes.addAll(planEntries(group.id, months, true));
        history.record(group.id, changes);
        return new Created(group, warnings);
    }

    /**
     * History entries for the group's goals, phases, cards and meetings as they are now: "created" after an import
     * wrote them, "deleted" before an import replaces them.
     */
    /** The month texts an import changed, against each month's fields before it (none for a new group). */
    private static List<Entry> monthEntries(List<Milestone> months, Map<Long, Map<String, Object>> before) {
        return months.stream()
                .map(m -> Entry.updated(
                        EntityType.MILESTONE,
                        m.id,
                        m.version,
                        Entry.monthLabel(YearMonth.from(m.month)),
                        YearMonth.from(m.month),
                        before.getOrDefault(m.id, Map.of()),
                        MilestoneService.fields(m)))
                .toList();
    }

    private List<Entry> planEntries(long groupId, List<Milestone> months, boolean created) {
        List<Entry> entries = new ArrayList<>();
        for (Goal g : em.createQuery("select g from Goal g where g.groupId = :g order by g.position, g.id", Goal.class)
                .setParameter("g", groupId)
                .getResultList()) {
            entries.add(entry(created, EntityType.GOAL, g.id, g.version, g.title, null, GoalService.fields(g)));
        }
        for (Phase p : em.createQuery(
                        "select p from Phase p where p.groupId = :g order by p.startMonth, p.id", Phase.class)
                .setParameter("g", groupId)
                .getResultList()) {
            entries.add(entry(created, EntityType.PHASE, p.id, p.version, p.name, null, PhaseService.fields(p)));
        }
        Map<Long, YearMonth> monthOf = new HashMap<>();
        months.forEach(m -> monthOf.put(m.id, YearMonth.from(m.month)));
        for (Card c : em.createQuery(
                        "select c from Card c where c.groupId = :g order by c.milestoneId nulls first, " + "c.position",
                        Card.class)
                .setParameter("g", groupId)
                .getResultList()) {
            YearMonth month = c.milestoneId == null ? null : monthOf.get(c.milestoneId);
            entries.add(entry(created, EntityType.CARD, c.id, c.version, c.title, month, CardService.fields(c, month)));
        }
        for (Meeting m : em.createQuery("select m from Meeting m where m.groupId = :g order by m.number", Meeting.class)
                .setParameter("g", groupId)
                .getResultList()) {
            entries.add(entry(
                    created,
                    EntityType.MEETING,
                    m.id,
                    m.version,
                    MeetingService.title(m),
                    MeetingService.month(m),
                    MeetingService.fields(m)));
        }
        return entries;
    }

    private static Entry entry(
            boolean created,
            EntityType type,
            long id,
            Integer version,
            String title,
            YearMonth month,
            Map<String, Object> fields) {
        Entry entry = created
                ? Entry.created(type, id, version, title, month, fields)
                : Entry.deleted(type, id, title, month, fields);
        return entry.withSummary(entry.summary() + " by a roadmap import");
    }

    /** A group made from a document, and what the import could not place (e.g. a card naming an unknown goal). */
    public record Created(WorkingGroup group, List<Warning> warnings) {}

    /** Reads a document of at most 1 MB and parses it. */
    public RoadmapDocument parse(byte[] body, String charset) {
        if (body == null || body.length == 0) {
            throw ProblemException.badRequest("Send the roadmap document (Markdown or plain text) as the request body");
        }
        if (body.length > MAX_DOCUMENT_BYTES) {
            throw new ProblemException(new Problem(
                    "/problems/too-large",
                    "Document too large",
                    413,
                    "A roadmap document may have at most 1 MB (this one has " + body.length + " bytes)",
                    null,
                    null,
                    null));
        }
        // Valid UTF-8 is UTF-8, whatever the Content-Type claims (clients often add ISO-8859-1 by default);
        // other bytes are read in the declared charset, or as Windows-1252 (with a warning) when none is declared.
        if (TextRepair.decode(body).notUtf8() && charset != null && !charset.isBlank()) {
            try {
                return parser.parse(
                        new String(body, Charset.forName(charset.strip().replace("\"", ""))));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("Unknown charset '" + charset + "'");
            }
        }
        return parser.parse(body);
    }

    /** The roadmap of a group as a document: what the export writes. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RoadmapDocument read(WorkingGroup group) {
        List<GoalItem> goalItems = new ArrayList<>();
        Map<Long, String> goalTitles = new HashMap<>();
        for (Goal g : goals.listByGroup(group.id)) {
            goalTitles.put(g.id, g.title);
            Measure measure = g.measureLabel == null && g.measureTarget == null && g.measureCurrent == null
                    ? null
                    : new Measure(g.measureLabel, normal(g.measureTarget), normal(g.measureCurrent));
            goalItems.add(new GoalItem(g.title, g.description, g.color, measure));
        }
        List<PhaseItem> phaseItems = phases.listByGroup(group.id).stream()
                .map(p -> new PhaseItem(
                        p.name,
                        YearMonth.from(p.startMonth),
                        YearMonth.from(p.endMonth),
                        p.focus,
                        RoadmapMarkdownParser.listItems(p.activities),
                        RoadmapMarkdownParser.listItems(p.outcomes)))
                .toList();
        List<Card> all = em.createQuery(
                        "select c from Card c where c.groupId = :g order by c.position, c.id", Card.class)
                .setParameter("g", group.id)
                .getResultList();
        Map<Long, List<CardItem>> byColumn = new HashMap<>();
        for (Card c : all) {
            byColumn.computeIfAbsent(c.milestoneId == null ? -1L : c.milestoneId, k -> new ArrayList<>())
                    .add(new CardItem(
                            c.title,
                            c.status,
                            c.responsible,
                            c.support,
                            c.deliverable,
                            c.goalId == null ? null : goalTitles.get(c.goalId),
                            c.description));
        }
        List<MonthItem> monthItems = milestones.listByGroup(group.id).stream()
                .map(m -> new MonthItem(
                        YearMonth.from(m.month),
                        m.title,
                        m.focus,
                        m.outcomes,
                        List.copyOf(byColumn.getOrDefault(m.id, List.of()))))
                .toList();
        List<MeetingItem> meetingItems = em
                .createQuery("select m from Meeting m where m.groupId = :g order by m.number", Meeting.class)
                .setParameter("g", group.id)
                .getResultList()
                .stream()
                .map(m -> new MeetingItem(
                        m.number,
                        m.date,
                        m.time,
                        m.timeZone,
                        m.tentative,
                        m.location,
                        m.joinUrl,
                        m.objectives == null ? List.of() : List.copyOf(m.objectives),
                        m.outcome,
                        m.minutes))
                .toList();
        return new RoadmapDocument(
                new GroupInfo(
                        group.name,
                        group.slug,
                        group.mission,
                        group.description,
                        YearMonth.from(group.planStart),
                        YearMonth.from(group.planEnd)),
                goalItems,
                phaseItems,
                monthItems,
                List.copyOf(byColumn.getOrDefault(-1L, List.of())),
                meetingItems,
                List.of());
    }

    // -------------------------------------------------------------------------------------------------- writing

    /** Writes goals, phases, month texts, cards (GAP apart, in order) and meetings. Returns extra warnings. */
    private List<Warning> writePlan(WorkingGroup group, RoadmapDocument doc, String actor) {
        List<Warning> warnings = new ArrayList<>();
        Instant now = Instant.now();
        Map<String, Long> goalIds = new HashMap<>();
        int position = 0;
        for (GoalItem item : doc.goals()) {
            Goal g = new Goal();
            g.groupId = group.id;
            g.position = position++;
            g.title = item.title();
            g.description = item.description();
            g.color = item.color();
            if (item.measure() != null) {
                g.measureLabel = item.measure().label();
                g.measureTarget = item.measure().target();
                g.measureCurrent = item.measure().current();
            }
            goals.persist(g);
            goalIds.putIfAbsent(item.title().toLowerCase(Locale.ROOT), g.id); // identity ids: known once persisted
        }
        for (PhaseItem item : doc.phases()) {
            Phase p = new Phase();
            p.groupId = group.id;
            p.name = item.name();
            p.startMonth = item.start().atDay(1);
            p.endMonth = item.end().atDay(1);
            p.focus = item.focus();
            p.activities = listText(item.activities());
            p.outcomes = listText(item.outcomes());
            phases.persist(p);
        }
        Map<YearMonth, Milestone> columns = new LinkedHashMap<>();
        for (Milestone m : milestones.listByGroup(group.id)) {
            columns.put(YearMonth.from(m.month), m);
        }
        List<Card> created = new ArrayList<>();
        for (MonthItem month : doc.months()) {
            Milestone m = columns.get(month.month());
            if (m == null) {
                throw ProblemException.conflict(
                        "The month " + month.month() + " is not in the plan of '" + group.slug + "'");
            }
            m.title = month.title();
            m.focus = month.focus();
            m.outcomes = month.outcomes();
            long p = 0;
            for (CardItem item : month.cards()) {
                created.add(card(group, m.id, p, item, goalIds, actor, now, warnings));
                p += Positions.GAP;
            }
        }
        long p = 0;
        for (CardItem item : doc.backlog()) {
            created.add(card(group, null, p, item, goalIds, actor, now, warnings));
            p += Positions.GAP;
        }
        cards.persist(created);
        for (MeetingItem item : doc.meetings()) {
            Meeting m = new Meeting();
            m.groupId = group.id;
            m.number = item.number();
            m.date = item.date();
            m.time = item.time();
            m.timeZone = item.timeZone();
            m.tentative = item.tentative();
            m.location = item.location();
            m.joinUrl = item.joinUrl();
            m.objectives = new ArrayList<>(item.objectives());
            m.outcome = item.outcome();
            m.minutes = item.minutes();
            em.persist(m);
        }
        em.flush();
        return warnings;
    }

    private static Card card(
            WorkingGroup group,
            Long milestoneId,
            long position,
            CardItem item,
            Map<String, Long> goalIds,
            String actor,
            Instant now,
            List<Warning> warnings) {
        Card c = new Card();
        c.groupId = group.id;
        c.milestoneId = milestoneId;
        c.position = position;
        c.title = item.title();
        c.description = item.description();
        c.status = item.status();
        c.responsible = item.responsible();
        c.support = item.support();
        c.deliverable = item.deliverable();
        if (item.goal() != null) {
            c.goalId = goalIds.get(item.goal().toLowerCase(Locale.ROOT));
            if (c.goalId == null) {
                warnings.add(new Warning(
                        0,
                        item.title(),
                        "the card names goal '" + item.goal()
                                + "', which the document does not list; the card has no goal"));
            }
        }
        c.createdBy = c.updatedBy = actor;
        c.createdAt = c.updatedAt = now;
        return c;
    }

    private static String listText(List<String> items) {
        if (items == null || items.isEmpty()) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        for (String item : items) {
            lines.add("- " + item.strip().replace("\n", "\n  "));
        }
        return String.join("\n", lines);
    }

    // -------------------------------------------------------------------------------------------------- checks

    /** The document with a plan range: its own, or {@value #DEFAULT_PLAN_MONTHS} months from now (with a note). */
    private RoadmapDocument withPlan(RoadmapDocument doc) {
        GroupInfo g = doc.group();
        if (g.planStart() != null) {
            return doc;
        }
        YearMonth start = currentMonth.get();
        YearMonth end = start.plusMonths(DEFAULT_PLAN_MONTHS - 1L);
        List<Warning> warnings = new ArrayList<>(doc.warnings());
        warnings.add(
                0,
                new Warning(
                        0,
                        "",
                        "the document names no months: the plan covers " + start + " to " + end
                                + " and its cards wait in the backlog"));
        return new RoadmapDocument(
                new GroupInfo(g.name(), g.slug(), g.mission(), g.description(), start, end),
                doc.goals(),
                doc.phases(),
                doc.months(),
                doc.backlog(),
                doc.meetings(),
                List.copyOf(warnings));
    }

    /** Everything that would make the import fail, as field errors named after the document's parts. */
    List<Problem.FieldError> validate(RoadmapDocument doc, boolean needsName) {
        List<Problem.FieldError> errors = new ArrayList<>();
        GroupInfo g = doc.group();
        if (needsName && (g.name() == null || g.name().isBlank())) {
            errors.add(new Problem.FieldError("name", "the document has no title: give the group's name"));
        }
        max(errors, "name", g.name(), 200);
        max(errors, "mission", g.mission(), 10_000);
        max(errors, "description", g.description(), 50_000);
        if (g.planStart() != null
                && g.planEnd() != null
                && g.planStart()
                        .plusMonths(WorkingGroupService.MAX_PLAN_MONTHS - 1L)
                        .isBefore(g.planEnd())) {
            errors.add(new Problem.FieldError(
                    "plan",
                    "the document's months run from " + g.planStart() + " to " + g.planEnd()
                            + "; a plan covers at most " + WorkingGroupService.MAX_PLAN_MONTHS + " months"));
        }
        boolean empty = doc.goals().isEmpty()
                && doc.phases().isEmpty()
                && doc.backlog().isEmpty()
                && doc.meetings().isEmpty()
                && doc.months().stream()
                        .allMatch(m ->
                                m.cards().isEmpty() && m.title() == null && m.focus() == null && m.outcomes() == null);
        if (empty && g.mission() == null) {
            errors.add(new Problem.FieldError(
                    "document",
                    "no months, cards, goals, phases, meetings or mission were "
                            + "found; see the warnings of a preview"));
        }
        for (int i = 0; i < doc.goals().size(); i++) {
            GoalItem goal = doc.goals().get(i);
            String f = "goals[" + i + "]";
            required(errors, f + ".title", goal.title(), 200);
            if (goal.color() != null && !goal.color().matches("^#[0-9a-fA-F]{6}$")) {
                errors.add(new Problem.FieldError(f + ".color", "must be #RRGGBB"));
            }
            if (goal.measure() != null) {
                max(errors, f + ".measure.label", goal.measure().label(), 200);
                number(errors, f + ".measure.target", goal.measure().target());
                number(errors, f + ".measure.current", goal.measure().current());
            }
        }
        for (int i = 0; i < doc.phases().size(); i++) {
            PhaseItem p = doc.phases().get(i);
            required(errors, "phases[" + i + "].name", p.name(), 200);
        }
        for (MonthItem m : doc.months()) {
            String f = "months[" + m.month() + "]";
            max(errors, f + ".title", m.title(), 200);
            max(errors, f + ".focus", m.focus(), 500);
            for (int i = 0; i < m.cards().size(); i++) {
                card(errors, f + ".cards[" + i + "]", m.cards().get(i));
            }
        }
        for (int i = 0; i < doc.backlog().size(); i++) {
            card(errors, "backlog[" + i + "]", doc.backlog().get(i));
        }
        for (MeetingItem m : doc.meetings()) {
            String f = "meetings[" + m.number() + "]";
            if (m.number() <= 0) {
                errors.add(new Problem.FieldError(f + ".number", "must be 1 or more"));
            }
            max(errors, f + ".location", m.location(), 200);
            max(errors, f + ".joinUrl", m.joinUrl(), 2000);
            max(errors, f + ".timeZone", m.timeZone(), 64);
        }
        return errors;
    }

    private static void card(List<Problem.FieldError> errors, String f, CardItem c) {
        required(errors, f + ".title", c.title(), 200);
        max(errors, f + ".responsible", c.responsible(), 200);
        max(errors, f + ".support", c.support(), 200);
        max(errors, f + ".deliverable", c.deliverable(), 500);
    }

    private static void required(List<Problem.FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new Problem.FieldError(field, "must not be blank"));
        } else {
            max(errors, field, value, max);
        }
    }

    private static void max(List<Problem.FieldError> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new Problem.FieldError(field, "at most " + max + " characters (has " + value.length() + ")"));
        }
    }

    private static void number(List<Problem.FieldError> errors, String field, BigDecimal value) {
        if (value != null && (value.abs().compareTo(new BigDecimal("1000000000000")) >= 0 || value.scale() > 2)) {
            errors.add(new Problem.FieldError(field, "must be below 10^12 with at most 2 decimals"));
        }
    }

    private static void fail(List<Problem.FieldError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        List<Problem.FieldError> shown = errors.size() > 50 ? errors.subList(0, 50) : errors;
        String detail = "The document cannot be imported: "
                + String.join(
                        "; ",
                        shown.stream().map(e -> e.field() + ": " + e.message()).toList())
                + (errors.size() > shown.size() ? "; and " + (errors.size() - shown.size()) + " more" : "");
        throw new ProblemException(
                new Problem("/problems/validation", "Invalid request", 400, detail, null, List.copyOf(shown), null));
    }

    private static void checkRange(YearMonth start, YearMonth end) {
        if (start.plusMonths(WorkingGroupService.MAX_PLAN_MONTHS - 1L).isBefore(end)) {
            throw ProblemException.invalidField(
                    "plan", "a plan covers at most " + WorkingGroupService.MAX_PLAN_MONTHS + " months");
        }
    }

    private static Visibility visibility(String value) {
        if (value == null || value.isBlank()) {
            return Visibility.PUBLIC;
        }
        try {
            return Visibility.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("visibility", "must be PUBLIC or MEMBERS");
        }
    }

    private static ImportPreview.Counts counts(RoadmapDocument doc) {
        GroupInfo g = doc.group();
        int months = g.planStart() == null
                ? 0
                : WorkingGroupService.monthsBetween(g.planStart(), g.planEnd()).size();
        return new ImportPreview.Counts(
                doc.goals().size(),
                doc.phases().size(),
                months,
                doc.allCards().size(),
                doc.backlog().size(),
                doc.meetings().size());
    }

    private ImportResult result(WorkingGroup group, List<Warning> warnings) {
        RoadmapDocument stored = read(group);
        return new ImportResult(
                group.slug,
                group.name,
                YearMonth.from(group.planStart),
                YearMonth.from(group.planEnd),
                counts(stored),
                List.copyOf(warnings));
    }

    private static BigDecimal normal(BigDecimal n) {
        return n == null ? null : n.stripTrailingZeros().scale() < 0 ? n.setScale(0) : n.stripTrailingZeros();
    }
}
