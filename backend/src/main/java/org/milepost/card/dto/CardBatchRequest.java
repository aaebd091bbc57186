package org.milepost.card.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Up to 5,000 new cards, created all or nothing, each appended to its column in the order given. */
@Schema(name = "CardBatchRequest")
public record CardBatchRequest(@NotEmpty @Size(max = 5000) List<@NotNull @Valid CardRequest> cards) {}
