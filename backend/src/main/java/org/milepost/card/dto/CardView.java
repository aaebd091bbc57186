package org.milepost.card.dto;

import java.time.Instant;
import java.time.YearMonth;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.milepost.card.CardStatus;

@Schema(name = "Card")
public record CardView(
        @Schema(examples = "1051") long id,
        @Schema(examples = "Publish a first roadmap process") String title,
        @Schema(description = "Markdown") String description,
        CardStatus status,
        @Schema(examples = "Activator") String responsible,
        @Schema(examples = "CBT liaison") String support,
        @Schema(examples = "Documentation about revised pathway") String deliverable,
        Long goalId,
        @Schema(
                        type = SchemaType.STRING,
                        format = "year-month",
                        examples = "2024-06",
                        nullable = true,
                        description = "Null when the card is in the backlog")
                YearMonth month,
        int version,
        @Schema(description = "The identity provider's subject of who created the card") String createdBy,
        @Schema(description = "Their display name at the time", examples = "Maria Lopez") String createdByName,
        Instant createdAt,
        String updatedBy,
        @Schema(examples = "Tomás Rivera") String updatedByName,
        Instant updatedAt) {}
