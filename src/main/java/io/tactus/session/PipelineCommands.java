package io.tactus.session;

import io.tactus.signal.PipelineControl;
import io.tactus.signal.SignalPipeline;
import java.util.Set;

/**
 * Applies recorded {@link PipelineCommand}s to the signal pipeline. The same mapping runs live and on replay,
 * which is what keeps a replay exact. The name-to-call table itself belongs to the signal core
 * ({@link PipelineControl}), so a new pipeline action is added in one place.
 */
public final class PipelineCommands {

    /** Names this version can apply. */
    public static final Set<String> KNOWN = PipelineControl.KNOWN;

    private PipelineCommands() {
    }

    /**
     * @throws IllegalArgumentException for an unknown command or bad arguments (one-line message)
     * @throws IllegalStateException    when the pipeline refuses the action
     */
    public static void apply(SignalPipeline pipeline, PipelineCommand command) {
        PipelineControl.apply(pipeline, command.name(), command.args());
    }
}
