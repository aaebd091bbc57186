package org.milepost.common.error;

import java.util.List;

/** Thrown by services to answer with a problem detail; mapped by {@link ProblemMappers}. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(new Problem("/problems/not-found", "Not found", 404, what, null, null, null));
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(
                new Problem("/problems/validation", "Invalid request", 400, detail, null, null, null));
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(new Problem(
                "/problems/validation",
                "Invalid request",
                400,
                field + ": " + message,
                null,
                List.of(new Problem.FieldError(field, message)),
                null));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(new Problem("/problems/conflict", "Conflict", 409, detail, null, null, null));
    }

    /** The client's version is stale: 409 with the current state so it can merge and retry. */
    public static ProblemException stale(String detail, Object current) {
        return new ProblemException(
                new Problem("/problems/stale-version", "Stale version", 409, detail, null, null, current));
    }

    public static ProblemException preconditionRequired(String detail) {
        return new ProblemException(
                new Problem("/problems/version-required", "Version required", 428, detail, null, null, null));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(new Problem("/problems/forbidden", "Forbidden", 403, detail, null, null, null));
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(
                new Problem("/problems/unauthorized", "Sign-in required", 401, detail, null, null, null));
    }
}
