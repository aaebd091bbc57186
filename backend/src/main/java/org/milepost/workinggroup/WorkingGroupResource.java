package org.milepost.workinggroup;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.milepost.common.validation.ValidatedRequest;
import org.milepost.common.web.Page;
import org.milepost.workinggroup.dto.GroupRequest;
import org.milepost.workinggroup.dto.GroupSummary;
import org.milepost.workinggroup.dto.GroupUpdate;
import org.milepost.workinggroup.dto.GroupView;

@Path("/api/groups")
@Tag(name = "Working groups", description = "Groups, their mission and the months their plan covers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ValidatedRequest
public class WorkingGroupResource {

    private final WorkingGroupService service;

    @Inject
    public WorkingGroupResource(WorkingGroupService service) {
        this.service = service;
    }

    @GET
    @Operation(
            summary = "List working groups",
            description = "Public groups and the groups the caller belongs to (admins see all), by name, with each "
                    + "group's next meeting.")
    @APIResponse(
            responseCode = "200",
            description = "One page of groups",
            content = @Content(schema = @Schema(implementation = GroupSummaryPage.class)))
    public Page<GroupSummary> list(
            @Parameter(description = "Text to find in the name, slug or mission") @QueryParam("q") String q,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return service.list(q, page, size);
    }

    @POST
    @Operation(
            summary = "Create a working group",
            description = "Instance administrators only. Makes a month column for every month of the plan and "
                    + "makes the creator the group's first chair.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = GroupView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "409", description = "The slug is taken")
    public Response create(@Valid @NotNull GroupRequest request) {
        GroupView created = service.create(request);
        return Response.created(URI.create("/api/groups/" + created.slug()))
                .tag(String.valueOf(created.version()))
                .entity(created)
                .build();
    }

    @GET
    @Path("/{slug}")
    @Operation(summary = "Read a working group", description = "A MEMBERS group answers 404 to anyone outside it.")
    @APIResponse(
            responseCode = "200",
            description = "The group; the ETag carries its version",
            content = @Content(schema = @Schema(implementation = GroupView.class)))
    @APIResponse(responseCode = "404", description = "No such group")
    public Response get(@PathParam("slug") String slug) {
        GroupView view = service.view(slug);
        return Response.ok(view).tag(String.valueOf(view.version())).build();
    }

    @PUT
    @Path("/{slug}")
    @Operation(
            summary = "Change a working group's settings",
            description = "Chairs and admins. Widening the plan adds month columns. A month that still holds cards is "
                    + "only removed with moveCardsToBacklog=true, which sends its cards to the backlog.")
    @APIResponse(
            responseCode = "200",
            description = "Changed",
            content = @Content(schema = @Schema(implementation = GroupView.class)))
    @APIResponse(responseCode = "409", description = "Stale version, or a removed month still holds cards")
    @APIResponse(responseCode = "428", description = "No version given")
    public Response update(
            @PathParam("slug") String slug,
            @Valid @NotNull GroupUpdate request,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Parameter(description = "Send the cards of removed months to the backlog")
                    @QueryParam("moveCardsToBacklog")
                    @DefaultValue("false")
                    boolean moveCardsToBacklog) {
        GroupView view = service.update(slug, request, ifMatch, moveCardsToBacklog);
        return Response.ok(view).tag(String.valueOf(view.version())).build();
    }

    @DELETE
    @Path("/{slug}")
    @Operation(
            summary = "Delete a working group",
            description = "Instance administrators only; deletes everything in it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("slug") String slug) {
        service.delete(slug);
    }

    /** For the OpenAPI document only: a page of group summaries. */
    @Schema(name = "GroupSummaryPage")
    public record GroupSummaryPage(java.util.List<GroupSummary> items, int page, int size, long total) {}
}
