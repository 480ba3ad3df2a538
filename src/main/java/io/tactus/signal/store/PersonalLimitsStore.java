package io.tactus.signal.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tactus.signal.flags.PersonalLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Personal ceilings per receiver pseudonym, as JSON under {@code <tactus.home>/receivers/}. */
public final class PersonalLimitsStore {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;

    public PersonalLimitsStore(Path home) {
        this.dir = home.resolve("receivers");
    }

    public static PersonalLimitsStore standard() {
        return new PersonalLimitsStore(TactusHome.resolve());
    }

    public Path fileFor(String pseudonym) {
        return dir.resolve(TactusHome.safeName(pseudonym) + ".json");
    }

    /** The receiver's limits, or none yet. @throws IllegalStateException if the file is unreadable */
    public PersonalLimits load(String pseudonym) {
        Path f = fileFor(pseudonym);
        if (!Files.isRegularFile(f)) {
            return PersonalLimits.none(pseudonym);
        }
        try {
            if (Files.size(f) > 1_000_000) {
                throw new IllegalStateException("limits file " + f + " is implausibly large");
            }
            return JSON.readValue(f.toFile(), PersonalLimits.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("limits file " + f + " is unreadable: "
                    + String.valueOf(e.getMessage()).split("\n")[0]);
        }
    }

    public void save(PersonalLimits limits) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "lim", ".tmp");
            JSON.writeValue(tmp.toFile(), limits);
            Files.move(tmp, fileFor(limits.pseudonym()), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save limits for " + limits.pseudonym() + ": " + e.getMessage(), e);
        }
    }
}
