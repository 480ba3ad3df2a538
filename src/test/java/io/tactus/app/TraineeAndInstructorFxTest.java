package io.tactus.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.app.export.ExportViewModel;
import io.tactus.app.fx.Threads;
import io.tactus.app.live.LiveSessionFeed;
import io.tactus.app.replay.ReplayViewModel;
import io.tactus.app.replay.TimelineEvent;
import io.tactus.app.sound.AlertSound;
import io.tactus.device.sim.ScenarioStream;
import io.tactus.device.sim.SimOptions;
import io.tactus.device.sim.SimulatedSource;
import io.tactus.session.Annotation;
import io.tactus.session.LiveSession;
import io.tactus.session.RecordingReader;
import io.tactus.session.export.ExportFormat;
import io.tactus.session.export.RecordingExportSource;
import io.tactus.signal.SignalPipeline;
import io.tactus.signal.flags.FlagType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The UI scenarios in a real (headless Monocle) stage: the simulator's scripted spine contact raises
 * the alert; tare runs on a live device; a sample recording opens, jumps to a flag, takes an annotation that
 * is saved into the file, and exports with progress.
 */
@Tag("fx")
@ExtendWith(ApplicationExtension.class)
class TraineeAndInstructorFxTest {

    private static final Path SAMPLES = Path.of(System.getProperty("tactus.samplesDir", "sample-recordings"));

    @TempDir
    static Path home;

    private AppController app;

    @Start
    void start(Stage stage) {
        // The spine-contact scenario at 8x: its first contact (35 s of device time) arrives after ~4.4 s.
        TestSources spine = new TestSources(() -> new LiveSessionFeed(new LiveSession(
                new SimulatedSource(ScenarioStream.open("spine-contact", SimOptions.defaults()), 8.0),
                SignalPipeline::new), "simulated").start());
        app = FxApp.show(stage, home, spine, new AlertSound.Silent(), 1280, 800);
    }

    @AfterEach
    void tearDown() throws Exception {
        org.testfx.api.FxToolkit.setupFixture(app::shutdown);
    }

    @Test
    void aScriptedSpineContactRaisesTheAlert(FxRobot robot) throws Exception {
        robot.interact(app::connectDefault);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.liveViewModel().alertActiveProperty().get());
        assertEquals(FlagType.SPINE_CONTACT, app.liveViewModel().alertTypeProperty().get());
        assertTrue(app.liveViewModel().alertTitleProperty().get().toUpperCase().contains("SPINE"),
                app.liveViewModel().alertTitleProperty().get());
        assertTrue(app.liveViewModel().alertRegions().contains(io.tactus.signal.body.BodyRegion.SPINE));
    }

    @Test
    void tareOnALiveDeviceReportsItsResult(FxRobot robot) throws Exception {
        robot.interact(app::connectDefault);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.liveViewModel().framesShownProperty().get() > 5);
        robot.interact(() -> app.liveViewModel().tare(0.5));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> app.liveViewModel().messageTextProperty().get().startsWith("Tared:"));
        assertTrue(app.liveViewModel().messageTextProperty().get().contains("noise floor"),
                app.liveViewModel().messageTextProperty().get());
    }

    @Test
    void replayJumpsToAFlagAnnotatesAndExports(FxRobot robot) throws Exception {
        Path file = home.resolve("spine-contact-copy.tactus");
        Files.copy(SAMPLES.resolve("spine-contact.tactus"), file);
        robot.interact(() -> app.openRecording(file));
        ReplayViewModel vm = app.replayViewModel();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.documentProperty().get() != null);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.events().isEmpty());
        List<TimelineEvent> events = List.copyOf(vm.events());
        assertTrue(events.stream().anyMatch(e -> e.type() == FlagType.SPINE_CONTACT), events.toString());

        AtomicReference<Boolean> jumped = new AtomicReference<>();
        robot.interact(() -> jumped.set(vm.nextFlag()));
        assertTrue(jumped.get(), "there is a flag to jump to");
        long firstFlag = events.stream().filter(e -> e.type() == FlagType.SPINE_CONTACT)
                .mapToLong(TimelineEvent::startUs).min().orElseThrow();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.positionUsProperty().get() == firstFlag);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> vm.frameProperty().get() != null && vm.frameProperty().get().deviceTimeUs() <= firstFlag);

        robot.interact(() -> vm.addNote("thumb drifted onto the spine"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !vm.notes().isEmpty());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> savedNotes(file).size() == 1);
        Annotation saved = savedNotes(file).get(0);
        assertEquals("thumb drifted onto the spine", saved.text());
        assertEquals(firstFlag, saved.deviceTimeUs(), "the note sits at the playhead");

        Path out = home.resolve("export");
        ExportViewModel export = new ExportViewModel(Threads.javafx(),
                () -> RecordingExportSource.open(file, SignalPipeline::new), "session", out);
        List<Double> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> {
            export.progressProperty().addListener((o, a, p) -> progress.add(p.doubleValue()));
            export.formatProperty().set(ExportFormat.CSV);
            export.start();
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !export.runningProperty().get());
        assertTrue(export.messageProperty().get().startsWith("Done"), export.messageProperty().get());
        assertTrue(progress.size() >= 2 && progress.get(progress.size() - 1) == 1.0, progress.toString());
        try (var files = Files.list(out)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().endsWith(".csv")));
        }
    }

    private static List<Annotation> savedNotes(Path file) {
        try (RecordingReader r = RecordingReader.open(file)) {
            return r.annotations().stream().filter(a -> !a.deleted()).toList();
        } catch (Exception e) {
            return List.of();
        }
    }
}
