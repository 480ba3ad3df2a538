package io.tactus.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CobsTest {

    static byte[] hex(String s) {
        return Hex.parse(s);
    }

    private static byte[] nonZeroRun(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (1 + i % 255);
        }
        return b;
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int o = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }

    private static void assertRoundTrip(byte[] src, byte[] expectedEncoded) {
        byte[] enc = Cobs.encode(src);
        assertArrayEquals(expectedEncoded, enc, "encoded form");
        for (byte b : enc) {
            assertTrue(b != 0, "encoded form must contain no zero");
        }
        assertTrue(enc.length <= Cobs.maxEncodedLength(src.length), "within the worst-case bound");
        assertArrayEquals(src, Cobs.decode(enc), "decoded form");
    }

    @Test
    void emptyInputIsOneCodeByte() {
        assertRoundTrip(new byte[0], hex("01"));
    }

    @Test
    void singleZero() {
        assertRoundTrip(hex("00"), hex("0101"));
    }

    @Test
    void allZeros() {
        assertRoundTrip(new byte[5], hex("010101010101"));
    }

    @Test
    void zerosAtBothEnds() {
        assertRoundTrip(hex("00112200"), hex("0103112201"));
        assertRoundTrip(hex("0011"), hex("010211"));
        assertRoundTrip(hex("1100"), hex("021101"));
    }

    @Test
    void run253IsOneBlock() {
        byte[] src = nonZeroRun(253);
        assertRoundTrip(src, concat(hex("FE"), src));
    }

    @Test
    void run254EndsWithAnEmptyBlock() {
        // The encoder closes a full 254-byte block at once (code 0xFF) and then the (empty) final block: 0x01.
        byte[] src = nonZeroRun(254);
        assertRoundTrip(src, concat(hex("FF"), src, hex("01")));
    }

    @Test
    void decoderAcceptsA254RunWithoutTheEmptyFinalBlock() {
        // Other COBS implementations omit the trailing 0x01 after a final full block; both forms must decode.
        byte[] src = nonZeroRun(254);
        assertArrayEquals(src, Cobs.decode(concat(hex("FF"), src)));
    }

    @Test
    void run255SpillsOneByteIntoASecondBlock() {
        byte[] src = nonZeroRun(255);
        byte[] tail = {src[254]};
        assertRoundTrip(src, concat(hex("FF"), java.util.Arrays.copyOf(src, 254), hex("02"), tail));
    }

    @Test
    void run256() {
        byte[] src = nonZeroRun(256);
        assertRoundTrip(src, concat(hex("FF"), java.util.Arrays.copyOf(src, 254), hex("03"),
                java.util.Arrays.copyOfRange(src, 254, 256)));
    }

    @Test
    void run254FollowedByZero() {
        byte[] run = nonZeroRun(254);
        assertRoundTrip(concat(run, hex("00")), concat(hex("FF"), run, hex("0101")));
    }

    @Test
    void zeroThen254Run() {
        byte[] run = nonZeroRun(254);
        assertRoundTrip(concat(hex("00"), run), concat(hex("01FF"), run, hex("01")));
    }

    @Test
    void malformedBlocksAreRejected() {
        assertNull(Cobs.decode(hex("05112233")), "code runs past the end");
        assertNull(Cobs.decode(hex("031100")), "zero inside a block");
        assertNull(Cobs.decode(hex("00")), "zero code byte");
        assertNull(Cobs.decode(hex("FF11")), "full-block code with too few bytes");
    }

    @Test
    void decodeRespectsTheDestinationSize() {
        byte[] enc = Cobs.encode(nonZeroRun(100));
        assertEquals(-1, Cobs.decode(enc, 0, enc.length, new byte[99], 0));
        assertEquals(100, Cobs.decode(enc, 0, enc.length, new byte[100], 0));
    }

    @Test
    void randomRoundTripsWithinTheBound() {
        Random rnd = new Random(42);
        for (int iter = 0; iter < 2000; iter++) {
            int n = rnd.nextInt(1200);
            byte[] src = new byte[n];
            int zeroEvery = 1 + rnd.nextInt(600);
            for (int i = 0; i < n; i++) {
                src[i] = rnd.nextInt(zeroEvery) == 0 ? 0 : (byte) (1 + rnd.nextInt(255));
            }
            byte[] enc = Cobs.encode(src);
            assertTrue(enc.length <= Cobs.maxEncodedLength(n));
            for (byte b : enc) {
                assertTrue(b != 0);
            }
            assertArrayEquals(src, Cobs.decode(enc), "iteration " + iter);
        }
    }
}
