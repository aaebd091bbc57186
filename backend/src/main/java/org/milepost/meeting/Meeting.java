package org.milepost.meeting;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One meeting of the group's schedule: number, tentative date, agenda objectives, outcome, location. */
@Entity
@Table(name = "meeting")
public class Meeting {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "group_id")
    public Long groupId;

    public int number;
    public LocalDate date;
    public LocalTime time;

    @Column(name = "time_zone")
    public String timeZone;

    public boolean tentative = true;
    public String location;

    @Column(name = "join_url")
    public String joinUrl;

    /** Ordered agenda objectives. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> objectives = new ArrayList<>();

    public String outcome;
    public String minutes;

    @ElementCollection
    @CollectionTable(name = "meeting_card", joinColumns = @JoinColumn(name = "meeting_id"))
    @Column(name = "card_id")
    public Set<Long> cardIds = new LinkedHashSet<>();

    @Version
    public int version;
}
