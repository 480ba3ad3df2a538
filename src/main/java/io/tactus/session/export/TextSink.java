package io.tactus.session.export;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A text file written through one byte buffer: numbers go in as ASCII digits straight into it ({@link #number},
 * {@link #integer}), and as an {@link Appendable} (UTF-8) it takes what commons-csv prints (headers, quoted text
 * columns). A CSV export writes 1,000 numbers a frame; building them in a StringBuilder, copying that into a
 * String and encoding it through a Writer took more time than the signal core.
 */
final class TextSink implements Appendable, Flushable, Closeable {

    private final OutputStream out;
    private final byte[] buf = new byte[1 << 16];
    private int n;
    private boolean closed;

    TextSink(Path file) throws IOException {
        this.out = Files.newOutputStream(file);
    }

    /** {@code v} rounded to {@code decimals} places, as {@link Num} writes it. */
    TextSink number(double v, int decimals) throws IOException {
        room(Num.MAX_CHARS);
        n = Num.put(buf, n, v, decimals);
        return this;
    }

    /**
     * {@code values[from..to)}, each after a comma, as {@link #number} writes them (a 0 without formatting): the
     * cell rows of the CSV and ASF exports, a thousand values a frame.
     */
    TextSink commaNumbers(float[] values, int from, int to, int decimals) throws IOException {
        for (int i = from; i < to; i++) {
            room(Num.MAX_CHARS + 1);
            byte[] b = buf;
            int p = n;
            b[p++] = ',';
            float v = values[i];
            if (v == 0f) {
                b[p++] = '0';
            } else {
                p = Num.put(b, p, v, decimals);
            }
            n = p;
        }
        return this;
    }

    /** A non-negative integer. */
    TextSink integer(long v) throws IOException {
        if (v < 0) {
            return append(Long.toString(v));
        }
        room(20);
        n = Num.putLong(buf, n, v);
        return this;
    }

    /** One ASCII character. */
    TextSink ascii(char c) throws IOException {
        room(1);
        buf[n++] = (byte) c;
        return this;
    }

    @Override
    public TextSink append(CharSequence s) throws IOException {
        return append(s, 0, s.length());
    }

    @Override
    public TextSink append(CharSequence s, int start, int end) throws IOException {
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                room(1);
                buf[n++] = (byte) c;
            } else {
                int cp = Character.codePointAt(s, i);
                if (Character.isSurrogate(c) && Character.charCount(cp) == 2 && i + 1 < end) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    cp = '?'; // a lone surrogate: what the UTF-8 encoder writes for it
                }
                utf8(cp);
            }
        }
        return this;
    }

    @Override
    public TextSink append(char c) throws IOException {
        return append(String.valueOf(c));
    }

    private void utf8(int cp) throws IOException {
        room(4);
        if (cp < 0x80) {
            buf[n++] = (byte) cp;
        } else if (cp < 0x800) {
            buf[n++] = (byte) (0xC0 | cp >> 6);
            buf[n++] = (byte) (0x80 | cp & 0x3F);
        } else if (cp < 0x10000) {
            buf[n++] = (byte) (0xE0 | cp >> 12);
            buf[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
            buf[n++] = (byte) (0x80 | cp & 0x3F);
        } else {
            buf[n++] = (byte) (0xF0 | cp >> 18);
            buf[n++] = (byte) (0x80 | cp >> 12 & 0x3F);
            buf[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
            buf[n++] = (byte) (0x80 | cp & 0x3F);
        }
    }

    private void room(int k) throws IOException {
        if (n + k > buf.length) {
            out.write(buf, 0, n);
            n = 0;
        }
    }

    @Override
    public void flush() throws IOException {
        out.write(buf, 0, n);
        n = 0;
        out.flush();
    }

    /** Idempotent: a CSVPrinter closes its Appendable, and the sink's own try block closes it again. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            flush();
        } finally {
            out.close();
        }
    }
}
