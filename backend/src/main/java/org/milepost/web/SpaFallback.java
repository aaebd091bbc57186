package org.milepost.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Serves the web app's {@code index.html} for its own addresses ({@code /groups/core-infra/board}), so a bookmarked or
 * reloaded page opens the app, whose router then shows the page. Only browser page loads are answered this way: GET
 * requests that accept HTML, outside {@code /api}, {@code /auth} and {@code /q}, for a path that does not name a file.
 * Everything else (API calls, assets, a missing {@code /assets/x.js}) goes on unchanged and keeps its own 404.
 *
 * <p>The app itself is the production build of {@code frontend/}, copied into {@code META-INF/resources} by the
 * backend build when it exists; without it this does nothing visible (there is no {@code index.html} to serve).
 */
@ApplicationScoped
public class SpaFallback {

    static final String INDEX = "/index.html";

    void register(@Observes Router router) {
        router.get().order(Integer.MIN_VALUE + 10).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        if (isAppPage(context.normalizedPath(), context.request().getHeader("Accept"))) {
            context.reroute(INDEX);
        } else {
            context.next();
        }
    }

    /** Whether a GET for this path, with this Accept header, is a page of the web app rather than a file or the API. */
    static boolean isAppPage(String path, String accept) {
        if (path == null || accept == null || !accept.contains("text/html")) {
            return false;
        }
        if (path.equals("/") || path.equals(INDEX)) {
            return false;
        }
        for (String server : new String[] {"/api", "/auth", "/q"}) {
            if (path.equals(server) || path.startsWith(server + "/")) {
                return false;
            }
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".");
    }
}
