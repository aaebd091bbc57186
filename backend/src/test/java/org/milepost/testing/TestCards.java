package org.milepost.testing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.YearMonth;
import org.milepost.card.Card;
import org.milepost.card.Positions;

/**
 * Puts cards straight into the database, for tests of features that only refer to cards (milestone card counts,
 * meeting agendas) and should not depend on the cards endpoints.
 */
@ApplicationScoped
public class TestCards {

    private final EntityManager em;

    @Inject
    public TestCards(EntityManager em) {
        this.em = em;
    }

    /** Adds a card at the end of {@code month}'s column ("2024-05"), or of the backlog if month is null. */
    public long add(String slug, String month, String title) {
        return add(slug, month, title, null);
    }

    /** As {@link #add(String, String, String)}, for the goal {@code goalId}. */
    @Transactional
    public long add(String slug, String month, String title, Long goalId) {
        Long groupId = em.createQuery("select g.id from WorkingGroup g where g.slug = :slug", Long.class)
                .setParameter("slug", slug)
                .getSingleResult();
        Long milestoneId = month == null
                ? null
                : em.createQuery("select m.id from Milestone m where m.groupId = :g and m.month = :month", Long.class)
                        .setParameter("g", groupId)
                        .setParameter("month", YearMonth.parse(month).atDay(1))
                        .getSingleResult();
        var lastQuery = em.createQuery(
                        "select max(c.position) from Card c where c.groupId = :g and "
                                + (milestoneId == null ? "c.milestoneId is null" : "c.milestoneId = :m"),
                        Long.class)
                .setParameter("g", groupId);
        if (milestoneId != null) {
            lastQuery.setParameter("m", milestoneId);
        }
        Long last = lastQuery.getSingleResult();
        Card card = new Card();
        card.groupId = groupId;
        card.milestoneId = milestoneId;
        card.position = last == null ? 0 : last + Positions.GAP;
        card.title = title;
        card.goalId = goalId;
        card.createdAt = card.updatedAt = Instant.now();
        card.createdBy = card.updatedBy = "admin";
        em.persist(card);
        em.flush();
        return card.id;
    }

    /** The card's goal as stored now, or null; fails if the card is gone. */
    @Transactional
    public Long goalIdOf(long cardId) {
        Card card = em.find(Card.class, cardId);
        if (card == null) {
            throw new IllegalStateException("card " + cardId + " is gone");
        }
        return card.goalId;
    }
}
