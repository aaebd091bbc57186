package org.milepost.history;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ChangeRepository implements PanacheRepository<Change> {

    /** A page of the group's changes, newest first; only those older than {@code before} (a change id) if given. */
    public List<Change> page(long groupId, Long before, int page, int size) {
        return find(where(before) + " order by id desc", params(groupId, before))
                .page(page, size)
                .list();
    }

    public long countFor(long groupId, Long before) {
        return count(where(before), params(groupId, before));
    }

    /** One entity's changes, newest first. */
    public List<Change> ofEntity(long groupId, EntityType type, long entityId, int page, int size) {
        return find("groupId = ?1 and entityType = ?2 and entityId = ?3 order by id desc", groupId, type, entityId)
                .page(page, size)
                .list();
    }

    public long countOfEntity(long groupId, EntityType type, long entityId) {
        return count("groupId = ?1 and entityType = ?2 and entityId = ?3", groupId, type, entityId);
    }

    private static String where(Long before) {
        return before == null ? "groupId = :group" : "groupId = :group and id < :before";
    }

    private static Parameters params(long groupId, Long before) {
        Parameters params = Parameters.with("group", groupId);
        if (before != null) {
            params.and("before", before);
        }
        return params;
    }
}
