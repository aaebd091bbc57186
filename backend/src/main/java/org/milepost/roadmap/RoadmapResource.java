package org.milepost.roadmap;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.milepost.roadmap.dto.ImportPreview;
import org.milepost.roadmap.dto.ImportResult;

/**
 * Imports of planning documents: a preview of what would be created, and a new working group from a document. With
 * {@link RoadmapExportResource} and {@link RoadmapGroupImportResource} a community keeps its plan in its own Git
 * repository and syncs it from scripts or CI. (Three classes, because a class-level {@code /api} path would lose to
 * {@code /api/groups} when requests are matched.)
 */
@Path("/api/imports")
@Tag(
        name = "Roadmap documents",
        description = "Markdown export of a group's roadmap, and imports of planning documents")
public class RoadmapResource {

    static final String MARKDOWN = "text/markdown";

    private static final String EXAMPLE =
            """
            # Core Infrastructure Roadmap working group

            The working group's mission is to foster a transparent, inclusive, and adaptable roadmap.

            ## Key Milestones

            1. **May:**
               * Create Rough Draft of Comms Plan
               * Submit Vocab to community for review
            2. **June:**
               * Publish a first roadmap process
            """;

    private final RoadmapService service;

    @Inject
    public RoadmapResource(RoadmapService service) {
        this.service = service;
    }

    @POST
    @Path("/preview")
    @Consumes({MARKDOWN, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Preview the import of a planning document",
            description = "Signed-in users. Reads a Markdown or plain-text plan (at most 1 MB) and answers what an "
                    + "import would create (group fields, counts, months with their card titles, goals, phases, "
                    + "meetings), what was not understood (warnings with line numbers) and what would make the import "
                    + "fail (problems). Nothing is written.")
    @RequestBody(
            required = true,
            content = {
                @Content(
                        mediaType = MARKDOWN,
                        schema = @Schema(type = SchemaType.STRING),
                        examples = @ExampleObject(name = "numbered months", value = EXAMPLE)),
                @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING))
            })
    @APIResponse(
            responseCode = "200",
            description = "What would be created",
            content = @Content(schema = @Schema(implementation = ImportPreview.class)))
    @APIResponse(responseCode = "401", description = "Not signed in")
    @APIResponse(responseCode = "413", description = "Larger than 1 MB")
    public ImportPreview preview(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        return service.preview(body, charset(contentType));
    }

    @POST
    @Consumes({MARKDOWN, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create a working group from a planning document",
            description = "Instance administrators. All or nothing, in one transaction: the group (its plan covers the "
                    + "document's months; a document without months gets six months from the current one, its cards "
                    + "in the backlog), goals, phases, month milestones, cards and meetings. The caller becomes the "
                    + "group's chair. A document that cannot be imported answers 400 and nothing is created.")
    @RequestBody(
            required = true,
            content = {
                @Content(
                        mediaType = MARKDOWN,
                        schema = @Schema(type = SchemaType.STRING),
                        examples = @ExampleObject(name = "numbered months", value = EXAMPLE)),
                @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING))
            })
    @APIResponse(
            responseCode = "201",
            description = "Created; Location is the new group",
            content = @Content(schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "400", description = "The document cannot be imported (errors name its parts)")
    @APIResponse(responseCode = "401", description = "Not signed in")
    @APIResponse(responseCode = "403", description = "Not an administrator")
    @APIResponse(responseCode = "409", description = "The slug is taken")
    public Response importGroup(
            @Parameter(
                            description = "The new group's slug (default: the document's suggestion)",
                            example = "core-infra-2024")
                    @QueryParam("slug")
                    String slug,
            @Parameter(description = "PUBLIC (default) or MEMBERS", example = "PUBLIC") @QueryParam("visibility")
                    String visibility,
            @Parameter(description = "The group's name (default: the document's title)") @QueryParam("name")
                    String name,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            byte[] body) {
        ImportResult result = service.importGroup(body, charset(contentType), slug, visibility, name);
        return Response.created(URI.create("/api/groups/" + result.slug()))
                .entity(result)
                .type(MediaType.APPLICATION_JSON)
                .build();
    }

    /** The charset parameter of a Content-Type, if any. */
    static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                return p.substring(8).strip();
            }
        }
        return null;
    }
}
