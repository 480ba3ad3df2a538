package io.tactus.app.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.session.Annotation;
import io.tactus.session.RecordingReader;
import io.tactus.session.ReplayEngine;
import io.tactus.session.UserFiles;
import io.tactus.signal.SignalPipeline;
import io.tactus.signal.store.TactusHome;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A note on a sample recording is saved in the user's copy; the sample is never rewritten (issue 8, "Also"). */
class SampleNotesTest {

    private static final Path SAMPLES = Path.of(System.getProperty("tactus.samplesDir", "sample-recordings"));

    @TempDir
    Path dir;
    private String home;

    @BeforeEach
    void home() {
        home = System.getProperty(TactusHome.PROPERTY);
        System.setProperty(TactusHome.PROPERTY, dir.resolve("home").toString());
    }

    @AfterEach
    void restore() {
        if (home == null) {
            System.clearProperty(TactusHome.PROPERTY);
        } else {
            System.setProperty(TactusHome.PROPERTY, home);
        }
    }

    @Test
    void aNoteOnASampleGoesIntoACopyInTheSessionsFolder() throws Exception {
        // A sample folder of our own (the repository's files must not be touched even by a failing test).
        Path samples = Files.createDirectories(dir.resolve("repo").resolve(UserFiles.SAMPLES_DIR));
        Path sample = samples.resolve("spine-contact.tactus");
        Files.copy(SAMPLES.resolve("spine-contact.tactus"), sample);
        byte[] before = Files.readAllBytes(sample);
        assertFalse(UserFiles.isUsers(sample));

        try (ReplayEngine doc = ReplayEngine.open(sample, SignalPipeline::new)) {
            doc.saveAnnotation(Annotation.of(doc.startUs() + 1_000_000, "lighter here"));
            Path copy = doc.file();
            assertEquals(UserFiles.sessionsDir().resolve("spine-contact.tactus"), copy);
            assertArrayEquals(before, Files.readAllBytes(sample), "the sample is unchanged");
            try (RecordingReader r = RecordingReader.open(copy)) {
                assertEquals("lighter here", r.annotations().get(0).text());
            }
            doc.saveAnnotation(Annotation.of(doc.startUs() + 2_000_000, "and here"));
            assertEquals(copy, doc.file(), "later notes go to the same copy");
        }
        try (ReplayEngine again = ReplayEngine.open(sample, SignalPipeline::new)) {
            again.saveAnnotation(Annotation.of(again.startUs(), "second opening"));
            assertEquals(UserFiles.sessionsDir().resolve("spine-contact-2.tactus"), again.file(),
                    "an existing copy is never replaced");
        }
        assertArrayEquals(before, Files.readAllBytes(sample));
    }

    @Test
    void theUsersOwnRecordingIsAnnotatedInPlace() throws Exception {
        Path mine = dir.resolve("mine.tactus");
        Files.copy(SAMPLES.resolve("spine-contact.tactus"), mine);
        assertTrue(UserFiles.isUsers(mine));
        try (ReplayEngine doc = ReplayEngine.open(mine, SignalPipeline::new)) {
            doc.saveAnnotation(Annotation.of(doc.startUs(), "mine"));
            assertEquals(mine, doc.file());
        }
        assertFalse(Files.exists(UserFiles.sessionsDir()), "no copy made");
    }
}
