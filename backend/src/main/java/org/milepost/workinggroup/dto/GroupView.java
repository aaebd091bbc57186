package org.milepost.workinggroup.dto;

import java.time.Instant;
import java.time.YearMonth;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.milepost.member.GroupRole;
import org.milepost.workinggroup.Visibility;
import org.milepost.workinggroup.WorkingGroup;

/** A working group as the API shows it, with what the caller may do in it. */
@Schema(name = "Group")
public record GroupView(
        @Schema(examples = "core-infra-roadmap") String slug,
        String name,
        String mission,
        String description,
        Visibility visibility,
        @Schema(type = SchemaType.STRING, format = "year-month", examples = "2024-05") YearMonth planStart,
        @Schema(type = SchemaType.STRING, format = "year-month", examples = "2024-10") YearMonth planEnd,
        int version,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "The caller's role in this group, if any") GroupRole myRole,
        @Schema(description = "Whether the caller may edit cards, milestones, phases, goals and meetings")
                boolean canEdit,
        @Schema(description = "Whether the caller may change members and settings") boolean canManage) {

    public static GroupView of(WorkingGroup g, GroupRole myRole, boolean canEdit, boolean canManage) {
        return new GroupView(
                g.slug,
                g.name,
                g.mission,
                g.description,
                g.visibility,
                YearMonth.from(g.planStart),
                YearMonth.from(g.planEnd),
                g.version,
                g.createdAt,
                g.updatedAt,
                myRole,
                canEdit,
                canManage);
    }
}
