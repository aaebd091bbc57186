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

/** A group's meetings as an iCalendar feed (open for PUBLIC groups). */
@Tag(name = "Calendar", description = "Meeting schedules as iCalendar feeds for calendar apps")
@Path("/api/groups/{slug}/meetings.ics")
public class GroupCalendarResource {

    static final String TEXT_CALENDAR = "text/calendar; charset=utf-8";

    private final CalendarService service;

    @Inject
    public GroupCalendarResource(CalendarService service) {
        this.service = service;
    }

    @GET
    @Produces(TEXT_CALENDAR)
    @Operation(
            summary = "A group's meetings as an iCalendar feed",
            description = "One event per dated meeting (tentative ones marked TENTATIVE), with location and join link. "
                    + "PUBLIC groups need no sign-in, so calendar apps can subscribe to this URL. A MEMBERS group "
                    + "answers 404 here to anyone outside it: its members subscribe through a personal secret link "
                    + "(POST /api/groups/{slug}/calendar-links).")
    @APIResponse(
            responseCode = "200",
            description = "RFC 5545 iCalendar",
            content = @Content(mediaType = TEXT_CALENDAR, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such group, or a MEMBERS group the caller is not in")
    public Response groupFeed(@PathParam("slug") String slug) {
        return calendar(service.feed(slug), slug, "public, max-age=300");
    }

    static Response calendar(String body, String name, String cacheControl) {
        return Response.ok(body, TEXT_CALENDAR)
                .header("Content-Disposition", "inline; filename=\"" + name + ".ics\"")
                .header("Cache-Control", cacheControl)
                .build();
    }
}
