package org.milepost.common.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place that turns exceptions into {@code application/problem+json} responses (ADR 0004). Bodies never
 * carry stack traces, SQL or class names; unexpected errors are logged here with an id the body repeats.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder builder = respond(e.problem(), uri);
        if (e.problem().status() == 401) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"milepost\"");
        }
        if (e.problem().status() == 503) {
            builder.header("Retry-After", "5");
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response validation(jakarta.validation.ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(new Problem("/problems/validation", "Invalid request", 400, detail, null, errors, null), uri)
                .build();
    }

    /** Malformed JSON or a value of the wrong type: name the field as the client sent it. */
    @ServerExceptionMapper(priority = 1)
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = null;
        String message;
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = jsonPath(mapping.getPath());
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            message = "is not a known field";
            field = jsonPath(unknown.getPath());
        } else if (e instanceof InvalidFormatException invalid) {
            message = "has an invalid value '" + invalid.getValue() + "'";
        } else if (field != null) {
            message = "has the wrong type or format";
        } else {
            message = "the request body is not valid JSON";
        }
        List<Problem.FieldError> errors = field == null ? null : List.of(new Problem.FieldError(field, message));
        String detail = field == null ? message : field + ": " + message;
        return respond(new Problem("/problems/validation", "Invalid request", 400, detail, null, errors, null), uri)
                .build();
    }

    /** Overrides Quarkus' built-in mapper, whose body is not a problem detail. */
    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper(priority = 1)
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response stale(OptimisticLockException e, UriInfo uri) {
        return respond(staleProblem(), uri).build();
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e, UriInfo uri) {
        return respond(staleProblem(), uri).build();
    }

    /** A database rule refused the write (unique slug, meeting number…): 409, naming the rule in plain words. */
    @ServerExceptionMapper
    public Response persistence(PersistenceException e, UriInfo uri) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation) {
                LOG.debugf("database constraint %s refused a write", violation.getConstraintName());
                return respond(
                                new Problem(
                                        "/problems/conflict",
                                        "Conflict",
                                        409,
                                        "The change conflicts with the " + "current data: "
                                                + describe(violation.getConstraintName()),
                                        null,
                                        null,
                                        null),
                                uri)
                        .build();
            }
            if (t instanceof StaleStateException || t instanceof OptimisticLockException) {
                return respond(staleProblem(), uri).build();
            }
            if (t instanceof org.hibernate.exception.JDBCConnectionException || isConnectionFailure(t)) {
                return unavailable(uri);
            }
            if (t instanceof org.hibernate.exception.DataException) {
                return respond(
                                new Problem(
                                        "/problems/validation",
                                        "Invalid request",
                                        400,
                                        "A value is not valid text or does not fit its field",
                                        null,
                                        null,
                                        null),
                                uri)
                        .build();
            }
            if (t instanceof jakarta.persistence.EntityNotFoundException) {
                return respond(
                                new Problem(
                                        "/problems/not-found",
                                        "Not found",
                                        404,
                                        "It was deleted meanwhile",
                                        null,
                                        null,
                                        null),
                                uri)
                        .build();
            }
            if (t instanceof org.hibernate.exception.LockAcquisitionException
                    || t instanceof jakarta.persistence.PessimisticLockException) {
                return respond(
                                new Problem(
                                        "/problems/conflict",
                                        "Conflict",
                                        409,
                                        "Someone else was changing the same thing; try again",
                                        null,
                                        null,
                                        null),
                                uri)
                        .build();
            }
        }
        return unexpected(e, uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    // AuthenticationFailedException (an invalid token or an ended session) is mapped by
    // org.milepost.auth.AuthenticationFailureMapper: 401 problem under /api, the provider's sign-in challenge
    // elsewhere.

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(
                        new Problem(
                                "/problems/forbidden",
                                "Forbidden",
                                403,
                                "You may not do this in this working group",
                                null,
                                null,
                                null),
                        uri)
                .build();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        Response original = e.getResponse();
        int status = original.getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
        String detail =
                switch (status) {
                    case 404 -> "There is nothing at this address";
                    case 405 -> "This address does not accept " + "that method";
                    case 406 -> "This address answers with application/json only";
                    case 415 -> "This address does not accept a request body of that content type";
                    default -> status >= 500 ? "The server could not handle the request" : title;
                };
        Response.ResponseBuilder builder =
                respond(new Problem("/problems/http-" + status, title, status, detail, null, null, null), uri);
        if (original.getHeaderString(HttpHeaders.ALLOW) != null) {
            builder.header(HttpHeaders.ALLOW, original.getHeaderString(HttpHeaders.ALLOW));
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (isConnectionFailure(e)) {
            return unavailable(uri);
        }
        if (isClientGone(e)) {
            // The client closed the connection while the answer was being written (a load tool stopping, a tab
            // closed): nobody is left to answer and nothing went wrong on our side.
            LOG.debugf("Client went away during %s: %s", uri.getPath(), e);
            return Response.noContent().build();
        }
        String id = Long.toHexString(System.nanoTime());
        LOG.errorf(e, "Unexpected error %s on %s", id, uri.getPath());
        return respond(
                        new Problem(
                                "/problems/internal",
                                "Internal error",
                                500,
                                "The server could not handle the request (error id " + id + ")",
                                null,
                                null,
                                null),
                        uri)
                .build();
    }

    /** The database is unreachable or dropped the connection: nothing was committed; try again shortly. */
    @ServerExceptionMapper
    public Response sql(java.sql.SQLException e, UriInfo uri) {
        if (isConnectionFailure(e)) {
            return unavailable(uri);
        }
        return unexpected(e, uri);
    }

    @ServerExceptionMapper
    public Response transaction(jakarta.transaction.TransactionalException e, UriInfo uri) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (isConnectionFailure(t) || t instanceof org.hibernate.exception.JDBCConnectionException) {
                return unavailable(uri);
            }
        }
        return unexpected(e, uri);
    }

    /** True when writing the response failed because the client had already closed its connection. */
    static boolean isClientGone(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof java.nio.channels.ClosedChannelException) {
                return true;
            }
            if (c instanceof java.io.IOException
                    && c.getMessage() != null
                    && (c.getMessage().contains("Connection has been closed")
                            || c.getMessage().contains("Connection reset by peer")
                            || c.getMessage().contains("Broken pipe"))) {
                return true;
            }
        }
        return false;
    }

    static boolean isConnectionFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof java.sql.SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08")
                            || sql.getSQLState().equals("57P01")
                            || sql.getSQLState().equals("57P03"))) {
                return true; // connection exception, admin shutdown, cannot connect now
            }
            if (c instanceof java.sql.SQLTransientConnectionException || c instanceof java.net.ConnectException) {
                return true;
            }
            if (c.getMessage() != null && c.getMessage().contains("Acquisition timeout")) {
                return true;
            }
        }
        return false;
    }

    private static Response unavailable(UriInfo uri) {
        return respond(
                        new Problem(
                                "/problems/unavailable",
                                "Service unavailable",
                                503,
                                "The database cannot be reached right now; nothing was changed. Try again in a few seconds",
                                null,
                                null,
                                null),
                        uri)
                .header("Retry-After", "5")
                .build();
    }

    private static Problem staleProblem() {
        return new Problem(
                "/problems/stale-version",
                "Stale version",
                409,
                "Someone else changed this at the same time; reload and try again",
                null,
                null,
                null);
    }

    private static Response unauthenticated(UriInfo uri) {
        return respond(
                        new Problem(
                                "/problems/unauthorized",
                                "Sign-in required",
                                401,
                                "Sign in, or send a valid bearer token",
                                null,
                                null,
                                null),
                        uri)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"milepost\"")
                .build();
    }

    static Response.ResponseBuilder respond(Problem problem, UriInfo uri) {
        Problem body = uri == null ? problem : problem.withInstance(uri.getPath());
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(body);
    }

    private static String describe(String constraint) {
        if (constraint == null) {
            return "a uniqueness or reference rule";
        }
        String name = constraint.toLowerCase();
        if (name.contains("slug")) {
            return "that slug is already taken";
        }
        if (name.contains("number")) {
            return "that meeting number is already used";
        }
        if (name.contains("subject")) {
            return "that person is already a member";
        }
        if (name.contains("month")) {
            return "that month already exists";
        }
        if (name.contains("position")) {
            return "another card took that place at the same moment";
        }
        return "a uniqueness or reference rule";
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /**
     * {@code create.request.title} becomes {@code title}; {@code list.status} becomes {@code status}. A node's index
     * belongs to the list it sits in: {@code objectives[1].<list element>} becomes {@code objectives[1]} and
     * {@code cards[2].title} stays {@code cards[2].title}.
     */
    static String fieldName(ConstraintViolation<?> violation) {
        StringBuilder sb = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.isInIterable() && (node.getIndex() != null || node.getKey() != null)) {
                sb.append('[')
                        .append(node.getIndex() != null ? node.getIndex() : node.getKey())
                        .append(']');
            }
            if (node.getKind() == ElementKind.CONTAINER_ELEMENT || node.getName() == null) {
                continue;
            }
            if (!sb.isEmpty()) {
                sb.append('.');
            }
            sb.append(node.getName());
        }
        if (sb.isEmpty()) {
            return parameter == null ? "body" : parameter;
        }
        if (sb.charAt(0) == '[' && parameter != null) {
            sb.insert(0, parameter);
        }
        return sb.toString();
    }
}
