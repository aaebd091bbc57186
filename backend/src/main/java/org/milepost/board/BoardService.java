package org.milepost.board;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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
 * <p>The board comes in two parts: the group as the caller sees it ({@link #readable}: their role, what they may do),
 * and the {@link #content} that is the same for every reader, which concurrent readers share (ADR 0017).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class BoardService {

    private final WorkingGroupService groups;
    private final GoalRepository goalRepository;
    private final PhaseRepository phaseRepository;
    private final EntityManager em;
    private final ObjectMapper mapper;

    @Inject
    public BoardService(
            WorkingGroupService groups,
            GoalRepository goalRepository,
            PhaseRepository phaseRepository,
            EntityManager em,
            ObjectMapper mapper) {
        this.groups = groups;
        this.goalRepository = goalRepository;
        this.phaseRepository = phaseRepository;
        this.em = em;
        this.mapper = mapper;
    }

    /**
     * A board's group as one caller may read it: its id (the key under which readers share builds), the group as this
     * caller sees it (their role, what they may do) and the plan's months.
     */
    public record ReadableGroup(long id, GroupView view, LocalDate planStart, LocalDate planEnd) {}

    /** The group if the caller may read it; otherwise a 404 problem (members-only groups hide from outsiders). */
    public ReadableGroup readable(String slug) {
        WorkingGroup group = groups.findReadable(slug);
        return new ReadableGroup(group.id, groups.toView(group), group.planStart, group.planEnd);
    }

    /**
     * Everything on the board but the group, as JSON: goals, phases, month columns and backlog, the same for every
     * reader. The properties are those of {@link BoardView} after {@code group}, in the same order, so the board is
     * {@code {"group":…,} followed by these bytes without their opening brace.
     *
     * <p>Cards are written as their rows arrive, in column order, each through the same serialiser as a {@link
     * CardView} anywhere else in the API: a 5,000-card board holds its JSON (~2.6 MB) and one card at a time, not
     * 5,000 views and their rows besides (ADR 0017).
     */
    public byte[] content(ReadableGroup group) {
        long id = group.id();
        List<GoalView> goals =
                goalRepository.listByGroup(id).stream().map(GoalView::of).toList();
        List<PhaseView> phases =
                phaseRepository.listByGroup(id).stream().map(PhaseView::of).toList();

        Map<YearMonth, BoardView.Milestone> heads = new LinkedHashMap<>();
        for (Object[] r : em.createQuery(
                        """
                select m.month, m.title, m.focus, m.outcomes, m.version
                from Milestone m where m.groupId = :g order by m.month""",
                        Object[].class)
                .setParameter("g", id)
                .getResultList()) {
            heads.put(
                    YearMonth.from((LocalDate) r[0]),
                    new BoardView.Milestone((String) r[1], (String) r[2], (String) r[3], (Integer) r[4]));
        }

        Map<YearMonth, List<BoardView.Meeting>> meetingsByMonth = new HashMap<>();
        for (Object[] r : em.createQuery(
                        """
                select m.id, m.number, m.date, m.time, m.timeZone, m.tentative, m.location
                from Meeting m where m.groupId = :g and m.date between :from and :to
                order by m.date, m.time nulls first, m.number""",
                        Object[].class)
                .setParameter("g", id)
                .setParameter("from", group.planStart())
                .setParameter("to", group.planEnd().plusMonths(1).minusDays(1))
                .getResultList()) {
            LocalDate date = (LocalDate) r[2];
            meetingsByMonth
                    .computeIfAbsent(YearMonth.from(date), m -> new ArrayList<>())
                    .add(new BoardView.Meeting(
                            (Long) r[0], (Integer) r[1], date, (LocalTime) r[3], (String) r[4], (Boolean) r[5], (String)
                                    r[6]));
        }

        // The cards of every column in month order, then the backlog (no milestone), each in position order.
        Stream<Object[]> rows = em.createQuery(
                        """
                select c.id, c.title, c.description, c.status, c.responsible, c.support, c.deliverable, c.goalId,
                       m.month, c.version, c.createdBy, c.createdByName, c.createdAt, c.updatedBy, c.updatedByName,
                       c.updatedAt
                from Card c left join Milestone m on m.id = c.milestoneId
                where c.groupId = :g order by m.month nulls last, c.position""",
                        Object[].class)
                .setParameter("g", id)
                .getResultStream();
        ByteArrayBuilder bytes = new ByteArrayBuilder();
        try (rows;
                JsonGenerator json = mapper.createGenerator(bytes)) {
            Iterator<Object[]> cards = rows.iterator();
            Object[] card = next(cards);
            json.writeStartObject();
            json.writePOJOField("goals", goals);
            json.writePOJOField("phases", phases);
            json.writeArrayFieldStart("columns");
            for (Map.Entry<YearMonth, BoardView.Milestone> head : heads.entrySet()) {
                YearMonth month = head.getKey();
                json.writeStartObject();
                json.writePOJOField("month", month);
                json.writePOJOField("milestone", head.getValue());
                json.writeArrayFieldStart("cards");
                // A card whose month has no column cannot exist (a milestone is only removed without cards), but if
                // one did it must not stop the columns after it: skip what sorts before this month.
                while (card != null && card[8] != null && monthOf(card).isBefore(month)) {
                    card = next(cards);
                }
                while (card != null && card[8] != null && monthOf(card).equals(month)) {
                    json.writePOJO(cardView(card, month));
                    card = next(cards);
                }
                json.writeEndArray();
                json.writePOJOField("meetings", meetingsByMonth.getOrDefault(month, List.of()));
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("backlog");
            while (card != null) {
                if (card[8] == null) {
                    json.writePOJO(cardView(card, null));
                }
                card = next(cards);
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("the board cannot be written as JSON", e);
        }
        return bytes.toByteArray();
    }

    /** The next card row, or {@code null} after the last. */
    private static Object[] next(Iterator<Object[]> rows) {
        return rows.hasNext() ? rows.next() : null;
    }

    private static YearMonth monthOf(Object[] card) {
        return YearMonth.from((LocalDate) card[8]);
    }

    private static CardView cardView(Object[] r, YearMonth month) {
        return new CardView(
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
    }
}
