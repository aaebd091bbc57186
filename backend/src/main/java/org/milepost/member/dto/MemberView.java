package org.milepost.member.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.milepost.member.GroupRole;
import org.milepost.member.Member;

/** A member as the API shows it. The email is shown only to the group's members and to admins. */
@Schema(name = "Member")
public record MemberView(
        @Schema(examples = "7") long id,
        @Schema(examples = "f3b2c0de-7c1e-4e55-9d2a-1b0c8f6e2a91") String subject,
        @Schema(examples = "Ada Lovelace") String displayName,
        @Schema(description = "Only for members of the group and admins; null otherwise", examples = "ada@example.org")
                String email,
        @Schema(examples = "MEMBER") GroupRole role,
        @Schema(examples = "0") int version) {

    public static MemberView of(Member member, boolean showEmail) {
        return new MemberView(
                member.id,
                member.subject,
                member.displayName,
                showEmail ? member.email : null,
                member.role,
                member.version);
    }
}
