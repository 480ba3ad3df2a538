package io.tactus.session;

/**
 * Extra calls a {@link ReplaySource} makes when its sink understands them ({@link LiveSession} does): a replay
 * that jumps backwards restarts the stream, and recorded pipeline commands must be applied at their place in it.
 * Both are delivered in order with the packets.
 */
interface ReplayAwareSink {

    /** The stream restarts (seek backwards, loop): drop all frame-derived state. */
    void onReplayReset();

    /** Apply a recorded pipeline command before the next packet. */
    void onReplayCommand(PipelineCommand command);
}
