package org.milepost.meeting;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.milepost.common.validation.ValidatedRequest;
import org.milepost.common.web.Page;
import org.milepost.meeting.dto.MeetingRequest;
import org.milepost.meeting.dto.MeetingUpdate;
import org.milepost.meeting.dto.MeetingView;

@Path("/api/groups/{slug}/meetings")
@Tag(name = "Meetings", description = "A group's numbered meeting schedule: dates, agenda objectives, outcomes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ValidatedRequest
public class MeetingResource {

    private final MeetingService service;

    @Inject
    public MeetingResource(MeetingService service) {
        this.service = service;
    }

    @GET
    @Operation(
            summary = "List a group's meetings",
            description = "upcoming: today and later, soonest first, undated meetings last; past: most recent first; "
                    + "all (the default): by number.")
    @APIResponse(
            responseCode = "200",
            description = "One page of meetings",
            content = @Content(schema = @Schema(implementation = MeetingPage.class)))
    @APIResponse(responseCode = "400", description = "Unknown `when`, or a bad page or size")
    @APIResponse(responseCode = "404", description = "No such group, or a MEMBERS group the caller is not in")
    public Page<MeetingView> list(
            @PathParam("slug") String slug,
            @Parameter(
                            description = "Which meetings",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            enumeration = {"upcoming", "past", "all"},
                                            defaultValue = "all"))
                    @QueryParam("when")
                    @DefaultValue("all")
                    @Pattern(regexp = MeetingFilter.PATTERN, message = "must be upcoming, past or all")
                    String when,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return service.list(slug, MeetingFilter.of(when), page, size);
    }

    @POST
    @Operation(
            summary = "Schedule a meeting",
            description = "Members, chairs and admins. Without a number the meeting takes the next one (highest + 1). "
                    + "cardIds must be cards of this group.")
    @APIResponse(
            responseCode = "201",
            description = "Created; the ETag carries its version",
            content = @Content(schema = @Schema(implementation = MeetingView.class)))
    @APIResponse(
            responseCode = "400",
            description =
                    "Invalid fields (an unknown time zone, a link that is not " + "http(s), cards of another group…)")
    @APIResponse(responseCode = "401", description = "Not signed in")
    @APIResponse(responseCode = "403", description = "Not a member or chair of the group")
    @APIResponse(responseCode = "404", description = "No such group")
    @APIResponse(responseCode = "409", description = "The meeting number is already used")
    public Response create(@PathParam("slug") String slug, @Valid @NotNull MeetingRequest request) {
        MeetingView created = service.create(slug, request);
        return Response.created(URI.create("/api/groups/" + slug + "/meetings/" + created.id()))
                .tag(String.valueOf(created.version()))
                .entity(created)
                .build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a meeting")
    @APIResponse(
            responseCode = "200",
            description = "The meeting; the ETag carries its version",
            content = @Content(schema = @Schema(implementation = MeetingView.class)))
    @APIResponse(responseCode = "404", description = "No such meeting in this group")
    public Response get(@PathParam("slug") String slug, @PathParam("id") long id) {
        MeetingView view = service.get(slug, id);
        return Response.ok(view).tag(String.valueOf(view.version())).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(
            summary = "Change a meeting",
            description = "Members, chairs and admins. Replaces the meeting; an absent number or tentative keeps the "
                    + "current one.")
    @APIResponse(
            responseCode = "200",
            description = "Changed",
            content = @Content(schema = @Schema(implementation = MeetingView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "401", description = "Not signed in")
    @APIResponse(responseCode = "403", description = "Not a member or chair of the group")
    @APIResponse(responseCode = "404", description = "No such meeting in this group")
    @APIResponse(
            responseCode = "409",
            description =
                    "Stale version (`current` holds the meeting as it is now), or " + "the new number is already used")
    @APIResponse(responseCode = "428", description = "No version given")
    public Response update(
            @PathParam("slug") String slug,
            @PathParam("id") long id,
            @Valid @NotNull MeetingUpdate request,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        MeetingView view = service.update(slug, id, request, ifMatch);
        return Response.ok(view).tag(String.valueOf(view.version())).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            summary = "Cancel a meeting",
            description = "Members, chairs and admins. Its number is not reused unless it was the highest. An If-Match "
                    + "header, if sent, must name the current version.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", description = "Not signed in")
    @APIResponse(responseCode = "403", description = "Not a member or chair of the group")
    @APIResponse(responseCode = "404", description = "No such meeting in this group")
    @APIResponse(responseCode = "409", description = "If-Match names a stale version")
    public void delete(
            @PathParam("slug") String slug,
            @PathParam("id") long id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(slug, id, ifMatch);
    }

    /** For the OpenAPI document only: a page of meetings. */
    @Schema(name = "MeetingPage")
    public record MeetingPage(java.util.List<MeetingView> items, int page, int size, long total) {}
}
