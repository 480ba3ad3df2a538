package io.tactus.signal.store;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Where per-user data lives: system property {@code tactus.home}, default {@code ~/.tactus}; below it
 * {@code settings.json}, {@code recordings/}, {@code calibration/}, {@code limits/}. Every path into it is
 * built here.
 */
public final class TactusHome {

    public static final String PROPERTY = "tactus.home";

    private TactusHome() {
    }

    public static Path resolve() {
        String p = System.getProperty(PROPERTY);
        return p != null && !p.isBlank() ? Path.of(p) : Path.of(System.getProperty("user.home"), ".tactus");
    }

    /** Where the app records sessions: {@code HOME/recordings}. */
    public static Path recordings(Path home) {
        return home.resolve("recordings");
    }

    /**
     * A new recording's file: {@code HOME/recordings/yyyyMMdd-HHmmss[-TRAINEE].tactus}, the pseudonym made
     * file-name safe.
     */
    public static Path newRecording(Path home, String trainee, LocalDateTime at) {
        String stamp = at.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        String who = trainee == null || trainee.isBlank() ? "" : "-" + safeName(trainee);
        return recordings(home).resolve(stamp + who + ".tactus");
    }

    /** A file-name-safe form of a serial or pseudonym. */
    static String safeName(String s) {
        if (s == null || s.isBlank()) {
            return "_unnamed";
        }
        String cleaned = s.replaceAll("[^A-Za-z0-9._-]", "_");
        return cleaned.startsWith(".") ? "_" + cleaned : cleaned;
    }
}
