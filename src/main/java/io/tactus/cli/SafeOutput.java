package io.tactus.cli;

import io.tactus.protocol.PrintableText;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Every character a command prints passes through {@link PrintableText#isUnsafe}: device texts (markers, LOG
 * lines, device names), recording metadata and file names can hold escape sequences, and no command has to
 * remember to clean them. Installed on stdout and stderr of every command by {@link TactusCli}.
 */
final class SafeOutput extends FilterWriter {

    private SafeOutput(Writer out) {
        super(out);
    }

    /** {@code w} with unsafe characters removed; a writer that is already safe is returned as is. */
    static PrintWriter wrap(PrintWriter w) {
        return w instanceof Safe ? w : new Safe(new SafeOutput(w));
    }

    @Override
    public void write(int c) throws IOException {
        if (!PrintableText.isUnsafe((char) c)) {
            out.write(c);
        }
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        int start = off;
        int end = off + len;
        for (int i = off; i < end; i++) {
            if (PrintableText.isUnsafe(buf[i])) {
                out.write(buf, start, i - start);
                start = i + 1;
            }
        }
        out.write(buf, start, end - start);
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        write(s.toCharArray(), off, len);
    }

    /** Marks a wrapped writer; flushes through on println like the terminal writers picocli makes. */
    private static final class Safe extends PrintWriter {
        Safe(Writer out) {
            super(out, true);
        }
    }
}
