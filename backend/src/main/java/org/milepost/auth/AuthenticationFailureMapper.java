package org.milepost.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.milepost.common.error.Problem;
import org.milepost.common.error.ProblemException;

/**
 * A credential was sent but is not valid: a forged, expired or foreign bearer token, or a browser session that has
 * ended and cannot be refreshed (ADR 0006).
 *
 * <ul>
 * <li>Under {@code /api}: 401 with a problem detail and {@code WWW-Authenticate: Bearer}, never a redirect, so the web
 * app can send the person to sign in again; the dead session cookie is removed so the next call is anonymous.</li>
 * <li>Elsewhere ({@code /auth/login}): the identity provider's challenge, i.e. a redirect to sign in again.</li>
 * </ul>
 */
public class AuthenticationFailureMapper {

    @ServerExceptionMapper
    public Uni<Response> authenticationFailed(AuthenticationFailedException e, RoutingContext context, UriInfo uri) {
        if (ApiRequestChecker.isApi(context.normalizedPath())) {
            // With proactive authentication the OIDC challenge has already run (see ApiRequestChecker: 499, no
            // redirect); replace what it wrote with a plain 401.
            context.response().headers().remove(HttpHeaders.LOCATION).remove(HttpHeaders.WWW_AUTHENTICATE);
            expireSessionCookies(context);
            return Uni.createFrom().item(unauthorized(uri));
        }
        HttpAuthenticator authenticator = context.get(HttpAuthenticator.class.getName());
        if (authenticator == null) {
            return Uni.createFrom().item(unauthorized(uri));
        }
        return authenticator
                .getChallenge(context)
                .map(challenge -> challenge == null ? unauthorized(uri) : fromChallenge(challenge, uri))
                .onFailure()
                .recoverWithItem(() -> unauthorized(uri));
    }

    static Response unauthorized(UriInfo uri) {
        Problem problem = ProblemException.unauthorized("Sign in again, or send a valid bearer token")
                .problem();
        return Response.status(401)
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"milepost\"")
                .entity(uri == null ? problem : problem.withInstance(uri.getPath()))
                .build();
    }

    private static Response fromChallenge(ChallengeData challenge, UriInfo uri) {
        if (challenge.status == 401) {
            return unauthorized(uri);
        }
        Response.ResponseBuilder builder = Response.status(challenge.status);
        for (Map.Entry<CharSequence, String> header : challenge.getHeaders().entrySet()) {
            builder.header(header.getKey().toString(), header.getValue());
        }
        return builder.build();
    }

    private static void expireSessionCookies(RoutingContext context) {
        for (String name : context.request().cookieMap().keySet()) {
            if (name.startsWith(CsrfFilter.SESSION_COOKIE_PREFIX)) {
                context.response()
                        .addCookie(Cookie.cookie(name, "")
                                .setPath("/")
                                .setMaxAge(0)
                                .setHttpOnly(true)
                                .setSameSite(CookieSameSite.LAX));
            }
        }
    }
}
