package io.tactus.session.export;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import io.tactus.session.IoReason;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of one export: written under ".part" names, renamed into place only when everything succeeded, all
 * deleted otherwise. A file already at a final name is replaced only when the options allow it; otherwise the
 * export fails before writing anything ({@link OutputExistsException}). Not thread-safe. Shared by exports and
 * reports.
 */
public final class AtomicOutput implements AutoCloseable {

    private final Path dir;
    private final boolean replaceExisting;
    private final List<Path> finals = new ArrayList<>();
    private final List<Path> parts = new ArrayList<>();
    private final List<Path> scratch = new ArrayList<>();
    private boolean committed;

    AtomicOutput(Path dir, ExportOptions options) throws IOException {
        this(dir, options.replaceExisting());
    }

    /** @param replaceExisting whether a file already at a final name may be replaced */
    public AtomicOutput(Path dir, boolean replaceExisting) throws IOException {
        this.dir = dir;
        this.replaceExisting = replaceExisting;
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException("output " + dir + " exists and is not a directory");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IOException(IoReason.describe("cannot create output directory", dir, e), e);
        }
        if (!Files.isWritable(dir)) {
            throw new IOException("output directory " + dir + " is not writable");
        }
    }

    /**
     * Registers a final file name and returns the temporary path to write it to (created here, so a folder that
     * cannot be written to fails now with its reason).
     *
     * @throws OutputExistsException the final file exists and may not be replaced
     */
    public Path file(String name) throws IOException {
        Path f = dir.resolve(name);
        requireReplaceable(f);
        Path p = dir.resolve("." + name + ".part");
        try {
            Files.deleteIfExists(p); // a leftover of an export that was killed
            Files.createFile(p);
        } catch (IOException e) {
            throw new IOException(IoReason.describe("cannot write", f, e), e);
        }
        finals.add(f);
        parts.add(p);
        return p;
    }

    private void requireReplaceable(Path f) throws OutputExistsException {
        if (!replaceExisting && Files.exists(f, LinkOption.NOFOLLOW_LINKS)) {
            throw new OutputExistsException(f);
        }
    }

    /** A scratch file deleted at the end whatever happens. */
    Path scratch(String name) throws IOException {
        Path p = Files.createTempFile(dir, "." + name, ".tmp");
        scratch.add(p);
        return p;
    }

    /** Renames every part into place; returns the final paths in registration order. */
    public List<Path> commit() throws IOException {
        for (Path f : finals) {
            requireReplaceable(f); // created by someone else while the export ran
        }
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
