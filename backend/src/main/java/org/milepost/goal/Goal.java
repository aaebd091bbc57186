package org.milepost.goal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;

/** One of a group's ordered goals, with an optional measure of success ("new contributors, target 25"). */
@Entity
@Table(name = "goal")
public class Goal {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "group_id")
    public Long groupId;

    public int position;
    public String title;
    public String description;
    public String color;

    @Column(name = "measure_label")
    public String measureLabel;

    @Column(name = "measure_target")
    public BigDecimal measureTarget;

    @Column(name = "measure_current")
    public BigDecimal measureCurrent;

    @Version
    public int version;
}
