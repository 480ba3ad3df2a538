package io.tactus.app.settings;

import io.tactus.signal.store.JsonFileStore;
import io.tactus.signal.store.TactusHome;
import java.io.IOException;
import java.io.UncheckedIOException;
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
    private static final String KEY = "settings";

    private final JsonFileStore<AppSettings> files;
    private final Path file;
    private String warning;

    public SettingsStore(Path home) {
        this.files = new JsonFileStore<>(home, AppSettings.class, KEY, 1_000_000);
        this.file = files.fileFor(KEY);
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
        try {
            return files.load(KEY).map(AppSettings::sanitized).orElseGet(AppSettings::defaults);
        } catch (RuntimeException e) {
            warning = e.getMessage() + "; using defaults";
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
            files.save(KEY, s);
            return null;
        } catch (UncheckedIOException e) {
            return "Could not save settings to " + file + ": " + e.getCause().getMessage();
        }
    }
}
