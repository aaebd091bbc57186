package org.milepost.board;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.milepost.card.CardStatus;
import org.milepost.card.dto.CardView;
import org.milepost.goal.GoalRepository;
import org.milepost.goal.dto.GoalView;
import org.milepost.phase.PhaseRepository;
import org.milepost.phase.dto.PhaseView;
import org.milepost.workinggroup.WorkingGroup;
import org.milepost.workinggroup.WorkingGroupService;
import org.milepost.workinggroup.dto.GroupView;

/**
 * Assembles the board with a fixed number of SQL statements, whatever the number of cards: the group, the caller's
 * role, goals, phases, milestones, cards and meetings are one query each. Cards and meetings are read as plain
 * values (no managed entities), which keeps a 5,000-card board cheap.
 *
 * <p>The board comes in two parts: the group as the caller sees it ({@link #group}: their role, what they may do),
 * and the {@link #content} that is the same for every reader, which concurrent readers share (ADR 0017).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class BoardService {

    private final WorkingGroupService groups;
    private final GoalRepository goalRepository;
    private final PhaseRepository phaseRepository;
    private final EntityManager em;

    @Inject
    public BoardService(
            WorkingGroupService groups,
            GoalRepository goalRepository,
            PhaseRepository phaseRepository,
            EntityManager em) {
        this.groups = groups;
        this.goalRepository = goalRepository;
        this.phaseRepository = phaseRepository;
        this.em = em;
    }

    /** The group if the caller may read it; otherwise a 404 problem (members-only groups hide from outsiders). */
    public WorkingGroup readable(String slug) {
        return groups.findReadable(slug);
    }

    /** The group as the caller sees it: with their role and what they may do. */
    public GroupView group(WorkingGroup group) {
        return groups.toView(group);
    }

    /** Everything on the board but the group: goals, phases, month columns and backlog; the same for every reader. */
    public BoardContent content(WorkingGroup group) {
        long id = group.id;

        List<GoalView> goals =
                goalRepository.listByGroup(id).stream().map(GoalView::of).toList();
        List<PhaseView> phases =
                phaseRepository.listByGroup(id).stream().map(PhaseView::of).toList();

        Map<Long, YearMonth> monthOf = new HashMap<>();
        Map<YearMonth, BoardView.Milestone> heads = new LinkedHashMap<>();
        for (Object[] r : em.createQuery(
                        """
                select m.id, m.month, m.title, m.focus, m.outcomes, m.version
                from Milestone m where m.groupId = :g order by m.month""",
                        Object[].class)
                .setParameter("g", id)
                .getResultList()) {
            YearMonth month = YearMonth.from((LocalDate) r[1]);
            monthOf.put((Long) r[0], month);
            heads.put(month, new BoardView.Milestone((String) r[2], (String) r[3], (String) r[4], (Integer) r[5]));
        }

        Map<YearMonth, List<CardView>> cardsByMonth = new HashMap<>();
        List<CardView> backlog = new ArrayList<>();
        for (Object[] r : em.createQuery(
                        """
                select c.id, c.title, c.description, c.status, c.responsible, c.support, c.deliverable, c.goalId,
                       c.milestoneId, c.version, c.createdBy, c.createdByName, c.createdAt, c.updatedBy, c.updatedByName,
                       c.updatedAt
                from Card c where c.groupId = :g order by c.milestoneId, c.position""",
                        Object[].class)
                .setParameter("g", id)
                .getResultList()) {
            YearMonth month = r[8] == null ? null : monthOf.get((Long) r[8]);
            CardView card = new CardView(
                    (Long) r[0],
                    (String) r[1],
                    (String) r[2],
                    (CardStatus) r[3],
                    (String) r[4],
                    (String) r[5],
                    (String) r[6],
                    (Long) r[7],
                    month,
                    (Integer) r[9],
                    (String) r[10],
                    (String) r[11],
                    (Instant) r[12],
                    (String) r[13],
                    (String) r[14],
                    (Instant) r[15]);
            (month == null ? backlog : cardsByMonth.computeIfAbsent(month, m -> new ArrayList<>())).add(card);
        }

        Map<YearMonth, List<BoardView.Meeting>> meetingsByMonth = new HashMap<>();
        for (Object[] r : em.createQuery(
                        """
                select m.id, m.number, m.date, m.time, m.timeZone, m.tentative, m.location
                from Meeting m where m.groupId = :g and m.date between :from and :to
                order by m.date, m.time nulls first, m.number""",
                        Object[].class)
                .setParameter("g", id)
                .setParameter("from", group.planStart)
                .setParameter("to", group.planEnd.plusMonths(1).minusDays(1))
                .getResultList()) {
            LocalDate date = (LocalDate) r[2];
            meetingsByMonth
                    .computeIfAbsent(YearMonth.from(date), m -> new ArrayList<>())
                    .add(new BoardView.Meeting(
                            (Long) r[0], (Integer) r[1], date, (LocalTime) r[3], (String) r[4], (Boolean) r[5], (String)
                                    r[6]));
        }

        List<BoardView.Column> columns = new ArrayList<>(heads.size());
        heads.forEach((month, head) -> columns.add(new BoardView.Column(
                month,
                head,
                cardsByMonth.getOrDefault(month, List.of()),
                meetingsByMonth.getOrDefault(month, List.of()))));
        return new BoardContent(goals, phases, columns, backlog);
    }

    /**
     * The part of {@link BoardView} after the group, with its properties in the same order, so that the JSON of a
     * board is {@code {"group":…,} followed by this record's JSON without its opening brace.
     */
    public record BoardContent(
            List<GoalView> goals, List<PhaseView> phases, List<BoardView.Column> columns, List<CardView> backlog) {}
}
