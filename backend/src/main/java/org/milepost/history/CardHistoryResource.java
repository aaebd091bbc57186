package org.milepost.history;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.milepost.common.validation.ValidatedRequest;
import org.milepost.common.web.Page;
import org.milepost.history.dto.ChangeView;

/** A card's history. A class of its own: its path lies under the cards resource's, which would otherwise shadow it. */
@Path("/api/groups/{slug}/cards/{id}/history")
@Tag(name = "History", description = "Who changed what and when: a card's history and a group's activity feed")
@Produces(MediaType.APPLICATION_JSON)
@ValidatedRequest
public class CardHistoryResource {

    private final HistoryService service;

    @Inject
    public CardHistoryResource(HistoryService service) {
        this.service = service;
    }

    @GET
    @Operation(
            summary = "A card's history",
            description = "Every change to the card, newest first: created, edited (each field from and to), moved "
                    + "between months, deleted. Still readable after the card was deleted. Whoever may read the group.")
    @APIResponse(
            responseCode = "200",
            description = "One page of changes",
            content = @Content(schema = @Schema(implementation = ActivityResource.ChangePage.class)))
    @APIResponse(responseCode = "404", description = "No such group or card, or a MEMBERS group the caller is not in")
    public Page<ChangeView> history(
            @PathParam("slug") String slug,
            @PathParam("id") long id,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return service.cardHistory(slug, id, page, size);
    }
}
