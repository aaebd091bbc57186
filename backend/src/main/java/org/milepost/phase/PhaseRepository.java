package org.milepost.phase;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class PhaseRepository implements PanacheRepository<Phase> {

    public List<Phase> listByGroup(long groupId) {
        return list("groupId = ?1 order by startMonth, id", groupId);
    }

    public Optional<Phase> findInGroup(long groupId, long id) {
        return find("groupId = ?1 and id = ?2", groupId, id).firstResultOptional();
    }
}
