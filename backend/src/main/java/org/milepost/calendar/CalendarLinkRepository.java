package org.milepost.calendar;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class CalendarLinkRepository implements PanacheRepository<CalendarLink> {

    public Optional<CalendarLink> findByTokenHash(String tokenHash) {
        return find("tokenHash", tokenHash).firstResultOptional();
    }

    public List<CalendarLink> listOwned(long groupId, String subject) {
        return list("groupId = ?1 and subject = ?2 order by id", groupId, subject);
    }

    public Optional<CalendarLink> findOwned(long groupId, String subject, long id) {
        return find("groupId = ?1 and subject = ?2 and id = ?3", groupId, subject, id)
                .firstResultOptional();
    }

    /** Revokes every link a person holds to one group's calendar (they left it). */
    public long revokeAll(long groupId, String subject) {
        return delete("groupId = ?1 and subject = ?2", groupId, subject);
    }
}
