package org.milepost.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person's secret link to a group's meeting calendar. Only the token's SHA-256 is kept (ADR 0012). */
@Entity
@Table(name = "calendar_link")
public class CalendarLink {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "group_id")
    public Long groupId;

    /** Whose link it is: the identity provider's subject. */
    public String subject;

    @Column(name = "token_hash")
    public String tokenHash;

    @Column(name = "created_at")
    public Instant createdAt;
}
