package io.tactus.signal.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tactus.signal.calibration.UserCalibration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** User calibrations as JSON files, one per device serial, under {@code <tactus.home>/calibration/}. */
public final class CalibrationStore {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;

    public CalibrationStore(Path home) {
        this.dir = home.resolve("calibration");
    }

    /** The store under {@link TactusHome#resolve()}. */
    public static CalibrationStore standard() {
        return new CalibrationStore(TactusHome.resolve());
    }

    public Path fileFor(String serial) {
        return dir.resolve(TactusHome.safeName(serial) + ".json");
    }

    /** Writes atomically (temp file + move), so a crash never leaves half a calibration. */
    public void save(UserCalibration cal) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "cal", ".tmp");
            JSON.writeValue(tmp.toFile(), cal);
            Files.move(tmp, fileFor(cal.serial()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save calibration for " + cal.serial() + ": " + e.getMessage(), e);
        }
    }

    /**
     * @return the saved calibration of this serial, or empty if none
     * @throws IllegalStateException with a one-line reason if the file exists but is unreadable
     */
    public Optional<UserCalibration> load(String serial) {
        Path f = fileFor(serial);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            if (Files.size(f) > 4_000_000) {
                throw new IllegalStateException("calibration file " + f + " is implausibly large");
            }
            return Optional.of(JSON.readValue(f.toFile(), UserCalibration.class));
        } catch (IOException | IllegalArgumentException e) {
            String m = e.getMessage() == null ? e.toString() : e.getMessage().split("\n")[0];
            throw new IllegalStateException("calibration file " + f + " is unreadable: " + m);
        }
    }

    public boolean delete(String serial) {
        try {
            return Files.deleteIfExists(fileFor(serial));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
