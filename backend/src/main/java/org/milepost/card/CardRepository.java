package org.milepost.card;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class CardRepository implements PanacheRepository<Card> {

    public Optional<Card> findInGroup(long groupId, long id) {
        return find("groupId = ?1 and id = ?2", groupId, id).firstResultOptional();
    }

    /** The card's column (null: the backlog) and that column's month, read together in one query. */
    public Optional<Place> placeOf(long groupId, long id) {
        return getEntityManager().createQuery("""
                select c.milestoneId, m.month from Card c left join Milestone m on m.id = c.milestoneId
                where c.groupId = :g and c.id = :id""", Object[].class)
                .setParameter("g", groupId)
                .setParameter("id", id)
                .getResultStream()
                .findFirst()
                .map(r -> new Place((Long) r[0], r[1] == null ? null : YearMonth.from((LocalDate) r[1])));
    }

    /** The ids and positions of a column's cards, top to bottom: what a move needs to find its neighbours. */
    public List<Slot> column(long groupId, Long milestoneId) {
        String where = milestoneId == null ? "c.groupId = :g and c.milestoneId is null" : "c.milestoneId = :m";
        var query = getEntityManager().createQuery(
                "select c.id, c.position from Card c where " + where + " order by c.position", Object[].class);
        if (milestoneId == null) {
            query.setParameter("g", groupId);
        } else {
            query.setParameter("m", milestoneId);
        }
        return query.getResultList().stream().map(r -> new Slot((Long) r[0], (Long) r[1])).toList();
    }

    /**
     * Serialises writers of one column until the transaction ends, so two moves never take the same gap and a
     * rebalance never races a card leaving the column. Columns are locked in one global order (and always before any
     * card row), so writers cannot deadlock. Moves between other columns do not wait.
     */
    public void lockColumns(long groupId, Long... milestoneIds) {
        java.util.TreeSet<Long> keys = new java.util.TreeSet<>();
        for (Long milestoneId : milestoneIds) {
            keys.add(milestoneId != null ? milestoneId : -groupId);
        }
        for (long key : keys) {
            getEntityManager().createNativeQuery("select count(*) from (select pg_advisory_xact_lock(:k)) l")
                    .setParameter("k", key)
                    .getSingleResult();
        }
    }

    /** A card's column and its month; both null for the backlog. */
    public record Place(Long milestoneId, YearMonth month) {
    }

    /** One card's place in its column. */
    public record Slot(long id, long position) {
    }
}
