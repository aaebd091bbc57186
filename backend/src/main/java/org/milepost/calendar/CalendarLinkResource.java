package org.milepost.calendar;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.milepost.calendar.dto.CalendarLinkCreated;
import org.milepost.calendar.dto.CalendarLinkView;

@Path("/api/groups/{slug}/calendar-links")
@Tag(name = "Calendar", description = "Meeting schedules as iCalendar feeds for calendar apps")
@Produces(MediaType.APPLICATION_JSON)
public class CalendarLinkResource {

    private final CalendarService service;

    @Inject
    public CalendarLinkResource(CalendarService service) {
        this.service = service;
    }

    @POST
    @Operation(
            summary = "Make a personal secret link to the group's meeting calendar",
            description = "For members (any role) and admins. The URL is shown once; subscribe to it in a calendar "
                    + "app. It works without sign-in until revoked, or until its owner leaves the group.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = CalendarLinkCreated.class)))
    @APIResponse(responseCode = "401", description = "Not signed in")
    @APIResponse(responseCode = "403", description = "Not a member of the group")
    @APIResponse(responseCode = "404", description = "No such group, or a MEMBERS group the caller is not in")
    public Response create(@PathParam("slug") String slug, @Context UriInfo uri) {
        CalendarLinkCreated link = service.createLink(slug, uri.getBaseUri().toString());
        return Response.created(URI.create("/api/groups/" + slug + "/calendar-links/" + link.id()))
                .entity(link)
                .build();
    }

    @GET
    @Operation(summary = "My secret links to the group's meeting calendar", description = "Without their secrets.")
    @APIResponse(
            responseCode = "200",
            description = "My links",
            content = @Content(schema = @Schema(implementation = CalendarLinkView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "401", description = "Not signed in")
    public List<CalendarLinkView> list(@PathParam("slug") String slug) {
        return service.myLinks(slug);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke one of my secret calendar links", description = "The link answers 404 from now on.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "401", description = "Not signed in")
    @APIResponse(responseCode = "404", description = "No such link of mine")
    public void revoke(@PathParam("slug") String slug, @PathParam("id") long id) {
        service.revoke(slug, id);
    }
}
