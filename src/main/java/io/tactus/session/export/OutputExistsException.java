package io.tactus.session.export;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An export would replace a file it did not create (an earlier export, or any unrelated file of that name):
 * nothing was written. Export again with {@link ExportOptions#replaceExisting()} to replace it.
 */
public final class OutputExistsException extends IOException {

    private final transient Path file;

    OutputExistsException(Path file) {
        super(file + " already exists (not replaced)");
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
