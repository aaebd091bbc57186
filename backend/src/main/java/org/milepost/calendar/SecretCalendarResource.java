package org.milepost.calendar;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A group's meetings through a personal secret link: the secret in the URL is the key (ADR 0012). */
@Tag(name = "Calendar", description = "Meeting schedules as iCalendar feeds for calendar apps")
@Path("/api/calendar")
public class SecretCalendarResource {

    private final CalendarService service;

    @Inject
    public SecretCalendarResource(CalendarService service) {
        this.service = service;
    }

    @GET
    @Path("/{token}.ics")
    @Produces(GroupCalendarResource.TEXT_CALENDAR)
    @Operation(
            summary = "A group's meetings through a personal secret link",
            description = "No sign-in: the secret in the URL is the key. Answers 404 once the link is revoked or its "
                    + "owner has left the group.")
    @APIResponse(
            responseCode = "200",
            description = "RFC 5545 iCalendar",
            content =
                    @Content(
                            mediaType = GroupCalendarResource.TEXT_CALENDAR,
                            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "Unknown or revoked link")
    public Response secretFeed(@PathParam("token") String token) {
        return GroupCalendarResource.calendar(service.feedByToken(token), "meetings", "private, max-age=300");
    }
}
