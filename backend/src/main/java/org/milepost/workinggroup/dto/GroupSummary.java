package org.milepost.workinggroup.dto;

import java.time.LocalDate;
import java.time.YearMonth;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.milepost.member.GroupRole;
import org.milepost.workinggroup.Visibility;

/** A line of the group list: what it is, whether I belong, and when it meets next. */
@Schema(name = "GroupSummary")
public record GroupSummary(
        String slug,
        String name,
        String mission,
        Visibility visibility,
        @Schema(type = SchemaType.STRING, format = "year-month", examples = "2024-05") YearMonth planStart,
        @Schema(type = SchemaType.STRING, format = "year-month", examples = "2024-10") YearMonth planEnd,
        GroupRole myRole,
        NextMeeting nextMeeting) {

    @Schema(name = "NextMeeting")
    public record NextMeeting(int number, LocalDate date, boolean tentative, String location) {}
}
