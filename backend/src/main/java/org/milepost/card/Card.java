package org.milepost.card;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A milestone card. It sits in a month column ({@code milestoneId}) or in the backlog ({@code milestoneId} null),
 * at a sparse {@code position} within that column (ADR 0003).
 */
@Entity
@Table(name = "card")
@DynamicUpdate // an edit writes only what changed, never a stale position over a concurrent rebalance
public class Card {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "card_id")
    @SequenceGenerator(name = "card_id", sequenceName = "card_id_seq", allocationSize = 50)
    public Long id;

    @Column(name = "group_id")
    public Long groupId;

    @Column(name = "milestone_id")
    public Long milestoneId;

    public long position;
    public String title;
    public String description;

    @Enumerated(EnumType.STRING)
    public CardStatus status = CardStatus.PLANNED;

    public String responsible;
    public String support;
    public String deliverable;

    @Column(name = "goal_id")
    public Long goalId;

    @Version
    public int version;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_by_name")
    public String createdByName;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_by_name")
    public String updatedByName;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
