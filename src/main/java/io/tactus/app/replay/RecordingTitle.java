package io.tactus.app.replay;

import io.tactus.session.ReplayEngine;
import io.tactus.session.SessionMetadata;

/** The one-line title of an open recording: file name, pseudonyms, start (UTC) and mat size. */
final class RecordingTitle {

    private RecordingTitle() {
    }

    static String of(ReplayEngine d) {
        SessionMetadata m = d.reader().metadata();
        StringBuilder b = new StringBuilder(d.file().getFileName().toString());
        if (m != null) {
            if (m.trainee() != null) {
                b.append("  trainee ").append(m.trainee());
            }
            if (m.receiver() != null) {
                b.append("  receiver ").append(m.receiver());
            }
            if (m.startUtc() != null) {
                b.append("  ").append(m.startUtc().replace('T', ' ').replaceAll("\\.\\d+Z$", "Z"));
            }
        }
        if (d.descriptor() != null) {
            b.append("  ").append(d.descriptor().rows()).append('x').append(d.descriptor().cols());
        }
        return b.toString();
    }
}
