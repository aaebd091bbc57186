package org.milepost.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;
import org.milepost.common.error.Problem;
import org.milepost.common.error.ProblemException;

/**
 * Refuses a bearer token that is not even shaped like a signed JWT ({@code header.payload.signature} in base64url)
 * with 401 before it reaches Quarkus OIDC, whose parser answers some malformed tokens (such as {@code ..}) with a 500.
 * Tokens of the right shape are verified by Quarkus OIDC as usual; opaque tokens are not accepted (no introspection).
 */
@ApplicationScoped
public class BearerTokenSyntaxFilter {

    private static final Pattern BEARER = Pattern.compile("(?i)bearer(?:\\s+(.*))?");
    private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    private final ObjectMapper json;

    public BearerTokenSyntaxFilter(ObjectMapper json) {
        this.json = json;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 2).handler(this::check);
    }

    private void check(RoutingContext context) {
        String authorization = context.request().getHeader("Authorization");
        if (authorization != null) {
            var bearer = BEARER.matcher(authorization.strip());
            if (bearer.matches()
                    && (bearer.group(1) == null
                            || !COMPACT_JWS.matcher(bearer.group(1).strip()).matches())) {
                refuse(context);
                return;
            }
        }
        context.next();
    }

    private void refuse(RoutingContext context) {
        Problem problem = ProblemException.unauthorized("The bearer token is not a signed JWT")
                .problem()
                .withInstance(context.normalizedPath());
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":401}";
        }
        context.response()
                .setStatusCode(401)
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("WWW-Authenticate", "Bearer realm=\"milepost\", error=\"invalid_token\"")
                .putHeader("Cache-Control", "no-store")
                .end(body);
    }
}
