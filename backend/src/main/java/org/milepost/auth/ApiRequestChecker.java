package org.milepost.auth;

import io.quarkus.oidc.JavaScriptRequestChecker;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Tells Quarkus OIDC that calls under {@code /api} come from the web app's scripts, never from a page the browser
 * navigates to. With {@code quarkus.oidc.authentication.java-script-auto-redirect=false} an ended session is then not
 * answered with a redirect to the provider (which a script cannot follow) but with a 401 problem detail, written by
 * {@link AuthenticationFailureMapper}. Sign-in itself starts at {@code /auth/login}, which the browser navigates to.
 */
@ApplicationScoped
public class ApiRequestChecker implements JavaScriptRequestChecker {

    @Override
    public boolean isJavaScriptRequest(RoutingContext context) {
        return isApi(context.normalizedPath());
    }

    static boolean isApi(String path) {
        return path != null && (path.equals("/api") || path.startsWith("/api/"));
    }
}
