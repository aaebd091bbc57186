package org.milepost.history;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One entry of a group's history: who changed what, when, and each changed field's value before and after. Written
 * only by {@link HistoryRecorder} (one INSERT statement, in the writing transaction); read-only here.
 */
@Entity
@Immutable
@Table(name = "change")
public class Change {

    @Id
    public Long id;

    @Column(name = "group_id")
    public Long groupId;

    @Enumerated(EnumType.STRING)
    @Column(name = "entity_type")
    public EntityType entityType;

    @Column(name = "entity_id")
    public long entityId;

    @Column(name = "entity_version")
    public Integer entityVersion;

    @Enumerated(EnumType.STRING)
    public ChangeAction action;

    public String title;

    /** First day of the month the entity is in after the change, if it belongs to a month. */
    public LocalDate month;

    @Column(name = "actor_subject")
    public String actorSubject;

    @Column(name = "actor_name")
    public String actorName;

    @Column(name = "changed_at")
    public Instant at;

    public String summary;

    /** {@code {"field": [from, to]}}. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, List<Object>> diff;
}
