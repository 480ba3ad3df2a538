package io.tactus.session;

import io.tactus.protocol.DeviceDescriptor;

/**
 * Tuning of a {@link LiveSession}.
 *
 * @param processingQueuePackets bound of the source -> processing queue (packets). When full the OLDEST packet is
 *                               dropped and counted ({@link LiveStats#queueDrops()}): live feedback must show the
 *                               present, never lag further and further behind.
 * @param recorderQueueBytes     bound of the source -> recorder queue (bytes of records). When full a packet is
 *                               counted as lost, written as a LOSS record and reported as a recording error.
 * @param initialDescriptor      descriptor to start with when the stream carries none (DIY text grids), or null
 * @param lossless               block the source instead of dropping when the processing queue is full; for file
 *                               sources that can wait (a capture fed as a device), never for a live device
 */
public record LiveOptions(int processingQueuePackets, long recorderQueueBytes, DeviceDescriptor initialDescriptor,
                          boolean lossless) {

    /** 4,096 packets (4 s at 1 kHz) for processing, 64 MB (about 30 s of 32x32 at 1 kHz) for the recorder. */
    public static final LiveOptions DEFAULT = new LiveOptions(4096, 64L << 20, null, false);

    public LiveOptions {
        if (processingQueuePackets < 1 || recorderQueueBytes < 1) {
            throw new IllegalArgumentException("queue bounds must be positive");
        }
    }

    public LiveOptions withInitialDescriptor(DeviceDescriptor d) {
        return new LiveOptions(processingQueuePackets, recorderQueueBytes, d, lossless);
    }

    public LiveOptions withLossless(boolean l) {
        return new LiveOptions(processingQueuePackets, recorderQueueBytes, initialDescriptor, l);
    }

    public LiveOptions withProcessingQueue(int packets) {
        return new LiveOptions(packets, recorderQueueBytes, initialDescriptor, lossless);
    }

    public LiveOptions withRecorderQueueBytes(long bytes) {
        return new LiveOptions(processingQueuePackets, bytes, initialDescriptor, lossless);
    }
}
