package org.milepost.auth;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.milepost.auth.dto.Me;

@Path("/api/me")
@Tag(name = "Identity", description = "Who is calling")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    private final MeService service;

    @Inject
    public MeResource(MeService service) {
        this.service = service;
    }

    @GET
    @Operation(
            summary = "Who am I",
            description =
                    "The signed-in person (session cookie) or script (bearer token): subject, name, e-mail, instance "
                            + "roles and group memberships. Anonymous visitors get authenticated=false.")
    @APIResponse(
            responseCode = "200",
            description = "The caller",
            content = @Content(schema = @Schema(implementation = Me.class)))
    @APIResponse(responseCode = "401", description = "The session has expired or the token is invalid")
    public Response me() {
        return Response.ok(service.me())
                .cacheControl(CacheControl.valueOf("no-store"))
                .build();
    }
}
