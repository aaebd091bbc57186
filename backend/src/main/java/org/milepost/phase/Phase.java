package org.milepost.phase;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;

/** A named span of months (Launch, Grow, Review) with its focus, activities and outcomes. */
@Entity
@Table(name = "phase")
public class Phase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "group_id")
    public Long groupId;

    public String name;

    @Column(name = "start_month")
    public LocalDate startMonth;

    @Column(name = "end_month")
    public LocalDate endMonth;

    public String focus;
    public String activities;
    public String outcomes;

    @Version
    public int version;
}
