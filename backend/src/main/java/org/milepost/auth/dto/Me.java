package org.milepost.auth.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The caller as the web app needs to know it. An anonymous visitor is {@code {"authenticated": false}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Me", description = "The signed-in person or script; only authenticated=false for anonymous visitors")
public record Me(
        boolean authenticated,
        @Schema(
                        description = "The identity provider's subject (sub)",
                        examples = "0b6e4f5c-6f1e-4a7e-9f4b-2c1d3e4f5a6b")
                String subject,
        @Schema(examples = "Carla Chair") String name,
        @Schema(examples = "chair@milepost.example") String email,
        @Schema(description = "Instance roles, e.g. admin", examples = "[\"admin\"]") List<String> roles,
        List<Membership> memberships) {

    public static final Me ANONYMOUS = new Me(false, null, null, null, null, null);

    /** The caller's role in one working group, stored in Milepost or mapped from a provider group. */
    @Schema(name = "Membership")
    public record Membership(
            @Schema(examples = "cardano-core-infra-roadmap") String slug,
            @Schema(examples = "Cardano Roadmap Working Group") String name,
            @Schema(examples = "CHAIR") String role) {}
}
