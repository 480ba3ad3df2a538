package io.tactus.session.export;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of one export: written under ".part" names, renamed into place only when everything succeeded, all
 * deleted otherwise. Not thread-safe. Shared by exports and reports.
 */
public final class AtomicOutput implements AutoCloseable {

    private final Path dir;
    private final List<Path> finals = new ArrayList<>();
    private final List<Path> parts = new ArrayList<>();
    private final List<Path> scratch = new ArrayList<>();
    private boolean committed;

    public AtomicOutput(Path dir) throws IOException {
        this.dir = dir;
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException("output " + dir + " exists and is not a directory");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IOException("cannot create output directory " + dir + ": " + e.getMessage(), e);
        }
        if (!Files.isWritable(dir)) {
            throw new IOException("output directory " + dir + " is not writable");
        }
    }

    /** Registers a final file name and returns the temporary path to write it to. */
    public Path file(String name) {
        Path f = dir.resolve(name);
        Path p = dir.resolve("." + name + ".part");
        finals.add(f);
        parts.add(p);
        return p;
    }

    /** A scratch file deleted at the end whatever happens. */
    Path scratch(String name) throws IOException {
        Path p = Files.createTempFile(dir, "." + name, ".tmp");
        scratch.add(p);
        return p;
    }

    /** Renames every part into place; returns the final paths in registration order. */
    public List<Path> commit() throws IOException {
        for (int i = 0; i < parts.size(); i++) {
            try {
                Files.move(parts.get(i), finals.get(i), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(parts.get(i), finals.get(i), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        committed = true;
        deleteScratch();
        return List.copyOf(finals);
    }

    static long totalSize(List<Path> files) throws IOException {
        long n = 0;
        for (Path p : files) {
            n += Files.size(p);
        }
        return n;
    }

    private void deleteScratch() {
        for (Path p : scratch) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // best effort: a leftover scratch file is hidden and harmless
            }
        }
    }

    @Override
    public void close() {
        if (!committed) {
            for (Path p : parts) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
        deleteScratch();
    }
}
