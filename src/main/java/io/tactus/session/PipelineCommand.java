package io.tactus.session;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A state-changing action on the signal pipeline that must be reproduced on replay (tare, calibration change,
 * body-map registration...). {@link LiveSession#execute} runs it on the processing thread and, while recording,
 * stores it in a COMMAND record with the packet position it applied before, so a replay applies it at exactly
 * the same point. How a name maps to a {@code SignalPipeline} call lives next to that API, in the signal core's
 * {@link io.tactus.signal.PipelineControl}; {@link PipelineCommands} applies commands and builds them.
 *
 * @param name command name, e.g. "tare"
 * @param args string arguments (may be empty)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PipelineCommand(@JsonProperty("name") String name, @JsonProperty("args") Map<String, String> args) {

    public PipelineCommand {
        args = args == null ? Map.of() : Map.copyOf(args);
    }

    public static PipelineCommand of(String name) {
        return new PipelineCommand(name, Map.of());
    }
}
