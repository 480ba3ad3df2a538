package io.tactus.signal.store;

import java.nio.file.Path;

/** Where per-user data lives: system property {@code tactus.home}, default {@code ~/.tactus}. */
public final class TactusHome {

    public static final String PROPERTY = "tactus.home";

    private TactusHome() {
    }

    public static Path resolve() {
        String p = System.getProperty(PROPERTY);
        return p != null && !p.isBlank() ? Path.of(p) : Path.of(System.getProperty("user.home"), ".tactus");
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
