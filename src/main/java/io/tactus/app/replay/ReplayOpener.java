package io.tactus.app.replay;

import io.tactus.session.ReplayEngine;
import java.nio.file.Path;

/** Opens recordings for the replay view; may block (call it off the FX thread). */
@FunctionalInterface
public interface ReplayOpener {

    ReplayEngine open(Path file) throws Exception;
}
