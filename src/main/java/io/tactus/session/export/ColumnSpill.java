package io.tactus.session.export;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Per-frame double columns parked on disk during the data pass, read back one column at a time: lets a
 * column-major writer (MATLAB) emit N x k tables after streaming the pressure, with memory of a few buffers.
 */
final class ColumnSpill implements AutoCloseable {

    private static final int BUFFER_BYTES = 1 << 15;

    private final FileChannel[] channels;
    private final ByteBuffer[] buffers;
    private long rows;

    ColumnSpill(AtomicOutput out, int columns) throws IOException {
        channels = new FileChannel[columns];
        buffers = new ByteBuffer[columns];
        for (int i = 0; i < columns; i++) {
            Path p = out.scratch("col" + i);
            channels[i] = FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            buffers[i] = ByteBuffer.allocate(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        }
    }

    int columns() {
        return channels.length;
    }

    void put(int column, double v) throws IOException {
        ByteBuffer b = buffers[column];
        if (!b.hasRemaining()) {
            flush(column);
        }
        b.putDouble(v);
    }

    /** An 8-byte integer column (read back raw by {@link #copyTo}). */
    void putLong(int column, long v) throws IOException {
        ByteBuffer b = buffers[column];
        if (!b.hasRemaining()) {
            flush(column);
        }
        b.putLong(v);
    }

    /** Marks the end of a row (for the row count only; columns must all be filled). */
    void endRow() {
        rows++;
    }

    long rows() {
        return rows;
    }

    private void flush(int column) throws IOException {
        ByteBuffer b = buffers[column];
        b.flip();
        while (b.hasRemaining()) {
            channels[column].write(b);
        }
        b.clear();
    }

    /** Visitor of a column's values in row order, in chunks. */
    interface ChunkConsumer {
        void accept(double[] values, int count) throws IOException;
    }

    /** Streams one column back from the start. */
    void read(int column, ChunkConsumer consumer) throws IOException {
        flush(column);
        FileChannel ch = channels[column];
        ByteBuffer b = buffers[column];
        double[] chunk = new double[BUFFER_BYTES / Double.BYTES];
        long pos = 0;
        long size = ch.size();
        while (pos < size) {
            b.clear();
            int n = ch.read(b, pos);
            if (n <= 0) {
                throw new IOException("scratch file ended early");
            }
            pos += n;
            b.flip();
            int count = b.remaining() / Double.BYTES;
            b.asDoubleBuffer().get(chunk, 0, count);
            consumer.accept(chunk, count);
        }
        b.clear();
    }

    /**
     * Copies one column's bytes (8 per row, little-endian) into {@code target} at {@code position}; returns the
     * bytes copied.
     */
    long copyTo(int column, FileChannel target, long position) throws IOException {
        flush(column);
        FileChannel ch = channels[column];
        long size = ch.size();
        long done = 0;
        target.position(position);
        while (done < size) {
            long n = ch.transferTo(done, size - done, target); // advances target's position
            if (n <= 0) {
                throw new IOException("scratch file ended early");
            }
            done += n;
        }
        return size;
    }

    @Override
    public void close() throws IOException {
        for (FileChannel c : channels) {
            if (c != null) {
                c.close();
            }
        }
    }
}
