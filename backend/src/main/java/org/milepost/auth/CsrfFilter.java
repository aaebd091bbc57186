package org.milepost.auth;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.milepost.common.error.Problem;
import org.milepost.common.error.ProblemException;

/**
 * Cross-site request forgery defence for the browser session (ADR 0006). A change (POST, PUT, PATCH, DELETE) that
 * relies on the session cookie must carry an {@code X-Requested-With} header: a form or link on another site cannot
 * set it, and a cross-origin script that tries needs a CORS preflight, which only configured origins pass. Calls with
 * an {@code Authorization} header are bearer-token calls (the cookie is ignored for them), so they are exempt.
 */
public class CsrfFilter {

    public static final String HEADER = "X-Requested-With";
    static final String SESSION_COOKIE_PREFIX = "q_session";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @ServerRequestFilter(preMatching = true)
    public void requireCustomHeaderWithSessionCookie(ContainerRequestContext request) {
        if (SAFE_METHODS.contains(request.getMethod())
                || request.getHeaderString(HttpHeaders.AUTHORIZATION) != null
                || request.getCookies().keySet().stream().noneMatch(name -> name.startsWith(SESSION_COOKIE_PREFIX))) {
            return;
        }
        String marker = request.getHeaderString(HEADER);
        if (marker == null || marker.isBlank()) {
            throw new ProblemException(new Problem(
                    "/problems/csrf",
                    "Forbidden",
                    403,
                    "A change made with the session cookie must send the " + HEADER + " header",
                    null,
                    null,
                    null));
        }
    }
}
