package org.milepost.history;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.milepost.common.validation.ValidatedRequest;
import org.milepost.common.web.Page;
import org.milepost.history.dto.ChangeView;

@Path("/api/groups/{slug}/activity")
@Tag(name = "History", description = "Who changed what and when: a card's history and a group's activity feed")
@Produces(MediaType.APPLICATION_JSON)
@ValidatedRequest
public class ActivityResource {

    private final HistoryService service;

    @Inject
    public ActivityResource(HistoryService service) {
        this.service = service;
    }

    @GET
    @Operation(
            summary = "A group's activity feed",
            description =
                    "Every change to the group's cards, milestones, phases, goals, meetings, settings and members, "
                            + "newest first. For an endless list, pass the id of the last change shown as `before` (page stays "
                            + "0): new changes meanwhile neither shift nor repeat entries. Whoever may read the group.")
    @APIResponse(
            responseCode = "200",
            description = "One page of changes",
            content = @Content(schema = @Schema(implementation = ChangePage.class)))
    @APIResponse(responseCode = "400", description = "Invalid page, size or before")
    @APIResponse(responseCode = "404", description = "No such group, or a MEMBERS group the caller is not in")
    public Page<ChangeView> activity(
            @PathParam("slug") String slug,
            @Parameter(description = "Only changes older than this change id", example = "4711")
                    @QueryParam("before")
                    @Min(1)
                    Long before,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return service.activity(slug, before, page, size);
    }

    /** For the OpenAPI document only. */
    @Schema(name = "ChangePage")
    public record ChangePage(List<ChangeView> items, int page, int size, long total) {}
}
