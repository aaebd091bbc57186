package org.milepost.common.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem detail: the body of every 4xx and 5xx response. Carries no stack trace, SQL or class name.
 *
 * @param current for a conflict, the current state of what the client tried to change
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem detail, sent as application/problem+json")
public record Problem(
        @Schema(examples = "/problems/validation") String type,
        @Schema(examples = "Invalid request") String title,
        @Schema(examples = "400") int status,
        @Schema(examples = "title: must not be blank") String detail,
        @Schema(examples = "/api/groups/cardano-roadmap/cards") String instance,
        List<FieldError> errors,
        Object current) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field, named as the client sent it in JSON (or as the query parameter). */
    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(examples = "title") String field, @Schema(examples = "must not be blank") String message) {}

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, errors, current);
    }
}
