package io.tactus.session.export;

import io.tactus.protocol.DeviceDescriptor;
import io.tactus.session.SessionAnalysis;
import io.tactus.session.SessionAnalyzer;
import io.tactus.signal.FlagEvent;
import io.tactus.signal.FrameSnapshot;
import io.tactus.signal.SignalPipeline;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A raw wire capture (the protocol bytes a device sent, e.g. {@code cat /dev/ttyACM0 > capture.bin}) as an
 * export source, timed by the packets' device time. Opening runs one analysis pass (the descriptor comes from
 * the stream's HELLO), which also gives the exact frame count and the events; exports then need no scan pass
 * except HDF5's. No wall-clock start time: captures carry none.
 */
public final class CaptureExportSource implements ExportSource {

    private final Path file;
    private final SessionAnalyzer analyzer;
    private final DeviceDescriptor initial;
    private final ExportMetadata metadata;
    private final long frames;
    private List<FlagEvent> events;

    private CaptureExportSource(Path file, Function<DeviceDescriptor, SignalPipeline> pipelines,
                                DeviceDescriptor initial) throws IOException {
        this.file = file;
        this.analyzer = new SessionAnalyzer(pipelines);
        this.initial = initial;
        SessionAnalysis a = analyzer.analyzeCapture(file, initial, null);
        if (a.descriptor() == null) {
            throw new IOException(file.getFileName() + ": no device description (HELLO) in the capture and none "
                    + "given: nothing to export");
        }
        this.frames = a.metrics().frames();
        this.events = a.events();
        this.metadata = new ExportMetadata(a.descriptor(), null, null, null, null, null, null,
                file.getFileName().toString());
    }

    /** @param initial descriptor to assume when the capture has no HELLO (may be null) */
    public static CaptureExportSource open(Path file, Function<DeviceDescriptor, SignalPipeline> pipelines,
                                           DeviceDescriptor initial) throws IOException {
        return new CaptureExportSource(file, pipelines, initial);
    }

    @Override
    public ExportMetadata metadata() {
        return metadata;
    }

    @Override
    public void forEachFrame(Consumer<FrameSnapshot> consumer) throws IOException {
        SessionAnalysis a = analyzer.analyzeCapture(file, initial, consumer);
        events = a.events();
    }

    @Override
    public List<FlagEvent> events() {
        return events;
    }

    @Override
    public List<ExportAnnotation> annotations() {
        return List.of();
    }

    @Override
    public OptionalLong knownFrameCount() {
        return OptionalLong.of(frames);
    }

    @Override
    public boolean eventsKnownBeforePass() {
        return true;
    }
}
