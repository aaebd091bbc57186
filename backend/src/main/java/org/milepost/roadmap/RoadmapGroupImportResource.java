package org.milepost.roadmap;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.milepost.roadmap.dto.ImportResult;

/** A group's plan replaced by a planning document (e.g. from the community's Git repository, by CI). */
@Path("/api/groups/{slug}/import")
@Tag(
        name = "Roadmap documents",
        description = "Markdown export of a group's roadmap, and imports of planning documents")
public class RoadmapGroupImportResource {

    private final RoadmapService service;

    @Inject
    public RoadmapGroupImportResource(RoadmapService service) {
        this.service = service;
    }

    @POST
    @Consumes({RoadmapResource.MARKDOWN, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Replace a group's plan with a planning document",
            description = "Members, chairs and admins. All or nothing: the group's goals, phases, cards and meetings "
                    + "are replaced by the document's, and each month's title, focus and outcomes are set from it "
                    + "(cleared for months it does not mention). The group's name, mission, description, visibility "
                    + "and members stay. Card ids change. If the document has months outside the plan, a chair or "
                    + "admin widens the plan with the import; for other members it is refused (409).")
    @RequestBody(
            required = true,
            content = {
                @Content(mediaType = RoadmapResource.MARKDOWN, schema = @Schema(type = SchemaType.STRING)),
                @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING))
            })
    @APIResponse(
            responseCode = "200",
            description = "The plan was replaced",
            content = @Content(schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "400", description = "The document cannot be imported")
    @APIResponse(responseCode = "401", description = "Not signed in")
    @APIResponse(responseCode = "403", description = "Not a member who may edit the plan")
    @APIResponse(responseCode = "409", description = "Months outside the plan and the caller is not a chair")
    public ImportResult importInto(
            @PathParam("slug") String slug, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        return service.replacePlan(slug, body, RoadmapResource.charset(contentType));
    }
}
