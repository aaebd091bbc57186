package org.milepost.history.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who made a change: the identity provider's subject and the name they had then. */
@Schema(name = "Actor")
public record Actor(
        @Schema(examples = "f3a1c2d4-alice") String subject, @Schema(examples = "Alice Example") String name) {}
