package org.milepost.auth;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Browser sign-in and sign-out (ADR 0006). Pages the browser navigates to, not API calls, so they are left out of the
 * OpenAPI document (docs/api-contract.md describes them). Quarkus OIDC does the work: {@code /auth/login} requires authentication
 * (see {@code quarkus.http.auth.permission.sign-in}), so an anonymous visit starts the authorization code flow and the
 * provider redirects back here; {@code /auth/logout} is the OIDC logout path, so a visit with a session ends it at the
 * provider. These methods only run once that is done.
 */
@Path("/auth")
public class AuthResource {

    private static final CacheControl NO_STORE = CacheControl.valueOf("no-store");

    @GET
    @Path("/login")
    @Operation(
            hidden = true,
            summary = "Sign in",
            description = "Sends the browser to the identity provider and, once signed in, back "
                    + "to returnTo: a path on this site (anything else returns to /).")
    @APIResponse(responseCode = "303", description = "Signed in: go to returnTo")
    @APIResponse(responseCode = "302", description = "Not signed in yet: go to the identity provider")
    public Response login(
            @Parameter(description = "Path on this site to come back to, e.g. /groups/cardano-core-infra-roadmap")
                    @QueryParam("returnTo")
                    String returnTo) {
        return Response.seeOther(URI.create(ReturnPath.safe(returnTo)))
                .cacheControl(NO_STORE)
                .build();
    }

    @GET
    @Path("/logout")
    @Operation(
            hidden = true,
            summary = "Sign out",
            description = "Ends the session here and at the identity provider, then returns to /.")
    @APIResponse(responseCode = "302", description = "Signed in: go to the provider's sign-out, which returns to /")
    @APIResponse(responseCode = "303", description = "Not signed in: go to /")
    public Response logout() {
        return Response.seeOther(URI.create(ReturnPath.HOME))
                .cacheControl(NO_STORE)
                .build();
    }
}
