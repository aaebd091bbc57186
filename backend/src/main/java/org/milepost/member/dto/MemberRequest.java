package org.milepost.member.dto;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.milepost.member.GroupRole;

/** Adds a person to a group, by the identity provider's subject. */
@Schema(name = "MemberRequest")
public record MemberRequest(
        @NotBlank
                @Size(max = 255)
                @Schema(
                        description = "The identity provider's subject (sub) of the person",
                        examples = "f3b2c0de-7c1e-4e55-9d2a-1b0c8f6e2a91")
                String subject,
        @NotBlank @Size(max = 200) @Schema(examples = "Ada Lovelace") String displayName,
        @Email @Size(max = 320) @Schema(examples = "ada@example.org") String email,
        @NotNull @Schema(examples = "MEMBER") GroupRole role) {}
