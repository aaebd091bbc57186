package org.milepost.live;

import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.milepost.workinggroup.WorkingGroup;
import org.milepost.workinggroup.WorkingGroupService;

@Path("/api/groups/{slug}/events")
@Tag(name = "Live updates", description = "Server-sent events: every committed change to a group, as it happens")
public class LiveResource {

    private final WorkingGroupService groups;
    private final LiveEvents events;

    @Inject
    public LiveResource(WorkingGroupService groups, LiveEvents events) {
        this.groups = groups;
        this.events = events;
    }

    @GET
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(
            summary = "Follow a group's changes live",
            description = "A text/event-stream. First `{\"type\":\"ready\"}`; then, within a second of each committed "
                    + "change by anyone on any instance, an event such as `{\"id\":4711,\"type\":\"card.moved\","
                    + "\"cardId\":1051,\"month\":\"2024-06\",\"version\":5,\"actor\":{\"subject\":\"…\",\"name\":\"Alice\"},"
                    + "\"summary\":\"moved from May to June\",…}` (see docs/api-contract.md); `{\"type\":\"resync\"}` when "
                    + "events may have been missed. A comment line every 15 s keeps the stream open. Events carry ids "
                    + "and a summary: refetch what you show. Whoever may read the group; checked when the stream opens, "
                    + "and the stream is closed (clients reconnect) when the group's settings or members change.")
    @APIResponse(
            responseCode = "200",
            description = "The event stream",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such group, or a MEMBERS group the caller is not in")
    public void follow(@PathParam("slug") String slug, @Context SseEventSink sink, @Context Sse sse) {
        WorkingGroup group = groups.findReadable(slug);
        events.subscribe(group.id, sink, sse);
    }
}
