package org.milepost.roadmap;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Repairs the encodings that planning documents arrive in: bytes that are not UTF-8, and "mojibake", text that was
 * UTF-8 but got decoded as MacRoman or Windows-1252 on its way to the page (the 2021 roadmap's {@code üöÄ} is 🚀,
 * {@code ‚Äì} is an en dash).
 *
 * <p>The repair is per character sequence and checks itself: a run of characters is only replaced when their
 * single-byte codes form one valid multi-byte UTF-8 sequence. Genuine accented text ({@code café}, curly quotes
 * before letters) never forms such a sequence, so it is left alone.
 */
final class TextRepair {

    /** MacRoman bytes 0x80 to 0xFF, as Unicode (Apple's table; 0xF0 is the Apple logo in the private use area). */
    private static final String MAC_ROMAN_HIGH =
            "\u00C4\u00C5\u00C7\u00C9\u00D1\u00D6\u00DC\u00E1\u00E0\u00E2\u00E4\u00E3\u00E5\u00E7\u00E9\u00E8"
                    + "\u00EA\u00EB\u00ED\u00EC\u00EE\u00EF\u00F1\u00F3\u00F2\u00F4\u00F6\u00F5\u00FA\u00F9\u00FB\u00FC"
                    + "\u2020\u00B0\u00A2\u00A3\u00A7\u2022\u00B6\u00DF\u00AE\u00A9\u2122\u00B4\u00A8\u2260\u00C6\u00D8"
                    + "\u221E\u00B1\u2264\u2265\u00A5\u00B5\u2202\u2211\u220F\u03C0\u222B\u00AA\u00BA\u03A9\u00E6\u00F8"
                    + "\u00BF\u00A1\u00AC\u221A\u0192\u2248\u2206\u00AB\u00BB\u2026\u00A0\u00C0\u00C3\u00D5\u0152\u0153"
                    + "\u2013\u2014\u201C\u201D\u2018\u2019\u00F7\u25CA\u00FF\u0178\u2044\u20AC\u2039\u203A\uFB01\uFB02"
                    + "\u2021\u00B7\u201A\u201E\u2030\u00C2\u00CA\u00C1\u00CB\u00C8\u00CD\u00CE\u00CF\u00CC\u00D3\u00D4"
                    + "\uF8FF\u00D2\u00DA\u00DB\u00D9\u0131\u02C6\u02DC\u00AF\u02D8\u02D9\u02DA\u00B8\u02DD\u02DB\u02C7";

    private static final Map<Character, Integer> MAC_ROMAN = new HashMap<>();
    private static final Map<Character, Integer> WINDOWS_1252 = new HashMap<>();

    static {
        for (int i = 0; i < 128; i++) {
            MAC_ROMAN.put(MAC_ROMAN_HIGH.charAt(i), 0x80 + i);
        }
        MAC_ROMAN.put('\u00A4', 0xDB); // older MacRoman tables have the currency sign where newer ones have €
        Charset cp1252 = Charset.forName("windows-1252");
        for (int i = 0x80; i <= 0xFF; i++) {
            String s = new String(new byte[] {(byte) i}, cp1252);
            char c = s.charAt(0);
            if (c != '\uFFFD') {
                WINDOWS_1252.put(c, i);
            } else {
                WINDOWS_1252.put((char) i, i); // undefined in 1252: Latin-1 C1 control, as browsers decode it
            }
        }
    }

    private TextRepair() {}

    /** Decoded text, and whether the bytes were not UTF-8 (then read as Windows-1252). */
    record Decoded(String text, boolean notUtf8) {}

    /** Strict UTF-8 (a byte order mark is dropped); anything else is read as Windows-1252. */
    static Decoded decode(byte[] bytes) {
        int start =
                bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF
                        ? 3
                        : 0;
        CharsetDecoder utf8 = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return new Decoded(
                    utf8.decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                            .toString(),
                    false);
        } catch (CharacterCodingException e) {
            return new Decoded(new String(bytes, Charset.forName("windows-1252")), true);
        }
    }

    /**
     * Re-decodes mojibake sequences (UTF-8 read as MacRoman or Windows-1252); leaves everything else as it is. When
     * a sequence reads as valid UTF-8 through both tables, the table that explains more of the document wins.
     */
    static String repairMojibake(String text) {
        int mac = count(text, MAC_ROMAN);
        int windows = count(text, WINDOWS_1252);
        if (mac == 0 && windows == 0) {
            return text;
        }
        return repair(text, windows > mac ? List.of(WINDOWS_1252, MAC_ROMAN) : List.of(MAC_ROMAN, WINDOWS_1252));
    }

    private static int count(String text, Map<Character, Integer> table) {
        int found = 0;
        for (int i = 0; i < text.length(); i++) {
            int length = validSequence(text, i, table);
            if (length > 0) {
                found++;
                i += length - 1;
            }
        }
        return found;
    }

    /** The length of the mojibake sequence at {@code i} through {@code table}, or 0. */
    private static int validSequence(String text, int i, Map<Character, Integer> table) {
        char c = text.charAt(i);
        if (c < 0x80) {
            return 0;
        }
        Integer lead = table.get(c);
        int length = lead == null ? 0 : sequenceLength(lead);
        if (length < 2 || i + length > text.length()) {
            return 0;
        }
        byte[] bytes = new byte[length];
        bytes[0] = (byte) (int) lead;
        for (int k = 1; k < length; k++) {
            Integer b = table.get(text.charAt(i + k));
            if (b == null || b < 0x80 || b > 0xBF) {
                return 0;
            }
            bytes[k] = (byte) (int) b;
        }
        return strictUtf8(bytes) == null ? 0 : length;
    }

    private static String repair(String text, List<Map<Character, Integer>> tables) {
        StringBuilder out = null;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            int consumed = 0;
            String repaired = null;
            if (c >= 0x80) {
                for (Map<Character, Integer> table : tables) {
                    Integer lead = table.get(c);
                    int length = lead == null ? 0 : sequenceLength(lead);
                    if (length < 2 || i + length > n) {
                        continue;
                    }
                    byte[] bytes = new byte[length];
                    bytes[0] = (byte) (int) lead;
                    boolean ok = true;
                    for (int k = 1; k < length && ok; k++) {
                        Integer b = table.get(text.charAt(i + k));
                        ok = b != null && b >= 0x80 && b <= 0xBF;
                        if (ok) {
                            bytes[k] = (byte) (int) b;
                        }
                    }
                    if (ok) {
                        repaired = strictUtf8(bytes);
                    }
                    if (repaired != null) {
                        consumed = length;
                        break;
                    }
                }
            }
            if (repaired != null) {
                if (out == null) {
                    out = new StringBuilder(n).append(text, 0, i);
                }
                out.append(repaired);
                i += consumed;
            } else {
                if (out != null) {
                    out.append(c);
                }
                i++;
            }
        }
        return out == null ? text : out.toString();
    }

    private static int sequenceLength(int lead) {
        if (lead >= 0xC2 && lead <= 0xDF) {
            return 2;
        }
        if (lead >= 0xE0 && lead <= 0xEF) {
            return 3;
        }
        if (lead >= 0xF0 && lead <= 0xF4) {
            return 4;
        }
        return 0;
    }

    private static String strictUtf8(byte[] bytes) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = utf8.decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
