package io.tactus.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PrintableTextTest {

    @Test
    void escapeSequencesLoseTheirControlCharacters() {
        // OSC 0 (set the terminal title), CSI (clear screen), an 8-bit CSI, DEL, NUL
        assertEquals("]0;pwned[2Jab", PrintableText.oneLine("\u001b]0;pwned\u0007\u001b[2J\u009ba\u007fb\u0000"));
    }

    @Test
    void lineBreaksAndTabsBecomeSpacesSoATextCannotFakeALine() {
        assertEquals("too much recording stopped", PrintableText.oneLine("too much\nrecording\rstopped"));
        assertEquals("a b c", PrintableText.oneLine("a\tb\u2028c"));
    }

    @Test
    void bidiOverridesAndZeroWidthCharactersAreRemoved() {
        assertEquals("abcdef", PrintableText.oneLine("abc\u202edef\u200b"));
    }

    @Test
    void ordinaryTextIsUntouched() {
        String s = "Müller: zu fest (ø 3 cm) 👍 日本";
        assertSame(s, PrintableText.oneLine(s));
        assertNull(PrintableText.oneLine(null));
        assertFalse(PrintableText.isUnsafe('\n'));
        assertTrue(PrintableText.isUnsafe('\u001b'));
    }
}
