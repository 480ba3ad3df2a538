package io.tactus.signal.store;

import io.tactus.protocol.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Per-user values of one type as indented JSON files in one directory, one file per key (a device serial, a
 * receiver pseudonym, {@code settings}). Writes are atomic (temp file + move), so a crash never leaves half a
 * file; a file that cannot be read is reported in one line, never guessed at.
 *
 * @param <T> the stored value type (a Jackson-readable record)
 */
public final class JsonFileStore<T> {

    private final Path dir;
    private final Class<T> type;
    private final String what;
    private final long maxBytes;

    /**
     * @param dir      the directory holding the files (created on the first save)
     * @param type     the stored value type
     * @param what     what a file holds, for messages ("calibration", "limits", "settings")
     * @param maxBytes larger files are refused as implausible (a wrong file picked up, not user data)
     */
    public JsonFileStore(Path dir, Class<T> type, String what, long maxBytes) {
        this.dir = dir;
        this.type = type;
        this.what = what;
        this.maxBytes = maxBytes;
    }

    /** The file of a key; keys are made file-name safe ({@link TactusHome#safeName}). */
    public Path fileFor(String key) {
        return dir.resolve(TactusHome.safeName(key) + ".json");
    }

    /**
     * @return the stored value of this key, or empty if there is no file
     * @throws IllegalStateException with a one-line reason if the file exists but is unreadable
     */
    public Optional<T> load(String key) {
        Path f = fileFor(key);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            if (Files.size(f) > maxBytes) {
                throw new IllegalStateException(what + " file " + f + " is implausibly large");
            }
            return Optional.ofNullable(Json.MAPPER.readValue(f.toFile(), type));
        } catch (IOException | IllegalArgumentException e) {
            String m = e.getMessage() == null ? e.toString() : e.getMessage().split("\n")[0];
            throw new IllegalStateException(what + " file " + f + " is unreadable: " + m);
        }
    }

    /** Writes atomically. @throws UncheckedIOException naming the key and the reason */
    public void save(String key, T value) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, what, ".tmp");
            try {
                Json.pretty().writeValue(tmp.toFile(), value);
                Files.move(tmp, fileFor(key), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save " + what + " for " + key + ": " + e.getMessage(), e);
        }
    }

    public boolean delete(String key) {
        try {
            return Files.deleteIfExists(fileFor(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
