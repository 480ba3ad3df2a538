package io.tactus.app.replay;

import java.nio.file.Path;

/** Opens recordings for the replay view; may block (call it off the FX thread). */
@FunctionalInterface
public interface ReplayOpener {

    ReplayDocument open(Path file) throws Exception;

    /** For builds without the session layer's recording reader. */
    static ReplayOpener unavailable() {
        return file -> {
            throw new UnsupportedOperationException("opening recordings is not available in this build yet");
        };
    }
}
