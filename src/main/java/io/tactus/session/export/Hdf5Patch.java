package io.tactus.session.export;

import io.jhdf.checksum.ChecksumUtils;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;

/**
 * Two in-place edits of a file jhdf 0.13 wrote (HDF5 superblock v2/v3 and version-2 object headers, 8-byte
 * offsets and lengths), each with its checksum recomputed: a contiguous dataset's first dimension and data
 * address/size ({@link #dataset}), and the superblock's end-of-file address ({@link #endOfFile}). With them the
 * exporter lets jhdf write one-frame placeholders (memory flat in the session length) and puts the frames, written
 * during the single pass, after them. Anything not laid out as expected is an IOException, never a guess.
 */
final class Hdf5Patch {

    private static final byte[] OHDR = {'O', 'H', 'D', 'R'};
    private static final byte[] SUPERBLOCK = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1A, '\n'};
    private static final int DATASPACE = 0x0001;
    private static final int LAYOUT = 0x0008;
    private static final int CONTINUATION = 0x0010;
    /** Superblock v2/v3: signature, version, sizes, flags, base, extension, end of file, root, checksum. */
    private static final int SUPERBLOCK_EOF = 28;
    private static final int SUPERBLOCK_CHECKSUMMED = 44;

    private Hdf5Patch() {
    }

    /**
     * Sets the first dimension of the contiguous dataset whose object header is at {@code header} to
     * {@code firstDim} and its data to {@code bytes} bytes at {@code address}.
     *
     * @param name for the error message
     */
    static void dataset(FileChannel ch, String name, long header, long firstDim, long address, long bytes)
            throws IOException {
        ByteBuffer prefix = read(ch, header, 6);
        if (!startsWith(prefix, OHDR) || prefix.get(4) != 2) {
            throw unexpected(name, "no version-2 object header at " + header);
        }
        int flags = prefix.get(5) & 0xFF;
        int sizeBytes = 1 << (flags & 0x03);
        int at = 6 + ((flags & 0x20) != 0 ? 16 : 0) + ((flags & 0x10) != 0 ? 4 : 0);
        ByteBuffer sizeField = read(ch, header + at, sizeBytes);
        long chunk = sizeBytes == 1 ? sizeField.get(0) & 0xFF : sizeBytes == 2 ? sizeField.getShort(0) & 0xFFFF
                : sizeBytes == 4 ? sizeField.getInt(0) & 0xFFFF_FFFFL : sizeField.getLong(0);
        int messagesAt = at + sizeBytes;
        if (chunk <= 0 || chunk > 1 << 20) {
            throw unexpected(name, "object header chunk of " + chunk + " bytes");
        }
        int total = messagesAt + (int) chunk;
        ByteBuffer h = read(ch, header, total + 4);
        byte[] all = h.array();
        if (ChecksumUtils.checksum(java.util.Arrays.copyOf(all, total)) != h.getInt(total)) {
            throw unexpected(name, "object header checksum does not match before the edit");
        }
        int creationOrder = (flags & 0x04) != 0 ? 2 : 0;
        int dataspace = -1;
        int layout = -1;
        int p = messagesAt;
        while (p + 4 + creationOrder <= total) {
            int type = h.get(p) & 0xFF;
            int size = h.getShort(p + 1) & 0xFFFF;
            int body = p + 4 + creationOrder;
            if (body + size > total) {
                break; // the gap at the end of the chunk
            }
            if (type == DATASPACE) {
                dataspace = body;
            } else if (type == LAYOUT) {
                layout = body;
            } else if (type == CONTINUATION) {
                throw unexpected(name, "object header continues in another block");
            }
            p = body + size;
        }
        if (dataspace < 0 || layout < 0) {
            throw unexpected(name, "no dataspace or layout message");
        }
        // dataspace v2: version, rank, flags (bit 0: max dims follow), type; then rank 8-byte dims [, max dims]
        int rank = h.get(dataspace + 1) & 0xFF;
        if (h.get(dataspace) != 2 || rank < 1) {
            throw unexpected(name, "dataspace message version " + h.get(dataspace) + ", rank " + rank);
        }
        h.putLong(dataspace + 4, firstDim);
        if ((h.get(dataspace + 2) & 0x01) != 0) {
            h.putLong(dataspace + 4 + 8 * rank, firstDim);
        }
        // layout v3 contiguous: version 3, class 1, 8-byte address, 8-byte size
        if (h.get(layout) != 3 || h.get(layout + 1) != 1) {
            throw unexpected(name, "not a version-3 contiguous layout");
        }
        h.putLong(layout + 2, address);
        h.putLong(layout + 10, bytes);
        h.putInt(total, ChecksumUtils.checksum(java.util.Arrays.copyOf(all, total)));
        write(ch, h, header);
    }

    /** Sets the superblock's end-of-file address (the file must end there or before for HDF5 readers). */
    static void endOfFile(FileChannel ch, long eof) throws IOException {
        ByteBuffer b = read(ch, 0, SUPERBLOCK_CHECKSUMMED + 4);
        int version = b.get(8) & 0xFF;
        if (!startsWith(b, SUPERBLOCK) || (version != 2 && version != 3) || b.get(9) != 8 || b.get(10) != 8) {
            throw new IOException("HDF5 writer wrote an unexpected superblock (version " + version + ")");
        }
        b.putLong(SUPERBLOCK_EOF, eof);
        b.putInt(SUPERBLOCK_CHECKSUMMED,
                ChecksumUtils.checksum(java.util.Arrays.copyOf(b.array(), SUPERBLOCK_CHECKSUMMED)));
        write(ch, b, 0);
    }

    private static boolean startsWith(ByteBuffer b, byte[] magic) {
        for (int i = 0; i < magic.length; i++) {
            if (b.get(i) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static IOException unexpected(String name, String what) {
        return new IOException("HDF5 writer laid out " + name + " unexpectedly (" + what + ")");
    }

    private static ByteBuffer read(FileChannel ch, long at, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
        long p = at;
        while (b.hasRemaining()) {
            int r = ch.read(b, p);
            if (r < 0) {
                throw new IOException("HDF5 file ends at " + p + " inside its header");
            }
            p += r;
        }
        return b;
    }

    private static void write(FileChannel ch, ByteBuffer b, long at) throws IOException {
        b.clear();
        long p = at;
        while (b.hasRemaining()) {
            p += ch.write(b, p);
        }
    }
}
