package io.tactus.app.live;

import io.tactus.session.PipelineCommand;
import io.tactus.session.RecordingStatus;
import io.tactus.session.SessionMetadata;
import io.tactus.signal.SignalPipeline;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The command port of a feed whose frames come from a live signal pipeline: recorded pipeline commands, read-only
 * queries of the pipeline, and recording. Commands and queries run on the processing thread and complete their
 * futures there; recording calls may block briefly (call them off the FX thread). A feed without a pipeline
 * (a test script, a playback) has no control, so the view models ask {@link FrameFeed#control()} instead of
 * downcasting.
 */
public interface FeedControl {

    /** Applies {@code command} at the next frame boundary; recorded when a recording runs. */
    CompletableFuture<Void> execute(PipelineCommand command);

    /** Runs {@code query} on the processing thread and hands back its result (never keep the pipeline). */
    <T> CompletableFuture<T> query(Function<SignalPipeline, T> query);

    void startRecording(Path file, SessionMetadata metadata) throws IOException;

    /** Stops and finishes the file; null when nothing was recording. */
    RecordingStatus stopRecording();

    boolean recording();
}
