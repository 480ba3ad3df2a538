package io.tactus.app.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.session.IntegrityReport;
import io.tactus.session.ReplayEngine;
import io.tactus.session.SessionAnalysis;
import io.tactus.signal.SignalPipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the replay view shows for a damaged recording, from the engine's scan (no display needed): the note the
 * status line carries and the lost spans the timeline draws; frames on both sides of the damage still play.
 */
class ReplayDamageTest {

    private static final Path SAMPLES = Path.of(System.getProperty("tactus.samplesDir", "sample-recordings"));

    @TempDir
    Path dir;

    @Test
    void aDamagedRecordingScansWithANoteAndItsLostSpans() throws Exception {
        byte[] whole = Files.readAllBytes(SAMPLES.resolve("spine-contact.tactus"));
        byte[] damaged = whole.clone();
        damaged[whole.length * 2 / 5] ^= 0x10;
        damaged[whole.length * 3 / 5] ^= 0x01;
        Path f = dir.resolve("flipped.tactus");
        Files.write(f, damaged);
        try (ReplayEngine engine = ReplayEngine.open(f, SignalPipeline::new)) {
            SessionAnalysis a = engine.scan(null);
            List<String> notes = a.warnings(engine.reader());
            assertEquals(1, notes.size(), notes.toString());
            assertTrue(notes.get(0).startsWith("the recording is DAMAGED"), notes.get(0));
            List<IntegrityReport.LostSpan> spans = a.integrity().lostSpans();
            assertEquals(2, spans.size(), spans.toString());
            for (IntegrityReport.LostSpan s : spans) {
                assertTrue(s.fromUs() >= engine.startUs() && s.toUs() <= engine.endUs() && s.toUs() > s.fromUs(),
                        s.toString());
                assertNotNull(engine.at(s.toUs()), "the frame after the damage plays");
            }
        }
        try (ReplayEngine clean = ReplayEngine.open(SAMPLES.resolve("spine-contact.tactus"), SignalPipeline::new)) {
            SessionAnalysis a = clean.scan(null);
            assertEquals(List.of(), a.warnings(clean.reader()));
            assertEquals(List.of(), a.integrity().lostSpans());
        }
    }
}
