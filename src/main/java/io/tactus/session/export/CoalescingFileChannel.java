package io.tactus.session.export;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A file channel that gathers consecutive small relative writes into one buffer. Everything else (positional
 * writes, reads, position changes, size, force, close) first writes the buffer out, so the file's bytes are
 * exactly those of the unbuffered channel. Used under jhdf, which writes a 3-D dataset one innermost row
 * (e.g. 128 bytes) per system call.
 */
final class CoalescingFileChannel extends FileChannel {

    private final FileChannel real;
    private final ByteBuffer buf;

    CoalescingFileChannel(FileChannel real, int bufferBytes) {
        this.real = real;
        this.buf = ByteBuffer.allocateDirect(bufferBytes);
    }

    /** Writes the gathered bytes at the real channel's position (where the first of them belonged). */
    private void drain() throws IOException {
        if (buf.position() == 0) {
            return;
        }
        buf.flip();
        while (buf.hasRemaining()) {
            real.write(buf);
        }
        buf.clear();
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        int n = src.remaining();
        if (n > buf.remaining()) {
            drain();
            if (n >= buf.capacity()) {
                return real.write(src);
            }
        }
        buf.put(src);
        return n;
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        drain();
        return real.write(srcs, offset, length);
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        drain();
        return real.write(src, position);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        drain();
        return real.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        drain();
        return real.read(dsts, offset, length);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        drain();
        return real.read(dst, position);
    }

    @Override
    public long position() throws IOException {
        drain();
        return real.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        drain();
        real.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        drain();
        return real.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        drain();
        real.truncate(size);
        return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        drain();
        real.force(metaData);
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        drain();
        return real.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
        drain();
        return real.transferFrom(src, position, count);
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
        drain();
        return real.map(mode, position, size);
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        drain();
        return real.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        drain();
        return real.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        try {
            drain();
        } finally {
            real.close();
        }
    }
}
