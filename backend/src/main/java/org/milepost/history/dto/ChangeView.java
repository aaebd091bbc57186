package org.milepost.history.dto;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.milepost.history.ChangeAction;
import org.milepost.history.EntityType;

/** One entry of a card's history or a group's activity feed. */
@Schema(name = "Change")
public record ChangeView(
        @Schema(description = "Increases with time; use as `before` to page back", examples = "4711") long id,
        @Schema(description = "entityType.action in lower case", examples = "card.moved") String type,
        EntityType entityType,
        @Schema(examples = "1051") long entityId,
        ChangeAction action,
        @Schema(description = "What the entity was called then", examples = "Publish a first roadmap process")
                String title,
        @Schema(
                        type = SchemaType.STRING,
                        format = "year-month",
                        examples = "2024-06",
                        nullable = true,
                        description = "The month it is in after the change (cards: null for the backlog)")
                YearMonth month,
        @Schema(description = "The entity's version after the change; null once deleted", examples = "5")
                Integer version,
        Actor actor,
        Instant at,
        @Schema(examples = "moved from May to June") String summary,
        @Schema(
                        description = "Each changed field, by its API name, as [from, to]",
                        examples = "{\"status\": [\"PLANNED\", \"DONE\"]}")
                Map<String, List<Object>> diff) {}
