package io.tactus.library;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a recording file was when it was indexed: size and modification time (cheap, checked on every refresh) and
 * the SHA-256 of its content (computed when size or time changed, so a touched but unchanged file is not
 * analysed again, and a changed file with the same size and time is still caught when it is hashed).
 *
 * @param sha256 hex digest, or null when not computed (unreadable file)
 */
public record FileStamp(Path path, long size, long mtimeMillis, String sha256) {

    /** Size and time only. */
    public static FileStamp stat(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return new FileStamp(file.toAbsolutePath().normalize(), a.size(), a.lastModifiedTime().toMillis(), null);
    }

    /** With the content hash. */
    public FileStamp hashed() throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(path)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
        return new FileStamp(path, size, mtimeMillis, HexFormat.of().formatHex(md.digest()));
    }

    /** Same size and modification time (the cheap "unchanged" test). */
    public boolean sameStat(FileStamp o) {
        return o != null && size == o.size && mtimeMillis == o.mtimeMillis;
    }
}
