package org.milepost.roadmap;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline Markdown for single-line fields (titles, names, responsible…): {@link #plain} reads a fragment as the
 * text a reader sees (emphasis, links, tags and escapes removed, HTML entities decoded) and {@link #escape} writes
 * text so that {@code plain(escape(s))} is {@code s} again. Multi-line fields (descriptions, outcomes, minutes)
 * stay Markdown and are not touched beyond whitespace entities.
 */
final class MarkdownText {

    private static final Pattern ENTITY =
            Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});");
    private static final Pattern WHITESPACE_ENTITY = Pattern.compile("&(?:#x0*20|#0*32|nbsp|#x0*[aA]0|#0*160);");

    private static final Pattern AUTOLINK = Pattern.compile("(?i)https?://\\S+|mailto:\\S+");
    private static final Pattern TAG = Pattern.compile("(?is)/?[a-z][a-z0-9]*(\\s[^<>]*)?/?|!--.*--");
    private static final Pattern BREAK_TAG = Pattern.compile("(?i)br\\s*/?|/p|/li|/div");
    private static final Pattern NUMBERED_START = Pattern.compile("^(\\d{1,9})([.)])(\\s.*|$)", Pattern.DOTALL);
    private static final Pattern MARKER_START = Pattern.compile("(?s)(#{1,6}|[-+>:])(\\s.*|$)");

    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"),
            Map.entry("lt", "<"),
            Map.entry("gt", ">"),
            Map.entry("quot", "\""),
            Map.entry("apos", "'"),
            Map.entry("nbsp", " "),
            Map.entry("ndash", "\u2013"),
            Map.entry("mdash", "\u2014"),
            Map.entry("hellip", "\u2026"),
            Map.entry("lsquo", "\u2018"),
            Map.entry("rsquo", "\u2019"),
            Map.entry("ldquo", "\u201C"),
            Map.entry("rdquo", "\u201D"),
            Map.entry("copy", "\u00A9"),
            Map.entry("reg", "\u00AE"),
            Map.entry("trade", "\u2122"),
            Map.entry("middot", "\u00B7"),
            Map.entry("bull", "\u2022"),
            Map.entry("laquo", "\u00AB"),
            Map.entry("raquo", "\u00BB"),
            Map.entry("euro", "\u20AC"),
            Map.entry("times", "\u00D7"),
            Map.entry("shy", ""),
            Map.entry("zwj", "\u200D"),
            Map.entry("zwnj", "\u200C"),
            Map.entry("rarr", "\u2192"),
            Map.entry("larr", "\u2190"));

    /** Longest link text or tag looked for, so that a long line of brackets stays linear. */
    private static final int MAX_INLINE = 500;

    private MarkdownText() {}

    /** Decodes HTML entities ({@code &amp;}, {@code &#x20;}, {@code &ndash;}); unknown names stay as written. */
    static String decodeEntities(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            String decoded = decodeEntity(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(decoded == null ? m.group() : decoded));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Only the whitespace entities ({@code &#x20;}, {@code &nbsp;}) that editors such as GitBook sprinkle in. */
    static String decodeWhitespaceEntities(String s) {
        return s.indexOf('&') < 0 ? s : WHITESPACE_ENTITY.matcher(s).replaceAll(" ");
    }

    private static String decodeEntity(String body) {
        if (body.startsWith("#")) {
            try {
                int cp = body.length() > 1 && (body.charAt(1) == 'x' || body.charAt(1) == 'X')
                        ? Integer.parseInt(body.substring(2), 16)
                        : Integer.parseInt(body.substring(1));
                if (cp == 0xA0) {
                    return " ";
                }
                return Character.isValidCodePoint(cp) && cp != 0 ? new String(Character.toChars(cp)) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return NAMED.get(body);
    }

    /**
     * The text a reader sees in an inline Markdown (or HTML) fragment: emphasis markers, code ticks, tags and link
     * targets dropped, backslash escapes and entities resolved, line breaks made spaces, ends trimmed.
     */
    static String plain(String raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(raw.length());
        appendPlain(raw, out);
        return out.toString().replace('\n', ' ').replace('\t', ' ').strip();
    }

    private static void appendPlain(String s, StringBuilder out) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < n && isAsciiPunctuation(s.charAt(i + 1))) {
                out.append(s.charAt(i + 1));
                i += 2;
            } else if (c == '&') {
                Matcher m = ENTITY.matcher(s).region(i, n);
                if (m.lookingAt()) {
                    String decoded = decodeEntity(m.group(1));
                    out.append(decoded == null ? m.group() : decoded);
                    i = m.end();
                } else {
                    out.append(c);
                    i++;
                }
            } else if (c == '*' || c == '`' || c == '~' && i + 1 < n && s.charAt(i + 1) == '~') {
                i += c == '~' ? 2 : 1;
            } else if (c == '_' && isEmphasisUnderscore(s, i)) {
                i++;
            } else if (c == '[' || c == '!' && i + 1 < n && s.charAt(i + 1) == '[') {
                int open = c == '!' ? i + 1 : i;
                int close = matching(s, open, '[', ']');
                if (close > 0 && close + 1 < n && s.charAt(close + 1) == '(') {
                    int end = matching(s, close + 1, '(', ')');
                    if (end > 0) {
                        appendPlain(s.substring(open + 1, close), out);
                        i = end + 1;
                        continue;
                    }
                }
                out.append(c);
                i++;
            } else if (c == '<') {
                int end = indexOf(s, '>', i, MAX_INLINE);
                String inside = end < 0 ? null : s.substring(i + 1, end);
                if (inside != null && AUTOLINK.matcher(inside).matches()) {
                    out.append(inside);
                    i = end + 1;
                } else if (inside != null && TAG.matcher(inside).matches()) {
                    if (BREAK_TAG.matcher(inside).matches()) {
                        out.append(' ');
                    }
                    i = end + 1;
                } else {
                    out.append(c);
                    i++;
                }
            } else {
                out.append(c);
                i++;
            }
        }
    }

    /** {@code s.indexOf(c, from)}, looking at most {@code max} characters ahead (-1 beyond). */
    private static int indexOf(String s, char c, int from, int max) {
        int limit = Math.min(s.length(), from + max);
        for (int i = from; i < limit; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isEmphasisUnderscore(String s, int i) {
        boolean wordBefore = i > 0 && Character.isLetterOrDigit(s.charAt(i - 1));
        boolean wordAfter = i + 1 < s.length() && Character.isLetterOrDigit(s.charAt(i + 1));
        return !(wordBefore && wordAfter);
    }

    /** Index of the bracket closing the one at {@code open} (within {@value #MAX_INLINE} characters); -1 if none. */
    private static int matching(String s, int open, char opening, char closing) {
        int depth = 0;
        int limit = Math.min(s.length(), open + MAX_INLINE);
        for (int i = open; i < limit; i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == opening) {
                depth++;
            } else if (c == closing && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    static boolean isAsciiPunctuation(char c) {
        return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~';
    }

    /**
     * Writes plain text as inline Markdown that {@link #plain} reads back unchanged: Markdown punctuation is
     * backslash-escaped, an {@code &} that would start an entity too, and line-start markers (list, heading, quote,
     * definition) are neutralised.
     */
    static String escape(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String t = text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
        StringBuilder out = new StringBuilder(t.length() + 8);
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            switch (c) {
                case '\\', '*', '_', '`', '[', ']', '|', '<', '~' ->
                    out.append('\\').append(c);
                case '&' -> {
                    if (ENTITY.matcher(t).region(i, t.length()).lookingAt()) {
                        out.append('\\');
                    }
                    out.append(c);
                }
                case '!' -> {
                    if (i + 1 < t.length() && t.charAt(i + 1) == '[') {
                        out.append('\\');
                    }
                    out.append(c);
                }
                default -> out.append(c);
            }
        }
        String s = out.toString();
        // Line-start markers: "# x", "- x", "+ x", "1. x", "> x", ": x" would change the block's meaning.
        if (MARKER_START.matcher(s).matches()) {
            return "\\" + s;
        }
        Matcher numbered = NUMBERED_START.matcher(s);
        if (numbered.matches()) {
            return numbered.group(1) + "\\" + numbered.group(2) + numbered.group(3);
        }
        return s;
    }
}
