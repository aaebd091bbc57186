package org.milepost.card.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.milepost.card.CardStatus;

/** Replaces a card's editable fields. Its month and place change only through a move. */
@Schema(name = "CardUpdate")
public record CardUpdate(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 100_000) String description,
        @NotNull CardStatus status,
        @Size(max = 200) String responsible,
        @Size(max = 200) String support,
        @Size(max = 500) String deliverable,
        Long goalId,
        @Schema(description = "The version this change is based on (or send If-Match)", examples = "2")
                Integer version) {}
