package org.milepost.member;

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
import org.milepost.member.dto.MemberRequest;
import org.milepost.member.dto.MemberUpdate;
import org.milepost.member.dto.MemberView;

@Path("/api/groups/{slug}/members")
@Tag(name = "Members", description = "Who belongs to a group: chairs manage it, members edit the plan, observers read")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ValidatedRequest
public class MemberResource {

    private final MemberService service;

    @Inject
    public MemberResource(MemberService service) {
        this.service = service;
    }

    @GET
    @Operation(
            summary = "List a group's members",
            description = "Chairs first, then members, then observers, by name. Emails are shown only to the group's "
                    + "members and to admins.")
    @APIResponse(
            responseCode = "200",
            description = "The members",
            content = @Content(schema = @Schema(implementation = MemberView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", description = "No such group, or a MEMBERS group the caller is not in")
    public List<MemberView> list(@PathParam("slug") String slug) {
        return service.list(slug);
    }

    @POST
    @Operation(summary = "Add a member", description = "Chairs and admins.")
    @APIResponse(
            responseCode = "201",
            description = "Added; the ETag carries the membership's version",
            content = @Content(schema = @Schema(implementation = MemberView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "401", description = "Not signed in")
    @APIResponse(responseCode = "403", description = "Not a chair of the group")
    @APIResponse(responseCode = "404", description = "No such group")
    @APIResponse(responseCode = "409", description = "The person is already a member")
    public Response create(@PathParam("slug") String slug, @Valid @NotNull MemberRequest request) {
        MemberView created = service.create(slug, request);
        return Response.created(URI.create("/api/groups/" + slug + "/members/" + created.id()))
                .tag(String.valueOf(created.version()))
                .entity(created)
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a membership", description = "The email is shown only to members and admins.")
    @APIResponse(
            responseCode = "200",
            description = "The member; the ETag carries the version",
            content = @Content(schema = @Schema(implementation = MemberView.class)))
    @APIResponse(responseCode = "404", description = "No such member in this group")
    public Response get(@PathParam("slug") String slug, @PathParam("id") long id) {
        MemberView view = service.get(slug, id);
        return Response.ok(view).tag(String.valueOf(view.version())).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(
            summary = "Change a member's name or role",
            description = "Chairs and admins. Demoting the group's last chair is refused (409).")
    @APIResponse(
            responseCode = "200",
            description = "Changed",
            content = @Content(schema = @Schema(implementation = MemberView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "401", description = "Not signed in")
    @APIResponse(responseCode = "403", description = "Not a chair of the group")
    @APIResponse(responseCode = "404", description = "No such member in this group")
    @APIResponse(
            responseCode = "409",
            description = "Stale version (`current` holds the membership as it is now), "
                    + "or this would leave the group without a chair")
    @APIResponse(responseCode = "428", description = "No version given")
    public Response update(
            @PathParam("slug") String slug,
            @PathParam("id") long id,
            @Valid @NotNull MemberUpdate request,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        MemberView view = service.update(slug, id, request, ifMatch);
        return Response.ok(view).tag(String.valueOf(view.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            summary = "Remove a member",
            description = "Chairs and admins. Removing the group's last chair is refused (409). An If-Match header, "
                    + "if sent, must name the current version.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "401", description = "Not signed in")
    @APIResponse(responseCode = "403", description = "Not a chair of the group")
    @APIResponse(responseCode = "404", description = "No such member in this group")
    @APIResponse(responseCode = "409", description = "The last chair, or If-Match names a stale version")
    public void delete(
            @PathParam("slug") String slug,
            @PathParam("id") long id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(slug, id, ifMatch);
    }
}
