package org.milepost.meeting.dto;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Schedules a meeting. Without a number it takes the next free one; without tentative it is tentative. */
@Schema(name = "MeetingRequest")
public record MeetingRequest(
        @Positive @Schema(description = "Absent: one more than the group's highest", examples = "3") Integer number,
        @Schema(examples = "2024-05-07") LocalDate date,
        @JsonFormat(pattern = "HH:mm")
                @Schema(type = SchemaType.STRING, pattern = "^\\d{2}:\\d{2}$", examples = "15:00")
                LocalTime time,
        @Size(max = 64) @Schema(description = "An IANA time zone", examples = "UTC") String timeZone,
        @Schema(description = "Whether the date is still tentative; absent: true", examples = "true") Boolean tentative,
        @Size(max = 200) @Schema(examples = "Virtual") String location,
        @Size(max = 2000)
                @Schema(description = "An http(s) link to join", examples = "https://meet.example.org/core-infra")
                String joinUrl,
        @Size(max = 50)
                @Schema(
                        description = "Agenda objectives, in order",
                        examples = "[\"Agree on Group Mission\", \"Goal setting\"]")
                List<@NotBlank @Size(max = 2000) String> objectives,
        @Size(max = 10_000) @Schema(examples = "Group mission and goals decided, Kanban board set up") String outcome,
        @Size(max = 100_000) String minutes,
        @Size(max = 200) @Schema(description = "Cards of this group the meeting is about", examples = "[12, 15]")
                List<@NotNull Long> cardIds) {}
