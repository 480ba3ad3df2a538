package io.tactus.signal.store;

import io.tactus.signal.flags.PersonalLimits;
import java.nio.file.Path;

/** Personal ceilings per receiver pseudonym, as JSON under {@code <tactus.home>/receivers/}. */
public final class PersonalLimitsStore {

    private final JsonFileStore<PersonalLimits> files;

    public PersonalLimitsStore(Path home) {
        this.files = new JsonFileStore<>(home.resolve("receivers"), PersonalLimits.class, "limits", 1_000_000);
    }

    public static PersonalLimitsStore standard() {
        return new PersonalLimitsStore(TactusHome.resolve());
    }

    public Path fileFor(String pseudonym) {
        return files.fileFor(pseudonym);
    }

    /** The receiver's limits, or none yet. @throws IllegalStateException if the file is unreadable */
    public PersonalLimits load(String pseudonym) {
        return files.load(pseudonym).orElseGet(() -> PersonalLimits.none(pseudonym));
    }

    public void save(PersonalLimits limits) {
        files.save(limits.pseudonym(), limits);
    }
}
