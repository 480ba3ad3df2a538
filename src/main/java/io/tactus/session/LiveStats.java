package io.tactus.session;

import io.tactus.device.SourceState;
import io.tactus.protocol.Corruption;
import java.util.Map;

/**
 * Counters of a live session, snapshotted for the status bar (poll about once a second).
 *
 * @param state           the source's connection state
 * @param statusMessage   the source's last one-line status message
 * @param packets         packets received from the source
 * @param frames          frames processed by the core
 * @param frameRateHz     processed frames per second over the last second or so
 * @param dropped         packets missing according to sequence gaps (wire loss; includes queueDrops of frames)
 * @param corrupt         rejected input by kind: the source's decoder counts plus payloads that did not fit the
 *                        layout (BAD_PAYLOAD, counted by the assembler)
 * @param queueDrops      packets the processing thread never saw because its queue was full (drop-oldest)
 * @param processingErrors packets whose processing threw (a core bug; logged once)
 * @param recording       recorder state (bytes, seconds, file, error), {@link RecordingStatus#NONE} if never
 */
public record LiveStats(SourceState state, String statusMessage, long packets, long frames, double frameRateHz,
                        long dropped, Map<Corruption, Long> corrupt, long queueDrops, long processingErrors,
                        RecordingStatus recording) {

    public long corruptTotal() {
        return corrupt.values().stream().mapToLong(Long::longValue).sum();
    }
}
