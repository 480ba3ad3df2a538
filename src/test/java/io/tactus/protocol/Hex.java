package io.tactus.protocol;

/** Hex helpers for tests: whitespace is ignored when parsing. */
final class Hex {

    private Hex() {
    }

    static byte[] parse(String s) {
        String t = s.replaceAll("\\s+", "");
        return java.util.HexFormat.of().parseHex(t);
    }

    static String format(byte[] b) {
        return java.util.HexFormat.of().withUpperCase().formatHex(b);
    }
}
