package org.milepost.member.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.milepost.member.GroupRole;

/** Changes a member's name or role. The subject names the person and does not change. */
@Schema(name = "MemberUpdate")
public record MemberUpdate(
        @NotBlank @Size(max = 200) @Schema(examples = "Ada Lovelace") String displayName,
        @NotNull @Schema(examples = "CHAIR") GroupRole role,
        @Schema(description = "The version this change is based on (or send If-Match)", examples = "0")
                Integer version) {}
