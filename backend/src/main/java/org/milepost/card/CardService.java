package org.milepost.card;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import org.milepost.card.CardRepository.Slot;
import org.milepost.card.dto.CardRequest;
import org.milepost.card.dto.CardUpdate;
import org.milepost.card.dto.CardView;
import org.milepost.card.dto.MoveRequest;
import org.milepost.common.error.ProblemException;
import org.milepost.common.security.CurrentUser;
import org.milepost.common.web.Page;
import org.milepost.common.web.Versions;
import org.milepost.goal.GoalRepository;
import org.milepost.history.EntityType;
import org.milepost.history.Entry;
import org.milepost.history.Fields;
import org.milepost.history.HistoryRecorder;
import org.milepost.milestone.Milestone;
import org.milepost.milestone.MilestoneRepository;
import org.milepost.workinggroup.WorkingGroup;
import org.milepost.workinggroup.WorkingGroupService;

/** Cards: create (one or a batch), read, edit, delete, and move between and within month columns (ADR 0003). */
@ApplicationScoped
@Transactional
public class CardService {

    /** Temporary positions used during a rebalance: far below any real position, unique per card id. */
    private static final long PARKING = -(1L << 62);

    private final CardRepository cards;
    private final MilestoneRepository milestones;
    private final GoalRepository goals;
    private final WorkingGroupService groups;
    private final CurrentUser user;
    private final EntityManager em;
    private final HistoryRecorder history;

    @Inject
    public CardService(
            CardRepository cards,
            MilestoneRepository milestones,
            GoalRepository goals,
            WorkingGroupService groups,
            CurrentUser user,
            EntityManager em,
            HistoryRecorder history) {
        this.cards = cards;
        this.milestones = milestones;
        this.goals = goals;
        this.groups = groups;
        this.user = user;
        this.em = em;
        this.history = history;
    }

    /** Filter for {@link #list}; every part is optional. {@code backlog} selects cards with no month. */
    public record Filter(
            YearMonth month, boolean backlog, CardStatus status, Long goalId, String responsible, String text) {}

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CardView> list(String slug, Filter filter, int page, int size) {
        WorkingGroup group = groups.findReadable(slug);
        Map<Long, YearMonth> months = monthsById(group.id);
        StringBuilder where = new StringBuilder("groupId = :g");
        Parameters params = Parameters.with("g", group.id);
        if (filter.backlog()) {
            where.append(" and milestoneId is null");
        } else if (filter.month() != null) {
            Long milestoneId = months.entrySet().stream()
                    .filter(e -> e.getValue().equals(filter.month()))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElse(-1L);
            where.append(" and milestoneId = :m");
            params.and("m", milestoneId);
        }
        if (filter.status() != null) {
            where.append(" and status = :s");
            params.and("s", filter.status());
        }
        if (filter.goalId() != null) {
            where.append(" and goalId = :goal");
            params.and("goal", filter.goalId());
        }
        if (filter.responsible() != null && !filter.responsible().isBlank()) {
            where.append(" and lower(responsible) = :r");
            params.and("r", filter.responsible().strip().toLowerCase());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            where.append(" and (lower(title) like :t or lower(coalesce(description, '')) like :t"
                    + " or lower(coalesce(deliverable, '')) like :t)");
            params.and("t", "%" + escapeLike(filter.text().strip().toLowerCase()) + "%");
        }
        var query = cards.find(where + " order by milestoneId nulls last, position", params)
                .page(page, size);
        List<CardView> items = query.list().stream().map(c -> view(c, months)).toList();
        return new Page<>(items, page, size, query.count());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CardView get(String slug, long id) {
        WorkingGroup group = groups.findReadable(slug);
        return view(find(group, id));
    }

    public CardView create(String slug, CardRequest request) {
        WorkingGroup group = groups.findEditable(slug);
        CardRepository.Claim column = cards.claimColumn(
                        group.id,
                        request.month() == null ? null : request.month().atDay(1),
                        request.goalId())
                .orElseThrow(() -> notInPlan(request.month(), "month"));
        if (!column.goalInGroup()) {
            throw notAGoal("goalId");
        }
        Long milestoneId = column.milestoneId();
        Card card = newCard(
                group,
                request,
                milestoneId,
                cards.lastPosition(group.id, milestoneId)
                        .map(last -> last + Positions.GAP)
                        .orElse(0L));
        cards.persist(card);
        cards.flush();
        history.created(
                group.id,
                EntityType.CARD,
                card.id,
                card.version,
                card.title,
                request.month(),
                fields(card, request.month()));
        return toView(card, request.month());
    }

    /** All or nothing: any invalid card refuses the whole batch (400 naming {@code cards[i].field}). */
    public List<CardView> createBatch(String slug, List<CardRequest> requests) {
        WorkingGroup group = groups.findEditable(slug);
        Map<YearMonth, Long> byMonth = new HashMap<>();
        monthsById(group.id).forEach((id, month) -> byMonth.put(month, id));
        List<Long> goalIds = goals.listByGroup(group.id).stream().map(g -> g.id).toList();
        Map<Long, Long> nextPosition = new LinkedHashMap<>();
        List<Long> columns = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            CardRequest r = requests.get(i);
            if (r.month() != null && !byMonth.containsKey(r.month())) {
                throw ProblemException.invalidField("cards[" + i + "].month", "is not a month of this group's plan");
            }
            if (r.goalId() != null && !goalIds.contains(r.goalId())) {
                throw ProblemException.invalidField("cards[" + i + "].goalId", "is not a goal of this group");
            }
            Long column = r.month() == null ? null : byMonth.get(r.month());
            if (!columns.contains(column)) {
                columns.add(column);
            }
        }
        cards.lockColumns(group.id, columns.toArray(Long[]::new));
        for (Long column : columns) {
            nextPosition.put(
                    column,
                    cards.lastPosition(group.id, column)
                            .map(last -> last + Positions.GAP)
                            .orElse(0L));
        }
        List<Card> created = new ArrayList<>(requests.size());
        for (CardRequest r : requests) {
            Long column = r.month() == null ? null : byMonth.get(r.month());
            long position = nextPosition.get(column);
            nextPosition.put(column, position + Positions.GAP);
            created.add(newCard(group, r, column, position));
        }
        cards.persist(created);
        cards.flush();
        Map<Long, YearMonth> months = new HashMap<>();
        byMonth.forEach((month, id) -> months.put(id, month));
        List<CardView> views = created.stream().map(c -> view(c, months)).toList();
        history.record(
                group.id,
                views.stream()
                        .map(v -> Entry.created(EntityType.CARD, v.id(), v.version(), v.title(), v.month(), fields(v)))
                        .toList());
        return views;
    }

    public CardView update(String slug, long id, CardUpdate request, String ifMatch) {
        WorkingGroup group = groups.findEditable(slug);
        Card card = findForUpdate(group, id);
        checkVersion(card, Versions.expected(request.version(), ifMatch));
        checkGoal(group, request.goalId(), "goalId");
        Map<String, Object> before = fields(card, null);
        card.title = request.title().strip();
        card.description = request.description();
        card.status = request.status();
        card.responsible = blankToNull(request.responsible());
        card.support = blankToNull(request.support());
        card.deliverable = blankToNull(request.deliverable());
        card.goalId = request.goalId();
        touch(card);
        cards.flush();
        CardView view = view(card);
        history.updated(
                group.id, EntityType.CARD, card.id, card.version, card.title, view.month(), before, fields(card, null));
        return view;
    }

    public void delete(String slug, long id, String ifMatch) {
        WorkingGroup group = groups.findEditable(slug);
        Card card = findForUpdate(group, id);
        if (ifMatch != null) {
            checkVersion(card, Versions.expected(null, ifMatch));
        }
        CardView view = view(card);
        Map<String, Object> last = fields(card, view.month());
        cards.delete(card);
        cards.flush();
        history.deleted(group.id, EntityType.CARD, card.id, card.title, view.month(), last);
    }

    /**
     * Moves a card to a month (or the backlog) next to a neighbour. Normally writes one row: the card, at the
     * midpoint of its new neighbours. When they are adjacent, a local rebalance respaces a small window first.
     */
    public CardView move(String slug, long id, MoveRequest request, String ifMatch) {
        WorkingGroup group = groups.findEditable(slug);
        int expected = Versions.expected(request.version(), ifMatch);
        if (Objects.equals(request.afterCardId(), id) || Objects.equals(request.beforeCardId(), id)) {
            throw ProblemException.badRequest("A card cannot be placed next to itself");
        }
        Long target = milestoneFor(group, request.month(), "month");
        // Lock the column the card leaves and the one it joins (columns before rows: no deadlock), then re-read the
        // card under a row lock: from here on nobody else can move or edit it until we commit.
        CardRepository.Place from = cards.placeOf(group.id, id)
                .orElseThrow(() -> ProblemException.notFound("No card " + id + " in '" + group.slug + "'"));
        Long source = from.milestoneId();
        cards.lockColumns(group.id, source, target);
        Card card = findForUpdate(group, id);
        checkVersion(card, expected);
        // The two cards around the insertion point, read through the position index (not the whole column).
        List<Slot> near = cards.neighbours(group.id, target, id, request.afterCardId(), request.beforeCardId());
        Long before;
        Long after;
        if (request.afterCardId() != null) {
            if (near.isEmpty()) {
                throw neighbourGone(group, request.afterCardId(), request.month());
            }
            Slot below = near.size() > 1 ? near.get(1) : null;
            if (request.beforeCardId() != null && (below == null || below.id() != request.beforeCardId())) {
                throw notNeighbours(request.month());
            }
            before = near.get(0).position();
            after = below == null ? null : below.position();
        } else if (request.beforeCardId() != null) {
            if (near.isEmpty()) {
                throw neighbourGone(group, request.beforeCardId(), request.month());
            }
            after = near.get(0).position();
            before = near.size() > 1 ? near.get(1).position() : null;
        } else {
            before = near.isEmpty() ? null : near.get(0).position();
            after = null;
        }
        OptionalLong midpoint = Positions.between(before, after);
        long position;
        if (midpoint.isPresent()) {
            position = midpoint.getAsLong();
        } else {
            // No room between the neighbours (rare): read the column and respace a window of it.
            List<Slot> column = cards.column(group.id, target).stream()
                    .filter(s -> s.id() != id)
                    .toList();
            position = rebalance(card, column, insertionIndex(group, column, request, target));
        }
        card.milestoneId = target;
        card.position = position;
        touch(card);
        cards.flush();
        // from.month() was read before the locks; had the card moved since, its version would differ and checkVersion
        // would have refused this move.
        history.moved(group.id, card.id, card.version, card.title, from.month(), request.month());
        return view(card);
    }

    /** Respaces a window of neighbours; returns the moving card's new position. See {@link Positions#rebalance}. */
    private long rebalance(Card card, List<Slot> column, int index) {
        Positions.Rebalance plan =
                Positions.rebalance(column.stream().map(Slot::position).toList(), index);
        List<Long> ids = new ArrayList<>();
        ids.add(card.id);
        for (int i = 0; i < plan.positions().length; i++) {
            ids.add(column.get(plan.from() + i).id());
        }
        // Two phases keep the unique (column, position) index satisfied at every row: park, then place.
        em.createQuery("update Card c set c.position = :parking - c.id where c.id in :ids")
                .setParameter("parking", PARKING)
                .setParameter("ids", ids)
                .executeUpdate();
        for (int i = 0; i < plan.positions().length; i++) {
            em.createQuery("update Card c set c.position = :p where c.id = :id")
                    .setParameter("p", plan.positions()[i])
                    .setParameter("id", column.get(plan.from() + i).id())
                    .executeUpdate();
        }
        return plan.newPosition();
    }

    private int insertionIndex(WorkingGroup group, List<Slot> column, MoveRequest request, Long target) {
        if (request.afterCardId() != null) {
            int i = indexOf(column, request.afterCardId());
            if (i < 0) {
                throw neighbourGone(group, request.afterCardId(), request.month());
            }
            if (request.beforeCardId() != null
                    && (i + 1 >= column.size() || column.get(i + 1).id() != request.beforeCardId())) {
                throw notNeighbours(request.month());
            }
            return i + 1;
        }
        if (request.beforeCardId() != null) {
            int i = indexOf(column, request.beforeCardId());
            if (i < 0) {
                throw neighbourGone(group, request.beforeCardId(), request.month());
            }
            return i;
        }
        return column.size();
    }

    private ProblemException neighbourGone(WorkingGroup group, long neighbour, YearMonth month) {
        if (cards.findInGroup(group.id, neighbour).isEmpty()) {
            return ProblemException.invalidField("afterCardId/beforeCardId", "card " + neighbour + " does not exist");
        }
        return ProblemException.conflict(
                "Card " + neighbour + " is no longer in " + describe(month) + "; reload the board and try again");
    }

    private static ProblemException notNeighbours(YearMonth month) {
        return ProblemException.conflict(
                "Those two cards are no longer neighbours in " + describe(month) + "; reload the board and try again");
    }

    private static String describe(YearMonth month) {
        return month == null ? "the backlog" : month.toString();
    }

    private static int indexOf(List<Slot> column, long id) {
        for (int i = 0; i < column.size(); i++) {
            if (column.get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }

    private Card newCard(WorkingGroup group, CardRequest r, Long milestoneId, long position) {
        Card card = new Card();
        card.groupId = group.id;
        card.milestoneId = milestoneId;
        card.position = position;
        card.title = r.title().strip();
        card.description = r.description();
        card.status = r.status() == null ? CardStatus.PLANNED : r.status();
        card.responsible = blankToNull(r.responsible());
        card.support = blankToNull(r.support());
        card.deliverable = blankToNull(r.deliverable());
        card.goalId = r.goalId();
        card.createdAt = card.updatedAt = Instant.now();
        card.createdBy = card.updatedBy = user.subject();
        card.createdByName = card.updatedByName = user.displayName();
        return card;
    }

    /** What history records of a card; its month only where a move is not what changes it. */
    public static Map<String, Object> fields(Card c, YearMonth month) {
        Map<String, Object> fields = Fields.of(
                "title",
                c.title,
                "description",
                c.description,
                "status",
                c.status,
                "responsible",
                c.responsible,
                "support",
                c.support,
                "deliverable",
                c.deliverable,
                "goalId",
                c.goalId);
        if (month != null) {
            fields.put("month", month);
        }
        return fields;
    }

    private static Map<String, Object> fields(CardView c) {
        Map<String, Object> fields = Fields.of(
                "title",
                c.title(),
                "description",
                c.description(),
                "status",
                c.status(),
                "responsible",
                c.responsible(),
                "support",
                c.support(),
                "deliverable",
                c.deliverable(),
                "goalId",
                c.goalId());
        if (c.month() != null) {
            fields.put("month", c.month());
        }
        return fields;
    }

    private Card findForUpdate(WorkingGroup group, long id) {
        Card card = find(group, id);
        em.refresh(card, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        return card;
    }

    private Card find(WorkingGroup group, long id) {
        return cards.findInGroup(group.id, id)
                .orElseThrow(() -> ProblemException.notFound("No card " + id + " in '" + group.slug + "'"));
    }

    private void checkVersion(Card card, int expected) {
        if (card.version != expected) {
            throw ProblemException.stale(
                    "The card was changed by someone else (now version " + card.version + ")", view(card));
        }
    }

    private Long milestoneFor(WorkingGroup group, YearMonth month, String field) {
        if (month == null) {
            return null;
        }
        return milestones
                .findByMonth(group.id, month.atDay(1))
                .map(m -> m.id)
                .orElseThrow(() -> notInPlan(month, field));
    }

    private static ProblemException notInPlan(YearMonth month, String field) {
        return ProblemException.invalidField(field, month + " is not a month of this group's plan");
    }

    private void checkGoal(WorkingGroup group, Long goalId, String field) {
        if (goalId != null && goals.findInGroup(group.id, goalId).isEmpty()) {
            throw notAGoal(field);
        }
    }

    private static ProblemException notAGoal(String field) {
        return ProblemException.invalidField(field, "is not a goal of this group");
    }

    private void touch(Card card) {
        card.updatedAt = Instant.now();
        card.updatedBy = user.subject();
        card.updatedByName = user.displayName();
    }

    private Map<Long, YearMonth> monthsById(long groupId) {
        Map<Long, YearMonth> months = new HashMap<>();
        for (Milestone m : milestones.listByGroup(groupId)) {
            months.put(m.id, YearMonth.from(m.month));
        }
        return months;
    }

    private CardView view(Card card) {
        YearMonth month = card.milestoneId == null ? null : YearMonth.from(milestones.findById(card.milestoneId).month);
        return toView(card, month);
    }

    private static CardView view(Card card, Map<Long, YearMonth> months) {
        return toView(card, card.milestoneId == null ? null : months.get(card.milestoneId));
    }

    public static CardView toView(Card c, YearMonth month) {
        return new CardView(
                c.id,
                c.title,
                c.description,
                c.status,
                c.responsible,
                c.support,
                c.deliverable,
                c.goalId,
                month,
                c.version,
                c.createdBy,
                c.createdByName,
                c.createdAt,
                c.updatedBy,
                c.updatedByName,
                c.updatedAt);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
