package org.milepost.workinggroup;

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
import java.time.LocalDate;

/** A working group: its identity, mission and the range of months its plan covers. */
@Entity
@Table(name = "working_group")
public class WorkingGroup {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String slug;
    public String name;
    public String mission;
    public String description;

    @Enumerated(EnumType.STRING)
    public Visibility visibility = Visibility.PUBLIC;

    @Column(name = "plan_start")
    public LocalDate planStart;

    @Column(name = "plan_end")
    public LocalDate planEnd;

    @Version
    public int version;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
