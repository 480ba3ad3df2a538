package io.tactus.session;

import io.tactus.signal.SignalPipeline;
import java.util.Set;

/**
 * Maps recorded {@link PipelineCommand} names to calls on the signal pipeline. The same mapping runs live and
 * on replay, which is what keeps a replay exact.
 *
 * <p>NOT COMPLETE: the signal core's tare / calibration API is being built (issue 3); until it lands this
 * version knows no command and {@link #apply} rejects every name with a clear message.
 */
public final class PipelineCommands {

    /** Names this version can apply. */
    public static final Set<String> KNOWN = Set.of();

    private PipelineCommands() {
    }

    /** @throws IllegalArgumentException for a command this version does not know */
    public static void apply(SignalPipeline pipeline, PipelineCommand command) {
        throw new IllegalArgumentException("unknown pipeline command '" + command.name() + "' (known: "
                + (KNOWN.isEmpty() ? "none yet" : String.join(", ", KNOWN)) + ")");
    }
}
