package io.tactus.app.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.app.fx.Threads;
import io.tactus.session.RecordingReader;
import io.tactus.session.ReplayEngine;
import io.tactus.signal.FrameSnapshot;
import io.tactus.signal.SignalPipeline;
import io.tactus.signal.flags.FlagType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replay view model on the real engine, every background task run inline (no stage, no threads). */
class ReplayViewModelTest {

    @TempDir
    Path dir;

    private ReplayViewModel open(Path file) {
        ReplayViewModel vm = new ReplayViewModel(Threads.inline(), f -> ReplayEngine.open(f, SignalPipeline::new));
        List<String> statuses = new ArrayList<>();
        vm.statusProperty().addListener((o, a, s) -> statuses.add(s));
        vm.open(file, null);
        assertNotNull(vm.documentProperty().get(), statuses.toString());
        return vm;
    }

    private static FrameSnapshot straight(Path file, long t) throws Exception {
        try (ReplayEngine e = ReplayEngine.open(file, SignalPipeline::new)) {
            return e.at(t);
        }
    }

    @Test
    void opensScansAndSettlesExactlyOnEverySeek() throws Exception {
        Path file = Path.of("sample-recordings/mistakes.tactus");
        ReplayViewModel vm = open(file);
        ReplayEngine d = vm.documentProperty().get();
        assertEquals(1.0, vm.scanProgressProperty().get());
        assertNotNull(vm.seriesProperty().get(), "the chart's series once the scan is done");
        assertTrue(vm.events().stream().anyMatch(e -> e.type() == FlagType.SPINE_CONTACT), vm.events().toString());
        assertTrue(vm.titleProperty().get().startsWith("mistakes.tactus"), vm.titleProperty().get());
        assertTrue(vm.settledProperty().get(), "the first frame is exact");

        long t = d.startUs() + (d.endUs() - d.startUs()) * 2 / 3;
        vm.seek(t);
        assertTrue(vm.settledProperty().get());
        FrameSnapshot exact = straight(file, t);
        assertEquals(exact.deviceTimeUs(), vm.frameProperty().get().deviceTimeUs());
        assertArrayEquals(exact.kpa(), vm.frameProperty().get().kpa());
        assertEquals(exact.activeFlags(), vm.frameProperty().get().activeFlags());

        vm.seek(d.startUs() + 1_000_000); // backwards: restores a checkpoint, still exact
        assertTrue(vm.settledProperty().get());
        assertArrayEquals(straight(file, d.startUs() + 1_000_000).kpa(), vm.frameProperty().get().kpa());
    }

    @Test
    void draggingPreviewsAndLettingGoSettles() throws Exception {
        Path file = Path.of("sample-recordings/mistakes.tactus");
        ReplayViewModel vm = open(file);
        vm.scrubFraction(0.8);
        assertFalse(vm.settledProperty().get(), "a drag shows previews");
        long p = vm.positionUsProperty().get();
        assertTrue(vm.frameProperty().get().deviceTimeUs() <= p);
        vm.endScrub();
        assertTrue(vm.settledProperty().get(), "letting go settles");
        assertArrayEquals(straight(file, p).kpa(), vm.frameProperty().get().kpa());
    }

    @Test
    void stepsJumpsToFlagsLoopsAndSavesNotes() throws Exception {
        Path file = dir.resolve("copy.tactus");
        Files.copy(Path.of("sample-recordings/spine-contact.tactus"), file);
        ReplayViewModel vm = open(file);
        ReplayEngine d = vm.documentProperty().get();
        long start = d.startUs();
        vm.step(1);
        assertEquals(d.frameTime(start, 1), vm.positionUsProperty().get());
        vm.step(-1);
        assertEquals(d.frameTime(d.frameTime(start, 1), -1), vm.positionUsProperty().get());

        assertTrue(vm.nextFlag());
        long flag = vm.events().stream().filter(e -> e.type() != FlagType.MARKER)
                .mapToLong(TimelineEvent::startUs).min().orElseThrow();
        assertEquals(flag, vm.positionUsProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("Spine contact"), vm.statusProperty().get());
        assertFalse(vm.previousFlag(), "no flag before the first");

        vm.setLoopIn();
        vm.seekBy(1_000_000);
        vm.setLoopOut();
        assertTrue(vm.looping());
        vm.togglePlay();
        vm.pulse(1_000_000_000L);
        vm.pulse(1_100_000_000L); // 100 ms at 1x from the loop's end: wraps to its start
        assertEquals(flag, vm.positionUsProperty().get());
        vm.pulse(1_150_000_000L);
        assertEquals(flag + 50_000, vm.positionUsProperty().get(), "playing advances by wall time");
        vm.togglePlay();
        assertFalse(vm.playingProperty().get());

        vm.addNote("thumb on the spine");
        assertEquals(1, vm.notes().size());
        try (RecordingReader r = RecordingReader.open(file)) {
            assertEquals("thumb on the spine", r.annotations().get(0).text());
        }
        vm.deleteNote(vm.notes().get(0));
        assertTrue(vm.notes().isEmpty());
        try (RecordingReader r = RecordingReader.open(file)) {
            assertTrue(r.annotations().stream().allMatch(a -> a.deleted()) || r.annotations().isEmpty());
        }
    }

    @Test
    void aFlagsLineOnlyStaysWhileThePlayheadIsOnTheFlag() throws Exception {
        ReplayViewModel vm = open(Path.of("sample-recordings/spine-contact.tactus"));
        assertTrue(vm.nextFlag());
        TimelineEvent flag = vm.events().stream().filter(e -> e.type() != FlagType.MARKER).findFirst().orElseThrow();
        String line = vm.statusProperty().get();
        assertTrue(line.startsWith("Spine contact"), line);
        vm.seek((flag.startUs() + flag.endUs()) / 2);
        assertEquals(line, vm.statusProperty().get(), "still on the flag");
        vm.seek(flag.endUs() + 1_000_000);
        assertEquals(vm.titleProperty().get(), vm.statusProperty().get(), "moved past it: back to the title");
        vm.seek(flag.startUs());
        assertEquals(vm.titleProperty().get(), vm.statusProperty().get(), "until the next jump");
    }
}
