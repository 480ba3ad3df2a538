package io.tactus.protocol;

/**
 * Makes text that came from outside (a device's marker, LOG and ERROR texts, its name, a recording's metadata)
 * safe to show: a terminal interprets control characters (ESC sequences can retitle the window, move the
 * cursor, rewrite earlier lines), and bidi overrides reorder what a reader sees. The one sanitizer every CLI
 * printer and every app label showing device text uses.
 */
public final class PrintableText {

    private PrintableText() {
    }

    /**
     * One line of display text: control characters (C0, DEL, C1) and invisible format characters (bidi
     * overrides, zero-width characters) are removed; tabs and line breaks become a space so a text cannot
     * fake a line of its own. Null stays null.
     */
    public static String oneLine(String s) {
        if (s == null || isClean(s)) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
                b.append(' ');
            } else if (!isUnsafe(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * A character a terminal or a reader must not receive from untrusted text: every control character except
     * the line structure of the output itself ('\n', '\t', and '\r' where the platform's line separator
     * holds it), and the invisible format characters.
     */
    public static boolean isUnsafe(char c) {
        if (c == '\n' || c == '\t' || (c == '\r' && System.lineSeparator().indexOf('\r') >= 0)) {
            return false;
        }
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
            return true;
        }
        // FORMAT covers the bidi controls (U+202A-202E, U+2066-2069), zero-width joiners and the BOM; the
        // surrogates of an emoji are SURROGATE, not FORMAT, so ordinary text is untouched.
        return Character.getType(c) == Character.FORMAT || c == '\u2028' || c == '\u2029';
    }

    private static boolean isClean(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || isUnsafe(c)) {
                return false;
            }
        }
        return true;
    }
}
