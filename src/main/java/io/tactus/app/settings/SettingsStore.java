package io.tactus.app.settings;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import io.tactus.signal.store.TactusHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Loads and saves {@link AppSettings} as {@code settings.json} in the Tactus home directory (system property
 * {@code tactus.home}, default {@code ~/.tactus}). A broken file loads as defaults with a one-line warning and
 * is kept aside as {@code settings.json.bad}; saving writes a temporary file and renames it, so a crash never
 * leaves half a file.
 */
public final class SettingsStore {

    private static final System.Logger LOG = System.getLogger(SettingsStore.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private String warning;

    public SettingsStore(Path home) {
        this.file = home.resolve("settings.json");
    }

    /** The directory from {@code tactus.home}, or {@code ~/.tactus}. */
    public static Path defaultHome() {
        return TactusHome.resolve();
    }

    /** The Tactus home this store lives in (recordings go below it too). */
    public Path home() {
        return file.getParent();
    }

    public Path file() {
        return file;
    }

    /** A problem met while loading, for the status bar; null when the file was fine or absent. */
    public String warning() {
        return warning;
    }

    public AppSettings load() {
        if (!Files.exists(file)) {
            return AppSettings.defaults();
        }
        try {
            AppSettings s = JSON.readValue(file.toFile(), AppSettings.class);
            return s == null ? AppSettings.defaults() : s.sanitized();
        } catch (IOException | RuntimeException e) {
            String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            warning = "Settings file " + file + " is unreadable (" + first + "); using defaults";
            LOG.log(System.Logger.Level.WARNING, warning);
            try {
                Files.copy(file, file.resolveSibling("settings.json.bad"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException ignored) {
                // keeping the bad copy is a courtesy
            }
            return AppSettings.defaults();
        }
    }

    /** Writes atomically; returns an error line or null. Call off the FX thread. */
    public String save(AppSettings s) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("settings.json.tmp");
            JSON.writeValue(tmp.toFile(), s);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return null;
        } catch (IOException e) {
            return "Could not save settings to " + file + ": " + e.getMessage();
        }
    }
}
