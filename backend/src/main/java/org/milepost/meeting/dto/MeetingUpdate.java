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

/** Replaces a meeting. An absent number or tentative keeps the current one; other absent fields are cleared. */
@Schema(name = "MeetingUpdate")
public record MeetingUpdate(
        @Positive @Schema(description = "Absent: unchanged", examples = "3") Integer number,
        @Schema(examples = "2024-05-07") LocalDate date,
        @JsonFormat(pattern = "HH:mm")
                @Schema(type = SchemaType.STRING, pattern = "^\\d{2}:\\d{2}$", examples = "15:00")
                LocalTime time,
        @Size(max = 64) @Schema(description = "An IANA time zone", examples = "UTC") String timeZone,
        @Schema(description = "Absent: unchanged", examples = "false") Boolean tentative,
        @Size(max = 200) @Schema(examples = "Virtual") String location,
        @Size(max = 2000) @Schema(examples = "https://meet.example.org/core-infra") String joinUrl,
        @Size(max = 50) @Schema(examples = "[\"Agree on Group Mission\", \"Goal setting\"]")
                List<@NotBlank @Size(max = 2000) String> objectives,
        @Size(max = 10_000) @Schema(examples = "Group mission and goals decided, Kanban board set up") String outcome,
        @Size(max = 100_000) String minutes,
        @Size(max = 200) @Schema(examples = "[12, 15]") List<@NotNull Long> cardIds,
        @Schema(description = "The version this change is based on (or send If-Match)", examples = "0")
                Integer version) {}
