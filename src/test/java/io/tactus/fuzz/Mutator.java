package io.tactus.fuzz;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;

/**
 * Seeded byte mutations: bit flips, interesting bytes, truncations, splices (copy, delete, insert), length-field
 * edits at known record offsets, runs of crafted record headers, and (for recordings) re-checksummed edits that a
 * CRC cannot catch. Deterministic for a given {@link Random}.
 */
final class Mutator {

    private static final byte[] INTERESTING = {0, (byte) 0xFF, (byte) 0xA5, 0x7F, (byte) 0x80, 1, 0x10, 0x11, '9'};
    private static final long[] LENGTHS = {0, 1, 7, 8, 9, 12, 13, 15, 16, 23, 24, 25, 0xFFFF, 0x10000, 0x10010,
        0x10011, 0xFFFFF, 0x100000, 0x100001, 0xFFFFFF, 0x1000000, 0x7FFFFFFFL, 0xFFFFFFFFL};

    private Mutator() {
    }

    /** One to three random byte-level mutations of {@code seed}. */
    static byte[] bytes(byte[] seed, Random rnd) {
        byte[] b = seed.clone();
        int n = 1 + rnd.nextInt(3);
        for (int i = 0; i < n && b.length > 0; i++) {
            b = once(b, rnd);
        }
        return b;
    }

    private static byte[] once(byte[] b, Random rnd) {
        int at = rnd.nextInt(b.length);
        switch (rnd.nextInt(7)) {
            case 0 -> b[at] ^= (byte) (1 << rnd.nextInt(8));                       // one flipped bit
            case 1 -> {                                                               // a burst of flips
                for (int k = 0; k < 1 + rnd.nextInt(16) && at + k < b.length; k++) {
                    b[at + k] ^= (byte) rnd.nextInt(256);
                }
            }
            case 2 -> b[at] = INTERESTING[rnd.nextInt(INTERESTING.length)];
            case 3 -> b = Arrays.copyOf(b, at);                                       // truncation
            case 4 -> {                                                               // delete a chunk
                int len = Math.min(b.length - at, 1 + rnd.nextInt(512));
                byte[] out = new byte[b.length - len];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(b, at + len, out, at, b.length - at - len);
                b = out;
            }
            case 5 -> {                                                               // splice: copy a chunk in
                int from = rnd.nextInt(b.length);
                int len = Math.min(b.length - from, 1 + rnd.nextInt(2048));
                byte[] out = new byte[b.length + len];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(b, from, out, at, len);
                System.arraycopy(b, at, out, at + len, b.length - at);
                b = out;
            }
            default -> {                                                              // overwrite with a chunk
                int from = rnd.nextInt(b.length);
                int len = Math.min(Math.min(b.length - from, b.length - at), 1 + rnd.nextInt(256));
                System.arraycopy(b.clone(), from, b, at, len);
            }
        }
        return b;
    }

    /** Sets the u32 length field of the record at {@code recordOffset} to an interesting or random value. */
    static byte[] lengthEdit(byte[] seed, List<Integer> recordOffsets, Random rnd) {
        byte[] b = seed.clone();
        int at = recordOffsets.get(rnd.nextInt(recordOffsets.size()));
        long len = rnd.nextBoolean() ? LENGTHS[rnd.nextInt(LENGTHS.length)] : rnd.nextInt(1 << 20);
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(at + 4, (int) len);
        return b;
    }

    /** Inserts a run of plausible record headers (sync byte, a known type, a large length) that fail their CRC. */
    static byte[] craftedHeaders(byte[] seed, Random rnd) {
        int at = rnd.nextInt(seed.length);
        int count = 1 + rnd.nextInt(rnd.nextInt(8) == 0 ? 20_000 : 200);
        int[] types = {0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x10, 0x11, 0x42};
        ByteBuffer run = ByteBuffer.allocate(count * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            run.put((byte) 0xA5).put((byte) types[rnd.nextInt(types.length)]).putShort((short) 0)
                    .putInt(rnd.nextBoolean() ? 0xFFFF0 : rnd.nextInt(1 << 20));
        }
        byte[] out = new byte[seed.length + run.capacity()];
        System.arraycopy(seed, 0, out, 0, at);
        System.arraycopy(run.array(), 0, out, at, run.capacity());
        System.arraycopy(seed, at, out, at + run.capacity(), seed.length - at);
        return out;
    }

    /**
     * Mutates the body of one record and recomputes its CRC (and keeps its length field true), so only the
     * reader's own checks can catch it: a hostile file, not a damaged one.
     */
    static byte[] recrc(byte[] seed, List<Integer> recordOffsets, Random rnd) {
        int at = recordOffsets.get(rnd.nextInt(recordOffsets.size()));
        ByteBuffer h = ByteBuffer.wrap(seed).order(ByteOrder.LITTLE_ENDIAN);
        int len = h.getInt(at + 4);
        byte[] body = Arrays.copyOfRange(seed, at + 8, at + 8 + len);
        byte[] mutated = body.length == 0 || rnd.nextInt(4) == 0 ? Arrays.copyOf(body, rnd.nextInt(body.length + 1))
                : bytes(body, rnd);
        ByteBuffer rec = ByteBuffer.allocate(12 + mutated.length).order(ByteOrder.LITTLE_ENDIAN);
        rec.put(seed, at, 4).putInt(mutated.length).put(mutated);
        CRC32 crc = new CRC32();
        crc.update(rec.array(), 0, 8 + mutated.length);
        rec.putInt((int) crc.getValue());
        byte[] out = new byte[seed.length - (12 + len) + rec.capacity()];
        System.arraycopy(seed, 0, out, 0, at);
        System.arraycopy(rec.array(), 0, out, at, rec.capacity());
        System.arraycopy(seed, at + 12 + len, out, at + rec.capacity(), seed.length - at - 12 - len);
        return out;
    }
}
