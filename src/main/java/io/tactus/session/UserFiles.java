package io.tactus.session;

import io.tactus.signal.store.TactusHome;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which recordings are the user's to change, and where the user's files go. The sample recordings shipped in
 * the repository and files this user cannot write are never rewritten: a note on one is saved in a copy in the
 * user's sessions folder. The one place the app asks.
 */
public final class UserFiles {

    /** The repository folder of sample recordings (also {@code -Dtactus.samplesDir}). */
    public static final String SAMPLES_DIR = "sample-recordings";

    private UserFiles() {
    }

    /** The user's sessions folder: {@code TactusHome/recordings} (where the app records). */
    public static Path sessionsDir() {
        return TactusHome.resolve().resolve("recordings");
    }

    /** The user's export folder: {@code TactusHome/exports}. */
    public static Path exportsDir() {
        return TactusHome.resolve().resolve("exports");
    }

    /** The user's report folder: {@code TactusHome/reports} (the replay view's Report button writes here). */
    public static Path reportsDir() {
        return reportsDir(TactusHome.resolve());
    }

    /** The report folder of the Tactus home {@code home} (the app's settings home). */
    public static Path reportsDir(Path home) {
        return home.resolve("reports");
    }

    /** False for a sample recording of the repository and for a file (or folder) this user cannot write. */
    public static boolean isUsers(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        String samples = System.getProperty("tactus.samplesDir");
        if (samples != null && !samples.isBlank() && abs.startsWith(Path.of(samples).toAbsolutePath().normalize())) {
            return false;
        }
        for (Path p = abs.getParent(); p != null; p = p.getParent()) {
            if (p.getFileName() != null && p.getFileName().toString().equals(SAMPLES_DIR)) {
                return false;
            }
        }
        return Files.isWritable(abs) && abs.getParent() != null && Files.isWritable(abs.getParent());
    }

    /**
     * {@code file} itself when it is the user's; otherwise a copy of it made in {@code sessionsDir} under the
     * same name (with {@code -2}, {@code -3}... when taken), which the caller writes to instead.
     */
    public static Path ownCopy(Path file, Path sessionsDir) throws IOException {
        if (isUsers(file)) {
            return file;
        }
        Files.createDirectories(sessionsDir);
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int i = 1; ; i++) {
            Path copy = sessionsDir.resolve(i == 1 ? name : stem + "-" + i + ext);
            try {
                Files.copy(file, copy); // fails when the name is taken: never replaces anything
            } catch (FileAlreadyExistsException taken) {
                continue;
            } catch (IOException e) {
                throw new IOException(IoReason.describe("cannot copy " + file.getFileName() + " to", copy, e), e);
            }
            copy.toFile().setWritable(true, true); // a read-only original's mode may have come along
            return copy;
        }
    }
}
