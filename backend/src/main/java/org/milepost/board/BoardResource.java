package org.milepost.board;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.milepost.workinggroup.dto.GroupView;

@Path("/api/groups/{slug}/board")
@Tag(name = "Board", description = "The month-column view of a group's plan in one call")
@Produces(MediaType.APPLICATION_JSON)
public class BoardResource {

    private final BoardService service;
    private final BoardBuilds builds;
    private final ObjectMapper mapper;

    @Inject
    public BoardResource(BoardService service, BoardBuilds builds, ObjectMapper mapper) {
        this.service = service;
        this.builds = builds;
        this.mapper = mapper;
    }

    @GET
    @Operation(
            summary = "Read a group's board",
            description = "The group, its goals and phases, every month column in order with its milestone, its cards "
                    + "in position order and the meetings that fall in that month, and the backlog. The number of SQL "
                    + "statements does not grow with the number of cards.")
    @APIResponse(
            responseCode = "200",
            description = "The board",
            content = @Content(schema = @Schema(implementation = BoardView.class)))
    @APIResponse(responseCode = "404", description = "No such group (or not visible to the caller)")
    @APIResponse(
            responseCode = "503",
            description = "Too many boards being read at once; retry after the " + "Retry-After seconds")
    public Response board(@PathParam("slug") String slug, @Context RoutingContext request) {
        BoardService.ReadableGroup group = service.readable(slug);
        byte[] head = json(new Head(group.view()));
        // The rest of the board is the same for every reader: readers who arrive while it is being built share the next
        // build and its bytes (BoardBuilds, ADR 0017); only the finished JSON waits for the sockets.
        byte[] content = builds.run(group.id(), () -> service.content(group));
        // {"group":{…}} + {"goals":…} = {"group":{…},"goals":…}: the head without its closing brace, a comma, the
        // content without its opening brace.
        int length = head.length + content.length - 1;
        // Handed over through a holder that lets go once written or once the exchange ends (also when the client left
        // before the write): an idle worker thread keeps its last task, and with it this response, on its stack until
        // its next task, which kept ~27 finished 2.6 MB boards in the heap (heap dump, bench 2026-11-23).
        Body body = new Body(content);
        request.addEndHandler(ended -> body.release());
        if (request.response().closed()) {
            // The client left while the board was being built: the exchange's end handlers ran before this one was
            // added, and nothing will write the response (heap dump, bench 2026-12-07: three 2.6 MB boards of
            // readers who had left were still held 20 s later).
            body.release();
        }
        StreamingOutput once = output -> {
            byte[] bytes = body.take();
            if (bytes != null) {
                output.write(head, 0, head.length - 1);
                output.write(',');
                output.write(bytes, 1, bytes.length - 1);
            }
        };
        return Response.ok(once, MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CONTENT_LENGTH, length)
                .build();
    }

    /** Board contents handed to a response and neither written nor let go yet (the tests watch it). */
    static int heldBodies() {
        return Body.HELD.get();
    }

    /** Board contents handed to responses since the start. */
    static long bodiesHandedOut() {
        return Body.HANDED_OUT.get();
    }

    /** A board's shared JSON, given to its response once, then let go. */
    private static final class Body {
        private static final AtomicInteger HELD = new AtomicInteger();
        private static final AtomicLong HANDED_OUT = new AtomicLong();
        private final AtomicReference<byte[]> bytes;

        Body(byte[] bytes) {
            this.bytes = new AtomicReference<>(bytes);
            HELD.incrementAndGet();
            HANDED_OUT.incrementAndGet();
        }

        /** The JSON, to the first caller only. */
        byte[] take() {
            byte[] taken = bytes.getAndSet(null);
            if (taken != null) {
                HELD.decrementAndGet();
            }
            return taken;
        }

        void release() {
            take();
        }
    }

    /** The board's first property. */
    private record Head(GroupView group) {}

    private byte[] json(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the board cannot be written as JSON", e);
        }
    }
}
