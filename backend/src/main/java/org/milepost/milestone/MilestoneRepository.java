package org.milepost.milestone;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class MilestoneRepository implements PanacheRepository<Milestone> {

    public List<Milestone> listByGroup(long groupId) {
        return list("groupId = ?1 order by month", groupId);
    }

    public Optional<Milestone> findByMonth(long groupId, LocalDate month) {
        return find("groupId = ?1 and month = ?2", groupId, month).firstResultOptional();
    }
}
