package io.tactus.library;

import io.tactus.report.Scores;
import java.nio.file.Path;

/**
 * A session as listed from the library.
 *
 * @param status  ok, damaged or unreadable ({@link SessionRow})
 * @param problem null when ok; the integrity summary or the error otherwise
 * @param scores  null when unreadable
 */
public record LibraryEntry(Path path, String status, String problem, String trainee, String receiver,
                           String startUtc, String device, String profile, Scores scores, String sha256) {

    public String fileName() {
        Path n = path.getFileName();
        return n == null ? path.toString() : n.toString();
    }

    public String statusLine() {
        return problem == null ? status : status + ": " + problem;
    }
}
