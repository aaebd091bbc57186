package org.milepost.card;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

@ApplicationScoped
public class CardRepository implements PanacheRepository<Card> {

    public Optional<Card> findInGroup(long groupId, long id) {
        return find("groupId = ?1 and id = ?2", groupId, id).firstResultOptional();
    }

    /** The card's column (null: the backlog) and that column's month, read together in one query. */
    public Optional<Place> placeOf(long groupId, long id) {
        return getEntityManager()
                .createQuery(
                        """
                select c.milestoneId, m.month from Card c left join Milestone m on m.id = c.milestoneId
                where c.groupId = :g and c.id = :id""",
                        Object[].class)
                .setParameter("g", groupId)
                .setParameter("id", id)
                .getResultList()
                .stream()
                .findFirst()
                .map(r -> new Place((Long) r[0], r[1] == null ? null : YearMonth.from((LocalDate) r[1])));
    }

    /**
     * The ids and positions of a column's cards, top to bottom: what a rebalance needs. A move normally needs only
     * its two neighbours ({@link #neighbours}).
     */
    public List<Slot> column(long groupId, Long milestoneId) {
        var query = getEntityManager()
                .createQuery(
                        "select c.id, c.position from Card c where " + inColumn("c", milestoneId)
                                + " order by c.position",
                        Object[].class);
        bindColumn(query, groupId, milestoneId);
        return query.getResultList().stream()
                .map(r -> new Slot((Long) r[0], (Long) r[1]))
                .toList();
    }

    /** The position of the last card of a column, if it has any: a new card goes {@link Positions#GAP} below it. */
    public Optional<Long> lastPosition(long groupId, Long milestoneId) {
        var query = getEntityManager()
                .createQuery("select max(c.position) from Card c where " + inColumn("c", milestoneId), Long.class);
        bindColumn(query, groupId, milestoneId);
        return Optional.ofNullable(query.getSingleResult());
    }

    /**
     * The cards around an insertion point in a column, leaving out the moving card: at most two rows read through
     * the column's position index, whatever the column's size.
     * <ul>
     * <li>{@code after} given: that card, then the one below it (if any) — empty when {@code after} is not in the
     * column;</li>
     * <li>else {@code before} given: that card, then the one above it (if any) — empty when not in the column;</li>
     * <li>neither: the column's last card (if any).</li>
     * </ul>
     */
    public List<Slot> neighbours(long groupId, Long milestoneId, long moving, Long after, Long before) {
        String jpql;
        Long anchor;
        int max;
        if (after != null || before != null) {
            anchor = after != null ? after : before;
            String op = after != null ? ">=" : "<=";
            jpql = "select c.id, c.position from Card c where " + inColumn("c", milestoneId) + " and c.id <> :moving"
                    + " and c.position " + op + " (select a.position from Card a where a.id = :anchor and "
                    + inColumn("a", milestoneId) + ") order by c.position" + (after != null ? "" : " desc");
            max = 2;
        } else {
            anchor = null;
            jpql = "select c.id, c.position from Card c where " + inColumn("c", milestoneId)
                    + " and c.id <> :moving order by c.position desc";
            max = 1;
        }
        var query = getEntityManager()
                .createQuery(jpql, Object[].class)
                .setParameter("moving", moving)
                .setMaxResults(max);
        if (anchor != null) {
            query.setParameter("anchor", anchor);
        }
        bindColumn(query, groupId, milestoneId);
        return query.getResultList().stream()
                .map(r -> new Slot((Long) r[0], (Long) r[1]))
                .toList();
    }

    /**
     * Serialises writers of one column until the transaction ends, so two moves never take the same gap and a
     * rebalance never races a card leaving the column. Columns are locked in one global order (and always before any
     * card row), so writers cannot deadlock. Moves between other columns do not wait. (Plain JDBC: the lock returns
     * nothing to map.)
     */
    public void lockColumns(long groupId, Long... milestoneIds) {
        java.util.TreeSet<Long> keys = new java.util.TreeSet<>();
        for (Long milestoneId : milestoneIds) {
            keys.add(lockKey(groupId, milestoneId));
        }
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
                for (long key : keys) {
                    lock.setLong(1, key);
                    lock.execute();
                }
            }
        });
    }

    /** A column's advisory-lock key: its milestone's id, or minus the group's id for the backlog (ADR 0003). */
    private static long lockKey(long groupId, Long milestoneId) {
        return milestoneId != null ? milestoneId : -groupId;
    }

    /** The column a new card goes to (its milestone; null: the backlog), and whether the card's goal is the group's. */
    public record Claim(Long milestoneId, boolean goalInGroup) {}

    /**
     * For a new card: finds the column of {@code month} (null: the backlog), takes its lock as {@link #lockColumns}
     * does, and checks that {@code goalId} (if given) is one of the group's goals, in one round trip instead of three
     * (a card create is latency-bound, bench S3). Empty when the month is not in the group's plan; then no lock is
     * taken.
     */
    public Optional<Claim> claimColumn(long groupId, LocalDate month, Long goalId) {
        String goal = goalId == null ? "true" : "exists (select 1 from goal g where g.id = ? and g.group_id = ?)";
        String sql = month == null
                ? "select null, pg_advisory_xact_lock(?), " + goal
                : "select m.id, pg_advisory_xact_lock(m.id), " + goal // m.id: lockKey of a month's column
                        + " from milestone m where m.group_id = ? and m.month = ?";
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement claim = connection.prepareStatement(sql)) {
                int i = 1;
                if (month == null) {
                    claim.setLong(i++, lockKey(groupId, null));
                }
                if (goalId != null) {
                    claim.setLong(i++, goalId);
                    claim.setLong(i++, groupId);
                }
                if (month != null) {
                    claim.setLong(i++, groupId);
                    claim.setObject(i, month);
                }
                try (ResultSet row = claim.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    long milestoneId = row.getLong(1);
                    return Optional.of(new Claim(row.wasNull() ? null : milestoneId, row.getBoolean(3)));
                }
            }
        });
    }

    private static String inColumn(String alias, Long milestoneId) {
        return milestoneId == null
                ? alias + ".groupId = :g and " + alias + ".milestoneId is null"
                : alias + ".milestoneId = :m";
    }

    private static void bindColumn(jakarta.persistence.Query query, long groupId, Long milestoneId) {
        if (milestoneId == null) {
            query.setParameter("g", groupId);
        } else {
            query.setParameter("m", milestoneId);
        }
    }

    /** A card's column and its month; both null for the backlog. */
    public record Place(Long milestoneId, YearMonth month) {}

    /** One card's place in its column. */
    public record Slot(long id, long position) {}
}
