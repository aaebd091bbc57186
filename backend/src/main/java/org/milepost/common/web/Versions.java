package org.milepost.common.web;

import org.milepost.common.error.ProblemException;

/**
 * Optimistic concurrency: every write names the version it is based on, in the body ({@code version}) or as
 * {@code If-Match: "<version>"}. A write without one is refused (428), so no edit silently overwrites another.
 */
public final class Versions {

    private Versions() {}

    public static int expected(Integer bodyVersion, String ifMatch) {
        Integer fromHeader = parseIfMatch(ifMatch);
        if (bodyVersion != null && fromHeader != null && !bodyVersion.equals(fromHeader)) {
            throw ProblemException.invalidField("version", "differs from the If-Match header");
        }
        if (bodyVersion != null) {
            return bodyVersion;
        }
        if (fromHeader != null) {
            return fromHeader;
        }
        throw ProblemException.preconditionRequired(
                "Send the version you are changing, as \"version\" in the body or as an If-Match header");
    }

    public static String etag(int version) {
        return "\"" + version + "\"";
    }

    static Integer parseIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("If-Match must be a version such as \"3\"");
        }
    }
}
