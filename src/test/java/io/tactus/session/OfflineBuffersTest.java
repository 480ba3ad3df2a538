package io.tactus.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.signal.FrameSnapshot;
import io.tactus.signal.SignalPipeline;
import io.tactus.signal.body.BodyRegion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Analysis without a per-frame consumer decodes into one counts buffer and snapshots into one cell buffer; it
 * must give exactly what the allocating path gives, and a consumer must still get its own copy of every frame.
 */
class OfflineBuffersTest {

    private static final Path SAMPLE = Path.of(System.getProperty("tactus.samplesDir", "sample-recordings"),
            "mistakes.tactus");

    @Test
    void reusedBuffersGiveTheSameAnalysisAndConsumersKeepTheirCopies() throws Exception {
        SessionAnalyzer analyzer = new SessionAnalyzer(SignalPipeline::new);
        SessionAnalysis reused;
        try (RecordingReader r = RecordingReader.open(SAMPLE)) {
            reused = analyzer.analyze(r);
        }
        List<FrameSnapshot> kept = new ArrayList<>();
        SessionAnalysis copied;
        try (RecordingReader r = RecordingReader.open(SAMPLE)) {
            copied = analyzer.analyze(r, kept::add);
        }
        assertTrue(reused.metrics().frames() > 1000, "the sample has frames");
        assertEquals(copied.events(), reused.events());
        assertEquals(copied.regions(), reused.regions());
        assertEquals(copied.metrics(), reused.metrics());
        assertEquals(copied.series().size(), reused.series().size());
        for (int i = 0; i < reused.series().size(); i++) {
            for (BodyRegion g : BodyRegion.values()) {
                assertEquals(copied.series().meanKpa(g, i), reused.series().meanKpa(g, i));
                assertEquals(copied.series().peakKpa(g, i), reused.series().peakKpa(g, i));
            }
        }
        assertEquals(reused.metrics().frames(), kept.size());
        assertNotSame(kept.get(0).kpa(), kept.get(1).kpa(), "a consumer's snapshots do not share cells");
        float loaded = 0;
        for (FrameSnapshot s : kept) {
            for (float v : s.kpa()) {
                loaded = Math.max(loaded, v);
            }
        }
        assertTrue(loaded > 10, "the kept snapshots still hold their own frames' pressure");
    }
}
