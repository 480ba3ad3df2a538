package io.tactus.app;

import io.tactus.app.dialogs.DialogService;
import io.tactus.app.live.LiveViewModel;
import io.tactus.session.SessionMetadata;
import io.tactus.signal.store.TactusHome;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.function.Supplier;

/**
 * The trainee's guided actions as flows: ask (through a {@link DialogService}), then act on the live view model.
 * Tare, trace the spine and record/stop, with recordings named under {@link TactusHome}. No JavaFX stage needed,
 * so the flows are tested with a scripted dialog service.
 */
public final class LiveFlows {

    /** Seconds of no-touch baseline a tare records. */
    public static final double TARE_SECONDS = 3;

    private final LiveViewModel live;
    private final DialogService dialogs;
    private final Path home;
    private final Supplier<String> profile;
    private final Clock clock;
    private String lastTrainee;
    private String lastReceiver;

    public LiveFlows(LiveViewModel live, DialogService dialogs, Path home, Supplier<String> profile, Clock clock) {
        this.live = live;
        this.dialogs = dialogs;
        this.home = home;
        this.profile = profile;
        this.clock = clock;
    }

    /** Asks to lift the hands off, then tares. Nothing without a device. */
    public void tare() {
        if (live.feedProperty().get() != null && dialogs.confirmTare()) {
            live.tare(TARE_SECONDS);
        }
    }

    /** Instructions, start collecting the track, then Finish fits the midline (Cancel abandons it). */
    public void traceTheSpine() {
        if (live.feedProperty().get() == null || !dialogs.confirmTraceStart()) {
            return;
        }
        live.startSpineTrace();
        dialogs.awaitTraceFinish(finish -> {
            if (finish) {
                live.finishSpineTrace();
            } else {
                live.cancelSpineTrace();
            }
        });
    }

    /** Stops a running recording, or asks for pseudonyms and starts one. Returns the new file, or null. */
    public Path toggleRecording() {
        if (live.recorder().recordingProperty().get()) {
            live.recorder().stop();
            return null;
        }
        if (!live.recorder().canRecord()) {
            return null;
        }
        return dialogs.askRecording(lastTrainee, lastReceiver)
                .map(a -> startRecording(a.trainee(), a.receiver(), a.notes())).orElse(null);
    }

    /** Starts recording to {@code HOME/recordings/DATE-TRAINEE.tactus}. */
    public Path startRecording(String trainee, String receiver, String notes) {
        lastTrainee = trainee;
        lastReceiver = receiver;
        Path file = TactusHome.newRecording(home, trainee, LocalDateTime.now(clock));
        live.recorder().start(file, SessionMetadata.now().withTrainee(trainee).withReceiver(receiver)
                .withNotes(notes).withProfile(profile.get()));
        return file;
    }
}
