package org.milepost.phase;

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
import org.milepost.phase.dto.PhaseRequest;
import org.milepost.phase.dto.PhaseUpdate;
import org.milepost.phase.dto.PhaseView;

@Path("/api/groups/{slug}/phases")
@Tag(
        name = "Phases",
        description = "Named spans of months (Launch, Grow, Review) with their focus, activities and outcomes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ValidatedRequest
public class PhaseResource {

    private final PhaseService service;

    @Inject
    public PhaseResource(PhaseService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "List a group's phases", description = "By start month.")
    @APIResponse(
            responseCode = "200",
            description = "The phases",
            content = @Content(schema = @Schema(implementation = PhaseView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", description = "No such group, or a MEMBERS group the caller is not in")
    public List<PhaseView> list(@PathParam("slug") String slug) {
        return service.list(slug);
    }

    @POST
    @Operation(
            summary = "Add a phase",
            description = "Members, chairs and admins. The end month must not be before the start month; phases may "
                    + "overlap and may reach past the plan range.")
    @APIResponse(
            responseCode = "201",
            description = "Created; the ETag carries its version",
            content = @Content(schema = @Schema(implementation = PhaseView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, or endMonth before startMonth")
    @APIResponse(responseCode = "401", description = "Not signed in")
    @APIResponse(responseCode = "403", description = "Not a member or chair of the group")
    @APIResponse(responseCode = "404", description = "No such group")
    public Response create(@PathParam("slug") String slug, @Valid @NotNull PhaseRequest request) {
        PhaseView created = service.create(slug, request);
        return Response.created(URI.create("/api/groups/" + slug + "/phases/" + created.id()))
                .tag(String.valueOf(created.version()))
                .entity(created)
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a phase")
    @APIResponse(
            responseCode = "200",
            description = "The phase; the ETag carries its version",
            content = @Content(schema = @Schema(implementation = PhaseView.class)))
    @APIResponse(responseCode = "404", description = "No such phase in this group")
    public Response get(@PathParam("slug") String slug, @PathParam("id") long id) {
        PhaseView view = service.get(slug, id);
        return Response.ok(view).tag(String.valueOf(view.version())).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Change a phase", description = "Members, chairs and admins. Replaces every field.")
    @APIResponse(
            responseCode = "200",
            description = "Changed",
            content = @Content(schema = @Schema(implementation = PhaseView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, or endMonth before startMonth")
    @APIResponse(responseCode = "401", description = "Not signed in")
    @APIResponse(responseCode = "403", description = "Not a member or chair of the group")
    @APIResponse(responseCode = "404", description = "No such phase in this group")
    @APIResponse(responseCode = "409", description = "Stale version; `current` holds the phase as it is now")
    @APIResponse(responseCode = "428", description = "No version given")
    public Response update(
            @PathParam("slug") String slug,
            @PathParam("id") long id,
            @Valid @NotNull PhaseUpdate request,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        PhaseView view = service.update(slug, id, request, ifMatch);
        return Response.ok(view).tag(String.valueOf(view.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            summary = "Delete a phase",
            description = "Members, chairs and admins. An If-Match header, if sent, must name the current version.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", description = "Not signed in")
    @APIResponse(responseCode = "403", description = "Not a member or chair of the group")
    @APIResponse(responseCode = "404", description = "No such phase in this group")
    @APIResponse(responseCode = "409", description = "If-Match names a stale version")
    public void delete(
            @PathParam("slug") String slug,
            @PathParam("id") long id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(slug, id, ifMatch);
    }
}
