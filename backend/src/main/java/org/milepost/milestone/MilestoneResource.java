package org.milepost.milestone;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.milepost.common.validation.ValidatedRequest;
import org.milepost.milestone.dto.MilestoneUpdate;
import org.milepost.milestone.dto.MilestoneView;

@Path("/api/groups/{slug}/milestones")
@Tag(name = "Milestones", description = "The month columns of a group's plan: what each month is about")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ValidatedRequest
public class MilestoneResource {

    private final MilestoneService service;

    @Inject
    public MilestoneResource(MilestoneService service) {
        this.service = service;
    }

    @GET
    @Operation(
            summary = "List a group's month milestones",
            description = "One per month of the plan, in month order, each with the number of cards planned in it.")
    @APIResponse(
            responseCode = "200",
            description = "The milestones",
            content = @Content(schema = @Schema(implementation = MilestoneView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", description = "No such group, or a MEMBERS group the caller is not in")
    public List<MilestoneView> list(@PathParam("slug") String slug) {
        return service.list(slug);
    }

    @GET
    @Path("/{month}")
    @Operation(summary = "Read one month's milestone")
    @APIResponse(
            responseCode = "200",
            description = "The milestone; the ETag carries its version",
            content = @Content(schema = @Schema(implementation = MilestoneView.class)))
    @APIResponse(responseCode = "400", description = "The month is not written like 2024-05")
    @APIResponse(responseCode = "404", description = "The month is outside the group's plan")
    public Response get(
            @PathParam("slug") String slug,
            @PathParam("month")
                    @Parameter(
                            description = "The month",
                            schema = @Schema(type = SchemaType.STRING, format = "year-month", examples = "2024-05"))
                    String month) {
        MilestoneView view = service.get(slug, month);
        return Response.ok(view).tag(String.valueOf(view.version())).build();
    }

    @PUT
    @Path("/{month}")
    @Operation(
            summary = "Change what a month is about",
            description = "Members, chairs and admins. Replaces title, focus and outcomes. Months are added and "
                    + "removed only by changing the group's plan range.")
    @APIResponse(
            responseCode = "200",
            description = "Changed",
            content = @Content(schema = @Schema(implementation = MilestoneView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, or the month is not written like 2024-05")
    @APIResponse(responseCode = "401", description = "Not signed in")
    @APIResponse(responseCode = "403", description = "Not a member or chair of the group")
    @APIResponse(responseCode = "404", description = "The month is outside the group's plan")
    @APIResponse(responseCode = "409", description = "Stale version; `current` holds the milestone as it is now")
    @APIResponse(responseCode = "428", description = "No version given")
    public Response update(
            @PathParam("slug") String slug,
            @PathParam("month")
                    @Parameter(
                            description = "The month",
                            schema = @Schema(type = SchemaType.STRING, format = "year-month", examples = "2024-05"))
                    String month,
            @Valid @NotNull MilestoneUpdate request,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        MilestoneView view = service.update(slug, month, request, ifMatch);
        return Response.ok(view).tag(String.valueOf(view.version())).build();
    }
}
