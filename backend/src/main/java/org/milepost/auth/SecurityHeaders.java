package org.milepost.auth;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Security headers on every response (ADR 0006): no MIME sniffing, no framing, no referrer to other sites, and a
 * Content-Security-Policy: none at all for the JSON API, the site's own resources for the web app, and inline scripts
 * for Swagger UI only, whose page needs them.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    static final String SWAGGER_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
            + "frame-ancestors 'none'";

    private final String webPolicy;

    public SecurityHeaders(
            @ConfigProperty(
                            name = "milepost.security.content-security-policy",
                            defaultValue =
                                    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")
                    String webPolicy) {
        this.webPolicy = webPolicy;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::addHeaders);
    }

    private void addHeaders(RoutingContext context) {
        String path = context.normalizedPath();
        context.addHeadersEndHandler(ignored -> {
            MultiMap headers = context.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "same-origin");
            String policy = policyFor(path);
            if (policy != null) {
                headers.set("Content-Security-Policy", policy);
            }
        });
        context.next();
    }

    private String policyFor(String path) {
        if (path.startsWith("/q/dev-ui") || path.startsWith("/q/dev")) {
            return null; // dev mode only: the Dev UI brings its own scripts
        }
        if (path.startsWith("/q/swagger-ui")) {
            return SWAGGER_POLICY;
        }
        if (path.startsWith("/api/") || path.equals("/api") || path.startsWith("/auth/") || path.startsWith("/q/")) {
            return API_POLICY;
        }
        return webPolicy;
    }
}
