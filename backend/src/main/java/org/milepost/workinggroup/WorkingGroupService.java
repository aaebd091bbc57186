package org.milepost.workinggroup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CommonAbstractCriteria;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.milepost.common.error.ProblemException;
import org.milepost.common.security.CurrentUser;
import org.milepost.common.security.GroupAccess;
import org.milepost.common.web.Months;
import org.milepost.common.web.Page;
import org.milepost.common.web.Versions;
import org.milepost.history.EntityType;
import org.milepost.history.Entry;
import org.milepost.history.Fields;
import org.milepost.history.HistoryRecorder;
import org.milepost.meeting.Meeting;
import org.milepost.member.GroupRole;
import org.milepost.member.Member;
import org.milepost.member.MemberRepository;
import org.milepost.milestone.Milestone;
import org.milepost.milestone.MilestoneRepository;
import org.milepost.workinggroup.dto.GroupRequest;
import org.milepost.workinggroup.dto.GroupSummary;
import org.milepost.workinggroup.dto.GroupUpdate;
import org.milepost.workinggroup.dto.GroupView;

/** Working groups: the list, creation, settings and the plan range (its month columns). */
@ApplicationScoped
@Transactional
public class WorkingGroupService {

    /** A plan covers at most ten years of month columns. */
    public static final int MAX_PLAN_MONTHS = 120;

    private final WorkingGroupRepository groups;
    private final MilestoneRepository milestones;
    private final MemberRepository members;
    private final GroupAccess access;
    private final CurrentUser user;
    private final EntityManager em;
    private final HistoryRecorder history;

    @Inject
    public WorkingGroupService(
            WorkingGroupRepository groups,
            MilestoneRepository milestones,
            MemberRepository members,
            GroupAccess access,
            CurrentUser user,
            EntityManager em,
            HistoryRecorder history) {
        this.groups = groups;
        this.milestones = milestones;
        this.members = members;
        this.access = access;
        this.user = user;
        this.em = em;
        this.history = history;
    }

    /** The group if the caller may read it; 404 otherwise (a MEMBERS group is not revealed to outsiders). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public WorkingGroup findReadable(String slug) {
        WorkingGroup group;
        if (user.isAnonymous()) {
            group = groups.findBySlug(slug).orElseThrow(() -> notFound(slug));
        } else {
            WorkingGroupRepository.WithMembership found =
                    groups.findBySlugWithMembership(slug, user.subject()).orElseThrow(() -> notFound(slug));
            group = found.group();
            access.membershipRead(group, Optional.ofNullable(found.role()));
        }
        access.requireRead(group);
        return group;
    }

    /** The group if the caller may edit its plan (cards, milestones, phases, goals, meetings). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public WorkingGroup findEditable(String slug) {
        WorkingGroup group = findReadable(slug);
        access.requireEdit(group);
        return group;
    }

    /** The group if the caller may change its members and settings. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public WorkingGroup findManageable(String slug) {
        WorkingGroup group = findReadable(slug);
        access.requireManage(group);
        return group;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public GroupView view(String slug) {
        return toView(findReadable(slug));
    }

    private static ProblemException notFound(String slug) {
        return ProblemException.notFound("No working group '" + slug + "'");
    }

    public GroupView toView(WorkingGroup group) {
        return GroupView.of(group, access.roleIn(group).orElse(null), access.canEdit(group), access.canManage(group));
    }

    /**
     * One page of the groups the caller may see, by name. Built with the Criteria API, not HQL: this is the start
     * page's request, usually the first a server answers after a restart, and on a fresh JVM the first parse of an
     * HQL string costs ~150 ms (ANTLR builds its prediction tables then; docs/operations.md, "Where start-up time
     * goes"). Criteria queries skip the parser.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<GroupSummary> list(String text, int page, int size) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<WorkingGroup> select = cb.createQuery(WorkingGroup.class);
        Root<WorkingGroup> g = select.from(WorkingGroup.class);
        select.where(listed(cb, select, g, text)).orderBy(cb.asc(cb.lower(g.<String>get("name"))), cb.asc(g.get("id")));
        List<WorkingGroup> found = em.createQuery(select)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultList();
        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<WorkingGroup> counted = count.from(WorkingGroup.class);
        count.select(cb.count(counted)).where(listed(cb, count, counted, text));
        long total = em.createQuery(count).getSingleResult();
        List<Long> ids = found.stream().map(x -> x.id).toList();
        Map<Long, GroupRole> myRoles = new HashMap<>();
        Map<Long, GroupSummary.NextMeeting> next = new HashMap<>();
        if (!ids.isEmpty()) {
            if (!user.isAnonymous()) {
                CriteriaQuery<Member> mine = cb.createQuery(Member.class);
                Root<Member> m = mine.from(Member.class);
                mine.where(m.get("groupId").in(ids), cb.equal(m.get("subject"), user.subject()));
                for (Member member : em.createQuery(mine).getResultList()) {
                    myRoles.put(member.groupId, member.role);
                }
            }
            CriteriaQuery<Object[]> meetings = cb.createQuery(Object[].class);
            Root<Meeting> m = meetings.from(Meeting.class);
            meetings.multiselect(
                            m.get("groupId"), m.get("number"), m.get("date"), m.get("tentative"), m.get("location"))
                    .where(m.get("groupId").in(ids), cb.greaterThanOrEqualTo(m.<LocalDate>get("date"), LocalDate.now()))
                    .orderBy(cb.asc(m.get("groupId")), cb.asc(m.get("date")), cb.asc(m.get("number")));
            for (Object[] r : em.createQuery(meetings).getResultList()) {
                next.putIfAbsent(
                        (Long) r[0],
                        new GroupSummary.NextMeeting((Integer) r[1], (LocalDate) r[2], (Boolean) r[3], (String) r[4]));
            }
        }
        List<GroupSummary> items = found.stream()
                .map(x -> new GroupSummary(
                        x.slug,
                        x.name,
                        x.mission,
                        x.visibility,
                        Months.of(x.planStart),
                        Months.of(x.planEnd),
                        myRoles.get(x.id),
                        next.get(x.id)))
                .toList();
        return new Page<>(items, page, size, total);
    }

    /** Which groups the list shows: public ones and the caller's own (admins: all), matching the text if any. */
    private Predicate[] listed(CriteriaBuilder cb, CommonAbstractCriteria query, Root<WorkingGroup> g, String text) {
        List<Predicate> where = new ArrayList<>();
        if (!user.isAdmin()) {
            Predicate isPublic = cb.equal(g.get("visibility"), Visibility.PUBLIC);
            if (user.isAnonymous()) {
                where.add(isPublic);
            } else {
                Subquery<Long> memberOf = query.subquery(Long.class);
                Root<Member> m = memberOf.from(Member.class);
                memberOf.select(m.<Long>get("groupId")).where(cb.equal(m.get("subject"), user.subject()));
                where.add(cb.or(isPublic, g.get("id").in(memberOf)));
            }
        }
        if (text != null && !text.isBlank()) {
            String pattern = "%" + text.toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%";
            where.add(cb.or(
                    cb.like(cb.lower(g.<String>get("name")), pattern),
                    cb.like(cb.lower(cb.coalesce(g.<String>get("mission"), "")), pattern),
                    cb.like(g.<String>get("slug"), pattern)));
        }
        return where.toArray(Predicate[]::new);
    }

    public GroupView create(GroupRequest request) {
        access.requireAdmin();
        checkRange(request.planStart(), request.planEnd());
        if (groups.findBySlug(request.slug()).isPresent()) {
            throw ProblemException.conflict("The slug '" + request.slug() + "' is already taken");
        }
        WorkingGroup group = new WorkingGroup();
        group.slug = request.slug();
        group.name = request.name().strip();
        group.mission = request.mission();
        group.description = request.description();
        group.visibility = request.visibility() == null ? Visibility.PUBLIC : request.visibility();
        group.planStart = Months.toDate(request.planStart());
        group.planEnd = Months.toDate(request.planEnd());
        group.createdAt = group.updatedAt = Instant.now();
        group.createdBy = group.updatedBy = user.subject();
        groups.persist(group);
        addMonths(group, monthsBetween(request.planStart(), request.planEnd()));

        Member chair = new Member();
        chair.groupId = group.id;
        chair.subject = user.subject();
        chair.displayName = user.displayName();
        chair.email = user.email();
        chair.role = GroupRole.CHAIR;
        chair.createdAt = Instant.now();
        members.persist(chair);
        groups.flush();
        history.record(
                group.id,
                List.of(
                        Entry.created(EntityType.GROUP, group.id, group.version, group.name, null, fields(group)),
                        Entry.created(
                                EntityType.MEMBER,
                                chair.id,
                                chair.version,
                                chair.displayName,
                                null,
                                Fields.of(
                                        "subject",
                                        chair.subject,
                                        "displayName",
                                        chair.displayName,
                                        "role",
                                        chair.role))));
        return toView(group);
    }

    /**
     * Replaces the settings. Widening the plan adds month columns; narrowing it removes empty ones, and refuses to
     * remove a month that still holds cards unless {@code moveCardsToBacklog} says they go to the backlog.
     */
    public GroupView update(String slug, GroupUpdate request, String ifMatch, boolean moveCardsToBacklog) {
        WorkingGroup group = findManageable(slug);
        int expected = Versions.expected(request.version(), ifMatch);
        if (expected != group.version) {
            throw ProblemException.stale(
                    "The group was changed by someone else (now version " + group.version + ")", toView(group));
        }
        checkRange(request.planStart(), request.planEnd());
        List<YearMonth> wanted = monthsBetween(request.planStart(), request.planEnd());
        List<Milestone> existing = milestones.listByGroup(group.id);
        List<Milestone> removed = existing.stream()
                .filter(m -> !wanted.contains(YearMonth.from(m.month)))
                .toList();
        List<Entry> changes = new ArrayList<>();
        if (!removed.isEmpty()) {
            changes.addAll(removeMonths(group, removed, moveCardsToBacklog));
        }
        Map<String, Object> before = fields(group);
        List<YearMonth> have =
                existing.stream().map(m -> YearMonth.from(m.month)).toList();
        addMonths(group, wanted.stream().filter(m -> !have.contains(m)).toList());

        group.name = request.name().strip();
        group.mission = request.mission();
        group.description = request.description();
        group.visibility = request.visibility();
        group.planStart = Months.toDate(request.planStart());
        group.planEnd = Months.toDate(request.planEnd());
        group.updatedAt = Instant.now();
        group.updatedBy = user.subject();
        groups.flush();
        changes.add(Entry.updated(EntityType.GROUP, group.id, group.version, group.name, null, before, fields(group)));
        history.record(group.id, changes);
        return toView(group);
    }

    public void delete(String slug) {
        WorkingGroup group = findReadable(slug);
        access.requireAdmin();
        em.createQuery("delete from Card c where c.groupId = :g")
                .setParameter("g", group.id)
                .executeUpdate();
        groups.delete(group);
        groups.flush();
        // Its history goes with it; live viewers still hear that it is gone.
        history.announceDeletedGroup(group.id, group.name);
    }

    /** What history records of a group's settings. */
    private static Map<String, Object> fields(WorkingGroup g) {
        return Fields.of(
                "slug",
                g.slug,
                "name",
                g.name,
                "mission",
                g.mission,
                "description",
                g.description,
                "visibility",
                g.visibility,
                "planStart",
                Months.of(g.planStart),
                "planEnd",
                Months.of(g.planEnd));
    }

    /** Removes months from the plan; returns the history of the cards this sent to the backlog. */
    private List<Entry> removeMonths(WorkingGroup group, List<Milestone> removed, boolean moveCardsToBacklog) {
        List<Long> ids = removed.stream().map(m -> m.id).toList();
        List<Object[]> counts = em.createQuery(
                        "select c.milestoneId, count(c) from Card c where c.milestoneId in :ids group by c.milestoneId",
                        Object[].class)
                .setParameter("ids", ids)
                .getResultList();
        if (!counts.isEmpty() && !moveCardsToBacklog) {
            Map<Long, YearMonth> monthOf =
                    removed.stream().collect(Collectors.toMap(m -> m.id, m -> YearMonth.from(m.month)));
            String which = counts.stream()
                    .map(r -> monthOf.get((Long) r[0]) + " (" + r[1] + " cards)")
                    .sorted()
                    .collect(Collectors.joining(", "));
            throw ProblemException.conflict("Months that still hold cards cannot be removed: " + which
                    + ". Move the cards first, or repeat with moveCardsToBacklog=true to send them to the backlog");
        }
        List<Entry> moves = new ArrayList<>();
        if (!counts.isEmpty()) {
            // Append the orphaned cards to the end of the backlog, keeping their month and position order.
            Long last = em.createQuery(
                            "select max(c.position) from Card c where c.groupId = :g and c.milestoneId is null",
                            Long.class)
                    .setParameter("g", group.id)
                    .getSingleResult();
            long next = (last == null ? 0 : last) + org.milepost.card.Positions.GAP;
            List<org.milepost.card.Card> orphans = em.createQuery(
                            """
                    select c from Card c join Milestone m on m.id = c.milestoneId
                    where c.milestoneId in :ids order by m.month, c.position""",
                            org.milepost.card.Card.class)
                    .setParameter("ids", ids)
                    .getResultList();
            Map<Long, YearMonth> monthOf =
                    removed.stream().collect(Collectors.toMap(m -> m.id, m -> YearMonth.from(m.month)));
            Map<Long, YearMonth> fromMonth = new HashMap<>();
            for (org.milepost.card.Card card : orphans) {
                fromMonth.put(card.id, monthOf.get(card.milestoneId));
                card.milestoneId = null;
                card.position = next;
                card.updatedAt = Instant.now();
                card.updatedBy = user.subject();
                next += org.milepost.card.Positions.GAP;
            }
            em.flush();
            for (org.milepost.card.Card card : orphans) {
                YearMonth from = fromMonth.get(card.id);
                moves.add(Entry.moved(
                        card.id, card.version, card.title, from, null, Entry.monthLabel(from) + " left the plan"));
            }
        }
        for (Milestone m : removed) {
            milestones.delete(m);
        }
        em.flush();
        return moves;
    }

    private void addMonths(WorkingGroup group, List<YearMonth> months) {
        List<Milestone> created = new ArrayList<>();
        for (YearMonth month : months) {
            Milestone m = new Milestone();
            m.groupId = group.id;
            m.month = month.atDay(1);
            created.add(m);
        }
        milestones.persist(created);
    }

    static void checkRange(YearMonth start, YearMonth end) {
        if (end.isBefore(start)) {
            throw ProblemException.invalidField("planEnd", "must not be before planStart");
        }
        if (start.plusMonths(MAX_PLAN_MONTHS - 1).isBefore(end)) {
            throw ProblemException.invalidField("planEnd", "a plan covers at most " + MAX_PLAN_MONTHS + " months");
        }
    }

    public static List<YearMonth> monthsBetween(YearMonth start, YearMonth end) {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = start; !m.isAfter(end); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }
}
