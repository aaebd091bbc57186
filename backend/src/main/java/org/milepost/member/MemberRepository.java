package org.milepost.member;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class MemberRepository implements PanacheRepository<Member> {

    public Optional<Member> findByGroupAndSubject(long groupId, String subject) {
        return find("groupId = ?1 and subject = ?2", groupId, subject).firstResultOptional();
    }

    public Optional<Member> findInGroup(long groupId, long id) {
        return find("groupId = ?1 and id = ?2", groupId, id).firstResultOptional();
    }

    public long countByRole(long groupId, GroupRole role) {
        return count("groupId = ?1 and role = ?2", groupId, role);
    }

    public List<Member> listByGroup(long groupId) {
        return list("groupId = ?1 order by role, displayName, id", groupId);
    }

    public List<Member> listBySubject(String subject) {
        return list("subject", subject);
    }
}
