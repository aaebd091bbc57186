package org.milepost.history;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.milepost.common.error.ProblemException;
import org.milepost.common.web.Page;
import org.milepost.history.dto.Actor;
import org.milepost.history.dto.ChangeView;
import org.milepost.workinggroup.WorkingGroup;
import org.milepost.workinggroup.WorkingGroupService;

/** Reads history: a card's, and a group's activity feed. Whoever may read the group may read its history. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class HistoryService {

    private final ChangeRepository changes;
    private final WorkingGroupService groups;
    private final EntityManager em;

    @Inject
    public HistoryService(ChangeRepository changes, WorkingGroupService groups, EntityManager em) {
        this.changes = changes;
        this.groups = groups;
        this.em = em;
    }

    /** Newest first; {@code before} (a change id) pages back without skipping or repeating as new changes arrive. */
    public Page<ChangeView> activity(String slug, Long before, int page, int size) {
        WorkingGroup group = groups.findReadable(slug);
        List<ChangeView> items = changes.page(group.id, before, page, size).stream()
                .map(HistoryService::view)
                .toList();
        return new Page<>(items, page, size, changes.countFor(group.id, before));
    }

    /** A card's history, newest first; still readable after the card was deleted (404 only if it never existed). */
    public Page<ChangeView> cardHistory(String slug, long cardId, int page, int size) {
        WorkingGroup group = groups.findReadable(slug);
        long total = changes.countOfEntity(group.id, EntityType.CARD, cardId);
        if (total == 0 && !cardExists(group.id, cardId)) {
            throw ProblemException.notFound("No card " + cardId + " in '" + slug + "'");
        }
        List<ChangeView> items = changes.ofEntity(group.id, EntityType.CARD, cardId, page, size).stream()
                .map(HistoryService::view)
                .toList();
        return new Page<>(items, page, size, total);
    }

    private boolean cardExists(long groupId, long cardId) {
        return em.createQuery("select count(c) from Card c where c.groupId = :g and c.id = :id", Long.class)
                        .setParameter("g", groupId)
                        .setParameter("id", cardId)
                        .getSingleResult()
                > 0;
    }

    static ChangeView view(Change c) {
        return new ChangeView(
                c.id,
                c.entityType.name().toLowerCase(Locale.ROOT) + "."
                        + c.action.name().toLowerCase(Locale.ROOT),
                c.entityType,
                c.entityId,
                c.action,
                c.title,
                c.month == null ? null : YearMonth.from(c.month),
                c.entityVersion,
                new Actor(c.actorSubject, c.actorName),
                c.at,
                c.summary,
                c.diff == null ? Map.of() : c.diff);
    }
}
