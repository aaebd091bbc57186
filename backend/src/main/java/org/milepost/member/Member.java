package org.milepost.member;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A person's membership in a working group, keyed by the identity provider's subject. */
@Entity
@Table(name = "member")
public class Member {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "group_id")
    public Long groupId;

    public String subject;

    @Column(name = "display_name")
    public String displayName;

    public String email;

    @Enumerated(EnumType.STRING)
    public GroupRole role;

    @Version
    public int version;

    @Column(name = "created_at")
    public Instant createdAt;
}
