package org.milepost.board;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.milepost.common.error.Problem;

@Path("/api/groups/{slug}/board")
@Tag(name = "Board", description = "The month-column view of a group's plan in one call")
@Produces(MediaType.APPLICATION_JSON)
public class BoardResource {

    private final BoardService service;

    @Inject
    public BoardResource(BoardService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "Read a group's board",
            description = "The group, its goals and phases, every month column in order with its milestone, its cards "
                    + "in position order and the meetings that fall in that month, and the backlog. The number of SQL "
                    + "statements does not grow with the number of cards.")
    @APIResponse(responseCode = "200", description = "The board",
            content = @Content(schema = @Schema(implementation = BoardView.class)))
    @APIResponse(responseCode = "404", description = "No such group (or not visible to the caller)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BoardView board(@PathParam("slug") String slug) {
        return service.board(slug);
    }
}
