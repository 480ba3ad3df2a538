package io.tactus.app.live;

import io.tactus.session.RecordingStatus;
import io.tactus.session.SessionMetadata;
import java.io.IOException;
import java.nio.file.Path;

/** A feed that can record what it receives (the session layer's recorder). Calls may block briefly. */
public interface Recordable {

    void startRecording(Path file, SessionMetadata metadata) throws IOException;

    RecordingStatus stopRecording();

    boolean recording();
}
