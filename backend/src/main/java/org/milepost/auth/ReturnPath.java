package org.milepost.auth;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where to send a person after signing in: only a path on this site, never another origin. Anything else
 * ({@code https://evil.example}, {@code //evil.example}, {@code /\evil.example}, {@code javascript:…}) becomes {@code /}.
 */
final class ReturnPath {

    static final String HOME = "/";
    private static final int MAX_LENGTH = 2048;

    private ReturnPath() {}

    static String safe(String requested) {
        if (requested == null || requested.isEmpty() || requested.length() > MAX_LENGTH) {
            return HOME;
        }
        // A relative path on this origin: one leading slash, no second slash or backslash that a browser would read
        // as the start of another host, no control characters or whitespace.
        if (requested.charAt(0) != '/' || requested.startsWith("//") || requested.indexOf('\\') >= 0) {
            return HOME;
        }
        if (hasControlCharacter(requested) || requested.indexOf(' ') >= 0) {
            return HOME;
        }
        try {
            URI uri = new URI(requested);
            if (uri.isAbsolute()
                    || uri.getRawAuthority() != null
                    || uri.getRawPath() == null
                    || !uri.getRawPath().startsWith("/")) {
                return HOME;
            }
            // The same rules once more after percent-decoding, for routers that decode before they navigate.
            String decoded = uri.getPath();
            if (decoded.startsWith("//") || decoded.indexOf('\\') >= 0 || hasControlCharacter(decoded)) {
                return HOME;
            }
        } catch (URISyntaxException e) {
            return HOME;
        }
        return requested;
    }

    private static boolean hasControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
