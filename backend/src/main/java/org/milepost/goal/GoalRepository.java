package org.milepost.goal;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class GoalRepository implements PanacheRepository<Goal> {

    public List<Goal> listByGroup(long groupId) {
        return list("groupId = ?1 order by position, id", groupId);
    }

    public Optional<Goal> findInGroup(long groupId, long id) {
        return find("groupId = ?1 and id = ?2", groupId, id).firstResultOptional();
    }
}
