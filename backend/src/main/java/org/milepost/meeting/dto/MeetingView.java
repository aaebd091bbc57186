package org.milepost.meeting.dto;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.milepost.meeting.Meeting;

/** A meeting as the API shows it. */
@Schema(name = "Meeting")
public record MeetingView(
        @Schema(examples = "21") long id,
        @Schema(examples = "3") int number,
        @Schema(examples = "2024-05-07") LocalDate date,
        @JsonFormat(pattern = "HH:mm")
                @Schema(type = SchemaType.STRING, pattern = "^\\d{2}:\\d{2}$", examples = "15:00")
                LocalTime time,
        @Schema(examples = "UTC") String timeZone,
        @Schema(examples = "true") boolean tentative,
        @Schema(examples = "Virtual") String location,
        @Schema(examples = "https://meet.example.org/core-infra") String joinUrl,
        @Schema(examples = "[\"Agree on Group Mission\", \"Goal setting\"]") List<String> objectives,
        @Schema(examples = "Group mission and goals decided, Kanban board set up") String outcome,
        String minutes,
        @Schema(description = "In ascending order", examples = "[12, 15]") List<Long> cardIds,
        @Schema(examples = "0") int version) {

    public static MeetingView of(Meeting m, List<Long> cardIds) {
        return new MeetingView(
                m.id,
                m.number,
                m.date,
                m.time,
                m.timeZone,
                m.tentative,
                m.location,
                m.joinUrl,
                List.copyOf(m.objectives),
                m.outcome,
                m.minutes,
                cardIds,
                m.version);
    }

    public static MeetingView of(Meeting m) {
        return of(m, m.cardIds.stream().sorted().toList());
    }
}
