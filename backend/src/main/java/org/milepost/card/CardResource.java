package org.milepost.card;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.YearMonth;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.milepost.card.dto.CardBatchRequest;
import org.milepost.card.dto.CardList;
import org.milepost.card.dto.CardRequest;
import org.milepost.card.dto.CardUpdate;
import org.milepost.card.dto.CardView;
import org.milepost.card.dto.MoveRequest;
import org.milepost.common.validation.ValidatedRequest;
import org.milepost.common.web.Page;

@Path("/api/groups/{slug}/cards")
@Tag(name = "Cards", description = "Milestone cards in month columns and the backlog; moves between and within months")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ValidatedRequest
public class CardResource {

    private final CardService service;

    @Inject
    public CardResource(CardService service) {
        this.service = service;
    }

    @GET
    @Operation(
            summary = "List and filter cards",
            description = "Cards in column order. Filter by month (YYYY-MM, or 'backlog'), status, goal, responsible "
                    + "(exact, case-insensitive) and text (title, description, deliverable).")
    @APIResponse(
            responseCode = "200",
            description = "One page of cards",
            content = @Content(schema = @Schema(implementation = CardPage.class)))
    public Page<CardView> list(
            @PathParam("slug") String slug,
            @Parameter(description = "YYYY-MM, or 'backlog'", example = "2024-05")
                    @QueryParam("month")
                    @Pattern(regexp = "^(\\d{4}-\\d{2}|backlog)$", message = "must be YYYY-MM or backlog")
                    String month,
            @QueryParam("status") CardStatus status,
            @QueryParam("goal") Long goal,
            @QueryParam("responsible") String responsible,
            @Parameter(description = "Text to find") @QueryParam("q") String q,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        boolean backlog = "backlog".equals(month);
        YearMonth ym;
        try {
            ym = month == null || backlog ? null : YearMonth.parse(month);
        } catch (java.time.format.DateTimeParseException e) {
            throw org.milepost.common.error.ProblemException.invalidField("month", "must be YYYY-MM or backlog");
        }
        return service.list(slug, new CardService.Filter(ym, backlog, status, goal, responsible, q), page, size);
    }

    @POST
    @Operation(
            summary = "Create a card",
            description = "Appends the card to the end of its month column, or of the "
                    + "backlog when month is null. Members, chairs and admins.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = CardView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    public Response create(@PathParam("slug") String slug, @Valid @NotNull CardRequest request) {
        CardView card = service.create(slug, request);
        return Response.created(URI.create("/api/groups/" + slug + "/cards/" + card.id()))
                .tag(String.valueOf(card.version()))
                .entity(card)
                .build();
    }

    @POST
    @Path("/batch")
    @Operation(
            summary = "Create many cards at once",
            description = "Up to 5,000 cards in one transaction: all are "
                    + "created or none. Each is appended to its column in the order given. For importing a plan.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = CardList.class)))
    @APIResponse(responseCode = "400", description = "An invalid card (named as cards[i].field); nothing was created")
    public Response createBatch(@PathParam("slug") String slug, @Valid @NotNull CardBatchRequest request) {
        return Response.status(Response.Status.CREATED)
                .entity(new CardList(service.createBatch(slug, request.cards())))
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a card")
    @APIResponse(
            responseCode = "200",
            description = "The card; the ETag carries its version",
            content = @Content(schema = @Schema(implementation = CardView.class)))
    @APIResponse(responseCode = "404", description = "No such card in this group")
    public Response get(@PathParam("slug") String slug, @PathParam("id") long id) {
        CardView card = service.get(slug, id);
        return Response.ok(card).tag(String.valueOf(card.version())).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(
            summary = "Edit a card",
            description = "Replaces the editable fields. Based on a version (body or "
                    + "If-Match); a stale version is refused with the current card.")
    @APIResponse(
            responseCode = "200",
            description = "Changed",
            content = @Content(schema = @Schema(implementation = CardView.class)))
    @APIResponse(responseCode = "409", description = "Stale version; `current` holds the card as it is now")
    @APIResponse(responseCode = "428", description = "No version given")
    public Response update(
            @PathParam("slug") String slug,
            @PathParam("id") long id,
            @Valid @NotNull CardUpdate request,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        CardView card = service.update(slug, id, request, ifMatch);
        return Response.ok(card).tag(String.valueOf(card.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a card", description = "With If-Match, only if the card is still at that version.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(
            @PathParam("slug") String slug,
            @PathParam("id") long id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(slug, id, ifMatch);
    }

    @POST
    @Path("/{id}/move")
    @Operation(
            summary = "Move a card",
            description =
                    "Places the card in a month (or the backlog when month is null) "
                            + "right after afterCardId or right before beforeCardId (neither: at the end). Writes one row in the normal "
                            + "case. Refused with 409 when the version is stale or the neighbours changed meanwhile; nothing changes then.")
    @APIResponse(
            responseCode = "200",
            description = "Moved",
            content = @Content(schema = @Schema(implementation = CardView.class)))
    @APIResponse(responseCode = "400", description = "Unknown month or neighbour")
    @APIResponse(responseCode = "409", description = "Stale version or changed neighbours")
    public Response move(
            @PathParam("slug") String slug,
            @PathParam("id") long id,
            @Valid @NotNull MoveRequest request,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        CardView card = service.move(slug, id, request, ifMatch);
        return Response.ok(card).tag(String.valueOf(card.version())).build();
    }

    /** For the OpenAPI document only. */
    @Schema(name = "CardPage")
    public record CardPage(java.util.List<CardView> items, int page, int size, long total) {}
}
