package org.milepost.workinggroup;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class WorkingGroupRepository implements PanacheRepository<WorkingGroup> {

    public Optional<WorkingGroup> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }
}
