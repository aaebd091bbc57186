package org.milepost.common.web;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.milepost.common.error.Problem;

/**
 * Errors raised by the HTTP layer before a resource runs (a body over the size limit, a broken request line) are
 * problem details too.
 */
@Singleton
public class HttpErrors {

    /** The largest request body the API reads (a 5,000-card batch is about 2 MB). */
    static final long MAX_BODY_BYTES = 4L * 1024 * 1024;

    void install(@Observes Router router) {
        // Checked before any resource runs; quarkus.http.limits.max-body-size is a higher backstop for chunked bodies.
        router.route().order(-1000).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length != null && parse(length) > MAX_BODY_BYTES) {
                ctx.response().putHeader("Connection", "close");
                problem(
                        ctx,
                        413,
                        "Request too large",
                        "The request body is larger than the server accepts (" + MAX_BODY_BYTES / (1024 * 1024)
                                + " MB)");
            } else {
                ctx.next();
            }
        });
        router.errorHandler(
                413,
                ctx -> problem(ctx, 413, "Request too large", "The request body is larger than the server accepts"));
        router.errorHandler(400, ctx -> {
            if (!ctx.response().headWritten()) {
                problem(ctx, 400, "Bad request", "The request could not be read");
            }
        });
    }

    private static long parse(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static void problem(RoutingContext ctx, int status, String title, String detail) {
        if (ctx.response().headWritten()) {
            return;
        }
        JsonObject body = new JsonObject()
                .put("type", "/problems/http-" + status)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", ctx.request().path());
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(body.encode());
    }
}
