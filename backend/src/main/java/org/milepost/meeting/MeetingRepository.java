package org.milepost.meeting;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class MeetingRepository implements PanacheRepository<Meeting> {

    public Optional<Meeting> findInGroup(long groupId, long id) {
        return find("groupId = ?1 and id = ?2", groupId, id).firstResultOptional();
    }

    public Optional<Meeting> findByNumber(long groupId, int number) {
        return find("groupId = ?1 and number = ?2", groupId, number).firstResultOptional();
    }

    /** The highest meeting number used in the group, 0 if it has none. */
    public int maxNumber(long groupId) {
        Integer max = getEntityManager()
                .createQuery("select max(m.number) from Meeting m where m.groupId = :g", Integer.class)
                .setParameter("g", groupId)
                .getSingleResult();
        return max == null ? 0 : max;
    }
}
