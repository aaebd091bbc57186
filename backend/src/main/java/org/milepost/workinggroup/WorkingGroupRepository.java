package org.milepost.workinggroup;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.milepost.member.GroupRole;

@ApplicationScoped
public class WorkingGroupRepository implements PanacheRepository<WorkingGroup> {

    public Optional<WorkingGroup> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** A group and the role {@code subject} holds in it by membership ({@code role} null: not a member). */
    public record WithMembership(WorkingGroup group, GroupRole role) {}

    /**
     * The group with this slug and the caller's membership of it, read in one query: every signed-in request to a
     * group needs both (the role decides what the caller may do), and reading them apart cost every such request a
     * second round trip to the database (ADR 0021).
     */
    public Optional<WithMembership> findBySlugWithMembership(String slug, String subject) {
        return getEntityManager()
                .createQuery(
                        """
                select g, m.role from WorkingGroup g left join Member m on m.groupId = g.id and m.subject = :subject
                where g.slug = :slug""",
                        Object[].class)
                .setParameter("slug", slug)
                .setParameter("subject", subject)
                .getResultList()
                .stream()
                .findFirst()
                .map(r -> new WithMembership((WorkingGroup) r[0], (GroupRole) r[1]));
    }
}
