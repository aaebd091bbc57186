package org.milepost.roadmap;

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

/** A group's roadmap as one Markdown document, for its own Git repository. */
@Path("/api/groups/{slug}/export")
@Tag(
        name = "Roadmap documents",
        description = "Markdown export of a group's roadmap, and imports of planning documents")
public class RoadmapExportResource {

    private final RoadmapService service;

    @Inject
    public RoadmapExportResource(RoadmapService service) {
        this.service = service;
    }

    @GET
    @Produces(RoadmapResource.MARKDOWN + ";charset=utf-8")
    @Operation(
            summary = "Export a group's roadmap as Markdown",
            description = "One document in the style of the planning documents communities write: mission, goals "
                    + "with measures of success, phases, \"Key milestones\" by month with each card as a bullet "
                    + "(status, responsible), the backlog, a deliverables table and the meeting schedule. The same data "
                    + "always gives the same bytes, so the document can live in Git; importing it gives the same "
                    + "roadmap back. Anyone who may read the group may export it.")
    @APIResponse(
            responseCode = "200",
            description = "The roadmap document",
            content = @Content(mediaType = RoadmapResource.MARKDOWN, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such group (or a MEMBERS group the caller is not in)")
    public Response export(@PathParam("slug") String slug) {
        return Response.ok(service.export(slug))
                .header("Content-Disposition", "inline; filename=\"" + slug + ".md\"")
                .build();
    }
}
