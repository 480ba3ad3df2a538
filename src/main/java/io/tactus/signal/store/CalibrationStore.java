package io.tactus.signal.store;

import io.tactus.signal.calibration.UserCalibration;
import java.nio.file.Path;
import java.util.Optional;

/** User calibrations as JSON files, one per device serial, under {@code <tactus.home>/calibration/}. */
public final class CalibrationStore {

    private final JsonFileStore<UserCalibration> files;

    public CalibrationStore(Path home) {
        this.files = new JsonFileStore<>(home.resolve("calibration"), UserCalibration.class, "calibration", 4_000_000);
    }

    /** The store under {@link TactusHome#resolve()}. */
    public static CalibrationStore standard() {
        return new CalibrationStore(TactusHome.resolve());
    }

    public Path fileFor(String serial) {
        return files.fileFor(serial);
    }

    /** Writes atomically (temp file + move), so a crash never leaves half a calibration. */
    public void save(UserCalibration cal) {
        files.save(cal.serial(), cal);
    }

    /**
     * @return the saved calibration of this serial, or empty if none
     * @throws IllegalStateException with a one-line reason if the file exists but is unreadable
     */
    public Optional<UserCalibration> load(String serial) {
        return files.load(serial);
    }

    public boolean delete(String serial) {
        return files.delete(serial);
    }
}
