package io.tactus.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Error lines about files say why (issue 8, 2.11: "failed: /proc/.s_pressure.csv.part" said nothing). */
class IoReasonTest {

    @TempDir
    Path dir;

    @Test
    void javasPathOnlyExceptionsBecomeReasons() {
        assertEquals("permission denied", IoReason.of(new AccessDeniedException("/proc/x.tactus")));
        assertEquals("read-only file system", IoReason.of(new FileSystemException("/mnt/x", null, "Read-only file system")));
        assertEquals("disk full (no space left on device)", IoReason.of(new IOException("No space left on device")));
        assertEquals("input/output error", IoReason.of(new FileSystemException("/x", null, "Input/output error")));
        assertEquals("no such directory " + dir.resolve("gone"),
                IoReason.of(new NoSuchFileException(dir.resolve("gone/x.csv").toString())));
        assertEquals("no such file or directory", IoReason.of(new NoSuchFileException(dir.resolve("x").toString())));
        assertEquals("/proc/x: permission denied", IoReason.message(new AccessDeniedException("/proc/x")));
        assertEquals("cannot write /a: permission denied",
                IoReason.describe("cannot write", Path.of("/a"), new AccessDeniedException("/a")));
    }

    @Test
    void ourOwnMessagesAreKept() {
        assertEquals("cannot write /x: permission denied", IoReason.of(new IOException("cannot write /x: permission denied")));
        assertEquals("IOException", IoReason.of(new IOException()));
    }

    @Test
    void aRealFailureNamesItsReason() throws Exception {
        Path file = dir.resolve("f");
        Files.writeString(file, "x");
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> new RecordingWriter(file.resolve("x.tactus"), SessionMetadata.now(), 1 << 20, null));
        assertEquals("cannot create recording " + file.resolve("x.tactus") + ": not a directory", e.getMessage());
    }
}
