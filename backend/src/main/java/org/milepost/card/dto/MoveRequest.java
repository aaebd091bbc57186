package org.milepost.card.dto;

import java.time.YearMonth;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where a card goes: a month column (or the backlog when {@code month} is null), right after {@code afterCardId} or
 * right before {@code beforeCardId}. With neither, it goes to the end of the column. With both, they must be
 * neighbours, or the move is refused because the column changed meanwhile.
 */
@Schema(name = "MoveRequest")
public record MoveRequest(
        @Schema(
                        type = SchemaType.STRING,
                        format = "year-month",
                        examples = "2024-06",
                        nullable = true,
                        description = "Target month; null for the backlog")
                YearMonth month,
        @Schema(description = "Place the card right after this card", examples = "1051") Long afterCardId,
        @Schema(description = "Place the card right before this card", examples = "1101") Long beforeCardId,
        @Schema(description = "The card's version this move is based on (or send If-Match)", examples = "4")
                Integer version) {}
