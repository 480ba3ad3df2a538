package io.tactus.session;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A pipeline command stored in a recording (COMMAND record).
 *
 * @param beforePacket 0-based ordinal of the recorded packet the command was applied before (packets lost to a
 *                     recorder overflow count in the ordinal, see LOSS records)
 * @param command      the command
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CommandRecord(@JsonProperty("before_packet") long beforePacket,
                            @JsonProperty("command") PipelineCommand command) {
}
