package io.tactus.app.dialogs;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * The questions the app's flows ask the user. The window uses {@link FxDialogs}; tests pass a scripted
 * implementation, so the tare, trace-the-spine and recording flows run without a stage.
 */
public interface DialogService {

    /** Tare: "lift both hands off the mat"; true when the user is ready. */
    boolean confirmTare();

    /** Trace the spine, step 1: the instructions; true when the user pressed Start. */
    boolean confirmTraceStart();

    /**
     * Trace the spine, step 2: a window that stays open (not modal) while the finger slides; {@code finished}
     * gets true for Finish, false for Cancel or close. Returns at once.
     */
    void awaitTraceFinish(Consumer<Boolean> finished);

    /** Who is on the recording (pseudonyms) and notes; empty when cancelled. */
    Optional<RecordDialog.Answer> askRecording(String lastTrainee, String lastReceiver);

    /** A one-off message. */
    void inform(String title, String text);
}
