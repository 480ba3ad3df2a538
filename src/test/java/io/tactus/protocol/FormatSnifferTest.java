package io.tactus.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.protocol.FormatSniffer.Format;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FormatSnifferTest {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] binaryStream(int frames, int cells, Random rnd) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int f = 0; f < frames; f++) {
            int[] c = new int[cells];
            for (int i = 0; i < cells; i++) {
                c[i] = rnd.nextInt(1024);
            }
            out.writeBytes(PacketEncoder.encode(new Packet(PacketType.FRAME_DENSE, f, f * 10_000L, Payloads.dense(c))));
        }
        return out.toByteArray();
    }

    @Test
    void textLayoutsAreText() {
        for (String s : List.of("12 0 0 7 1023 5\n0 0 0 0 0 0\n4 4 4 4 4 4\n",
                "12,0,0,7\r\n0,0,0,0\r\n4,4,4,4\r\n",
                "Frame 1\n1;2;3\n4;5;6\n\nFrame 2\n1;2;3\n",
                "0\t0\t0\t512\t0\n0\t0\t0\t0\t0\n0\t0\t0\t0\t0\n")) {
            assertEquals(Format.TEXT, FormatSniffer.sniff(ascii(s), 0, s.length()), s);
        }
    }

    @Test
    void decidesAfterThreeLinesWithoutWaitingFor256Bytes() {
        FormatSniffer s = new FormatSniffer();
        assertEquals(Format.UNDECIDED, s.offer(ascii("1 2 3 4\n5 6 7 8\n"), 0, 16));
        assertEquals(Format.TEXT, s.offer(ascii("9 9 9 9\n"), 0, 8));
    }

    @Test
    void bootGarbageBeforeTextIsTolerated() {
        byte[] junk = {(byte) 0xF8, (byte) 0x80};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(junk);
        for (int i = 0; i < 20; i++) {
            out.writeBytes(ascii("100 200 300 400 500 600 700 800\n"));
        }
        byte[] b = out.toByteArray();
        assertEquals(Format.TEXT, FormatSniffer.sniff(b, 0, b.length));
    }

    @Test
    void binaryIsBinaryWhereverTheStreamIsJoined() {
        Random rnd = new Random(5);
        byte[] b = binaryStream(20, 1024, rnd);
        for (int start = 0; start < 4000; start += 97) {
            assertEquals(Format.BINARY, FormatSniffer.sniff(b, start, 512), "joined at " + start);
        }
    }

    @Test
    void binaryWithoutAnyZeroIsStillBinary() {
        byte[] b = new byte[300];
        Random rnd = new Random(3);
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (1 + rnd.nextInt(255));
        }
        assertEquals(Format.BINARY, FormatSniffer.sniff(b, 0, b.length));
    }

    @Test
    void proseIsNotFrameText() {
        String s = "Hello, this is a bootloader banner without numbers.\nSecond line.\nThird.\n";
        assertEquals(Format.BINARY, FormatSniffer.sniff(ascii(s), 0, s.length()));
    }

    @Test
    void nothingSeenIsUndecidedUntilForced() {
        FormatSniffer s = new FormatSniffer();
        assertEquals(Format.UNDECIDED, s.offer(new byte[0], 0, 0));
        assertEquals(Format.BINARY, s.decide());
    }

    @Test
    void sniffingDecoderRoutesBinary() {
        Random rnd = new Random(9);
        byte[] b = binaryStream(5, 64, rnd);
        Collecting sink = new Collecting();
        SniffingDecoder d = new SniffingDecoder(sink, null, FrameClock.hostTime());
        for (int pos = 0; pos < b.length; pos += 7) {
            d.feed(b, pos, Math.min(7, b.length - pos));
        }
        assertEquals(Format.BINARY, d.format());
        assertEquals(5, sink.packets.size());
        assertEquals(5, d.packets());
        assertEquals(b.length, d.bytesIn());
        assertFalse(d.needsAsciiSize());
    }

    @Test
    void sniffingDecoderRoutesText() {
        Collecting sink = new Collecting();
        SniffingDecoder d = new SniffingDecoder(sink, AsciiOptions.of(2, 2).withRateHz(10), FrameClock.fixedRate(10));
        byte[] b = ascii("1 2\n3 4\n\n5 6\n7 8\n");
        for (byte x : b) {
            d.feed(new byte[] {x}, 0, 1);
        }
        d.finish();
        assertEquals(Format.TEXT, d.format());
        assertEquals(3, sink.packets.size(), "HELLO + 2 frames");
        assertEquals(PacketType.HELLO, sink.packets.get(0).type());
        assertEquals(b.length, d.bytesIn());
    }

    @Test
    void shortStreamIsDecidedAtFinish() {
        Collecting sink = new Collecting();
        SniffingDecoder d = new SniffingDecoder(sink, AsciiOptions.of(1, 3).withRateHz(10), FrameClock.fixedRate(10));
        d.feed(ascii("1 2 3\n"), 0, 6);
        assertEquals(Format.UNDECIDED, d.format());
        assertEquals(6, d.pendingBytes());
        d.finish();
        assertEquals(Format.TEXT, d.format());
        assertEquals(2, sink.packets.size());
    }

    @Test
    void textWithoutAGridSizeIsCountedAndFlagged() {
        Collecting sink = new Collecting();
        SniffingDecoder d = new SniffingDecoder(sink, null, FrameClock.hostTime());
        byte[] b = ascii("1 2 3\n4 5 6\n7 8 9\n1 1 1\n");
        d.feed(b, 0, b.length);
        assertTrue(d.needsAsciiSize());
        assertEquals(0, sink.packets.size());
        assertEquals(Map.of(Corruption.BAD_TEXT, 4L), d.corruptCounts());
    }
}
