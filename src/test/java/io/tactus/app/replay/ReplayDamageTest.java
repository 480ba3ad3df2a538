package io.tactus.app.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.session.IntegrityReport;
import io.tactus.signal.SignalPipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replay view of a damaged recording: a note and the lost spans for the timeline (no display needed). */
class ReplayDamageTest {

    private static final Path SAMPLES = Path.of(System.getProperty("tactus.samplesDir", "sample-recordings"));

    @TempDir
    Path dir;

    @Test
    void aDamagedRecordingOpensWithANoteAndItsLostSpans() throws Exception {
        byte[] whole = Files.readAllBytes(SAMPLES.resolve("spine-contact.tactus"));
        byte[] damaged = whole.clone();
        damaged[whole.length * 2 / 5] ^= 0x10;
        damaged[whole.length * 3 / 5] ^= 0x01;
        Path f = dir.resolve("flipped.tactus");
        Files.write(f, damaged);
        try (RecordingDocument doc = RecordingDocument.open(f, SignalPipeline::new)) {
            List<String> notes = doc.warnings();
            assertEquals(1, notes.size(), notes.toString());
            assertTrue(notes.get(0).startsWith("the recording is DAMAGED"), notes.get(0));
            List<IntegrityReport.LostSpan> spans = doc.lostSpans();
            assertEquals(2, spans.size(), spans.toString());
            for (IntegrityReport.LostSpan s : spans) {
                assertTrue(s.fromUs() >= doc.startUs() && s.toUs() <= doc.endUs() && s.toUs() > s.fromUs(), s.toString());
            }
        }
        try (RecordingDocument clean = RecordingDocument.open(SAMPLES.resolve("spine-contact.tactus"), SignalPipeline::new)) {
            assertEquals(List.of(), clean.warnings());
            assertEquals(List.of(), clean.lostSpans());
        }
    }
}
