package io.tactus.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.app.dialogs.DialogService;
import io.tactus.app.dialogs.RecordDialog;
import io.tactus.app.fx.Threads;
import io.tactus.app.live.FakeFeed;
import io.tactus.app.live.LiveViewModel;
import io.tactus.app.sound.AlertSound;
import io.tactus.session.PipelineCommands;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tare, trace-the-spine and recording flows without a stage: a scripted dialog service answers. */
class LiveFlowsTest {

    /** Answers as told and remembers what it was asked. */
    static final class ScriptedDialogs implements DialogService {
        boolean tare;
        boolean traceStart;
        Consumer<Boolean> traceFinish;
        RecordDialog.Answer recording;
        final List<String> asked = new ArrayList<>();

        @Override
        public boolean confirmTare() {
            asked.add("tare");
            return tare;
        }

        @Override
        public boolean confirmTraceStart() {
            asked.add("trace");
            return traceStart;
        }

        @Override
        public void awaitTraceFinish(Consumer<Boolean> finished) {
            asked.add("finish?");
            traceFinish = finished;
        }

        @Override
        public Optional<RecordDialog.Answer> askRecording(String lastTrainee, String lastReceiver) {
            asked.add("record " + lastTrainee + "/" + lastReceiver);
            return Optional.ofNullable(recording);
        }

        @Override
        public void inform(String title, String text) {
            asked.add("inform " + text);
        }
    }

    private static final LocalDateTime NOON = LocalDateTime.of(2026, 3, 4, 12, 0, 5);
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final Path home = Path.of("target", "flows-home");
    private LiveViewModel live;
    private FakeFeed feed;
    private FakeFeed.FakeControl control;
    private LiveFlows flows;

    @BeforeEach
    void setUp() {
        live = new LiveViewModel(Threads.inline(), new AlertSound.Silent());
        feed = new FakeFeed(8, 8);
        control = feed.withControl();
        flows = new LiveFlows(live, dialogs, home, () -> "gentle",
                Clock.fixed(NOON.toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
    }

    @Test
    void withoutADeviceNothingIsAsked() {
        flows.tare();
        flows.traceTheSpine();
        assertNull(flows.toggleRecording());
        assertTrue(dialogs.asked.isEmpty(), dialogs.asked.toString());
    }

    @Test
    void tareRunsOnlyAfterTheHandsAreOff() {
        live.connect("fake", () -> feed);
        flows.tare();
        assertEquals(List.of("tare"), dialogs.asked);
        assertTrue(control.commands.isEmpty(), "declined: no tare");
        dialogs.tare = true;
        flows.tare();
        assertEquals(List.of(PipelineCommands.tare(LiveFlows.TARE_SECONDS)), control.commands);
        assertTrue(live.messageTextProperty().get().startsWith("Tare failed"),
                "the scripted feed answers no query, and the message line says so: "
                        + live.messageTextProperty().get());
    }

    @Test
    void traceStartsThenFinishesOrCancels() {
        live.connect("fake", () -> feed);
        flows.traceTheSpine();
        assertTrue(control.commands.isEmpty(), "not started before Start");
        dialogs.traceStart = true;
        flows.traceTheSpine();
        assertEquals(List.of(PipelineCommands.traceStart()), control.commands);
        assertEquals(List.of("trace", "trace", "finish?"), dialogs.asked);
        dialogs.traceFinish.accept(true);
        assertEquals(PipelineCommands.traceFinish(1), last(control.commands));
        flows.traceTheSpine();
        dialogs.traceFinish.accept(false);
        assertEquals(PipelineCommands.traceCancel(), last(control.commands));
    }

    @Test
    void recordingIsNamedUnderTheHomeAndStopsOnTheSecondPress() {
        live.connect("fake", () -> feed);
        assertNull(flows.toggleRecording(), "cancelled: nothing recorded");
        assertNull(control.recordingTo);
        dialogs.recording = new RecordDialog.Answer("T 07", "R12", "first try");
        Path file = flows.toggleRecording();
        assertEquals(home.resolve("recordings").resolve("20260304-120005-T_07.tactus"), file);
        assertEquals(file, control.recordingTo);
        assertEquals("T 07", control.metadata.trainee());
        assertEquals("R12", control.metadata.receiver());
        assertEquals("gentle", control.metadata.profile());
        assertTrue(live.recorder().recordingProperty().get());
        assertNull(flows.toggleRecording());
        assertEquals(1, control.stops);
        assertFalse(live.recorder().recordingProperty().get());
        flows.toggleRecording();
        assertEquals("record T 07/R12", last(dialogs.asked), "the pseudonyms are offered again");
    }

    private static <T> T last(List<T> l) {
        return l.get(l.size() - 1);
    }

}
