package org.milepost.goal;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.milepost.common.validation.ValidatedRequest;
import org.milepost.goal.dto.GoalRequest;
import org.milepost.goal.dto.GoalUpdate;
import org.milepost.goal.dto.GoalView;

@Path("/api/groups/{slug}/goals")
@Tag(name = "Goals", description = "A group's ordered goals, each with an optional measure of success")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ValidatedRequest
public class GoalResource {

    private final GoalService service;

    @Inject
    public GoalResource(GoalService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "List a group's goals", description = "In the group's order (position 0 first).")
    @APIResponse(
            responseCode = "200",
            description = "The goals",
            content = @Content(schema = @Schema(implementation = GoalView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", description = "No such group, or a MEMBERS group the caller is not in")
    public List<GoalView> list(@PathParam("slug") String slug) {
        return service.list(slug);
    }

    @POST
    @Operation(
            summary = "Add a goal",
            description = "Members, chairs and admins. Without a position the goal goes last; with one, the goals "
                    + "from that place on move down. Without a color it gets the next color of a fixed palette.")
    @APIResponse(
            responseCode = "201",
            description = "Created; the ETag carries its version",
            content = @Content(schema = @Schema(implementation = GoalView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "401", description = "Not signed in")
    @APIResponse(responseCode = "403", description = "Not a member or chair of the group")
    @APIResponse(responseCode = "404", description = "No such group")
    public Response create(@PathParam("slug") String slug, @Valid @NotNull GoalRequest request) {
        GoalView created = service.create(slug, request);
        return Response.created(URI.create("/api/groups/" + slug + "/goals/" + created.id()))
                .tag(String.valueOf(created.version()))
                .entity(created)
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a goal")
    @APIResponse(
            responseCode = "200",
            description = "The goal; the ETag carries its version",
            content = @Content(schema = @Schema(implementation = GoalView.class)))
    @APIResponse(responseCode = "404", description = "No such goal in this group")
    public Response get(@PathParam("slug") String slug, @PathParam("id") long id) {
        GoalView view = service.get(slug, id);
        return Response.ok(view).tag(String.valueOf(view.version())).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(
            summary = "Change a goal",
            description = "Members, chairs and admins. Replaces title, description and measure; an absent color or "
                    + "position keeps the current one. A new position moves the goal and shifts the goals in between "
                    + "(their versions change too).")
    @APIResponse(
            responseCode = "200",
            description = "Changed",
            content = @Content(schema = @Schema(implementation = GoalView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "401", description = "Not signed in")
    @APIResponse(responseCode = "403", description = "Not a member or chair of the group")
    @APIResponse(responseCode = "404", description = "No such goal in this group")
    @APIResponse(responseCode = "409", description = "Stale version; `current` holds the goal as it is now")
    @APIResponse(responseCode = "428", description = "No version given")
    public Response update(
            @PathParam("slug") String slug,
            @PathParam("id") long id,
            @Valid @NotNull GoalUpdate request,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        GoalView view = service.update(slug, id, request, ifMatch);
        return Response.ok(view).tag(String.valueOf(view.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            summary = "Delete a goal",
            description = "Members, chairs and admins. Its cards stay and lose their goal; the goals after it move up. "
                    + "An If-Match header, if sent, must name the current version.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", description = "Not signed in")
    @APIResponse(responseCode = "403", description = "Not a member or chair of the group")
    @APIResponse(responseCode = "404", description = "No such goal in this group")
    @APIResponse(responseCode = "409", description = "If-Match names a stale version")
    public void delete(
            @PathParam("slug") String slug,
            @PathParam("id") long id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(slug, id, ifMatch);
    }
}
