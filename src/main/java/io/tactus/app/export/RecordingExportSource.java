package io.tactus.app.export;

import io.tactus.device.FrameAssembler;
import io.tactus.device.FrameListener;
import io.tactus.device.RawFrame;
import io.tactus.protocol.DeviceDescriptor;
import io.tactus.protocol.Payloads;
import io.tactus.session.Annotation;
import io.tactus.session.CommandRecord;
import io.tactus.session.PipelineCommands;
import io.tactus.session.RecordedPacket;
import io.tactus.session.RecordingReader;
import io.tactus.session.SessionMetadata;
import io.tactus.session.export.ExportAnnotation;
import io.tactus.session.export.ExportMetadata;
import io.tactus.session.export.ExportSource;
import io.tactus.signal.FlagEvent;
import io.tactus.signal.SignalPipeline;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A recording as the exporters read it: each pass re-runs the signal core over the recorded packets (with the
 * recorded pipeline commands at their positions) and hands every processed frame on. Streams; holds nothing
 * but the reader.
 */
public final class RecordingExportSource implements ExportSource {

    private final Path file;
    private final Function<DeviceDescriptor, SignalPipeline> pipelines;
    private final ExportMetadata metadata;
    private final List<ExportAnnotation> annotations = new ArrayList<>();
    private List<FlagEvent> events = List.of();

    public RecordingExportSource(Path file, Function<DeviceDescriptor, SignalPipeline> pipelines) throws Exception {
        this.file = file;
        this.pipelines = pipelines;
        try (RecordingReader r = RecordingReader.open(file)) {
            SessionMetadata m = r.metadata();
            DeviceDescriptor d = m == null ? null : m.device();
            if (d == null) {
                d = firstDescriptor(r);
            }
            if (d == null) {
                throw new IOException("the recording has no device descriptor (no HELLO)");
            }
            Instant start = null;
            try {
                start = m == null || m.startUtc() == null ? null : Instant.parse(m.startUtc());
            } catch (RuntimeException e) {
                // unknown start time stays null
            }
            metadata = new ExportMetadata(d, m == null ? null : m.trainee(), m == null ? null : m.receiver(),
                    m == null ? null : m.profile(), start, m == null ? null : m.appVersion(),
                    m == null ? null : m.notes(), file.getFileName().toString());
            for (Annotation a : r.annotations()) {
                annotations.add(new ExportAnnotation(a.deviceTimeUs(), a.text()));
            }
        }
    }

    private static DeviceDescriptor firstDescriptor(RecordingReader r) {
        DeviceDescriptor[] found = {null};
        FrameAssembler a = new FrameAssembler(new FrameListener() {
            @Override
            public void onDescriptor(DeviceDescriptor d) {
                if (found[0] == null) {
                    found[0] = d;
                }
            }
        });
        RecordingReader.Cursor c = r.cursor();
        RecordedPacket p;
        while (found[0] == null && (p = c.next()) != null) {
            a.accept(p.timed());
        }
        return found[0];
    }

    @Override
    public ExportMetadata metadata() {
        return metadata;
    }

    @Override
    public void forEachFrame(Consumer<io.tactus.signal.FrameSnapshot> consumer) throws IOException {
        try (RecordingReader r = RecordingReader.open(file)) {
            List<CommandRecord> commands = r.commands();
            SignalPipeline[] pipeline = {pipelines.apply(metadata.descriptor())};
            FrameAssembler assembler = new FrameAssembler(new FrameListener() {
                @Override
                public void onDescriptor(DeviceDescriptor d) {
                    if (d.rows() != metadata.descriptor().rows() || d.cols() != metadata.descriptor().cols()) {
                        throw new IllegalStateException("the grid changes size mid-recording ("
                                + d.rows() + "x" + d.cols() + "); export the parts separately");
                    }
                }

                @Override
                public void onFrame(RawFrame frame) {
                    pipeline[0].process(frame);
                    consumer.accept(pipeline[0].snapshot());
                }

                @Override
                public void onMarker(long deviceTimeUs, long hostNanos, Payloads.Marker marker) {
                    pipeline[0].onMarker(deviceTimeUs, marker);
                }
            }, metadata.descriptor());
            RecordingReader.Cursor c = r.cursor();
            int next = 0;
            long last = 0;
            RecordedPacket p;
            while ((p = c.next()) != null) {
                while (next < commands.size() && commands.get(next).beforePacket() <= p.ordinal()) {
                    PipelineCommands.apply(pipeline[0], commands.get(next++).command());
                }
                assembler.accept(p.timed());
                last = p.deviceTimeUs();
            }
            if (c.failure() != null) {
                throw new IOException("reading " + file.getFileName() + " failed: " + c.failure().getMessage());
            }
            pipeline[0].finish(last);
            events = pipeline[0].events();
        } catch (io.tactus.session.RecordingException e) {
            throw new IOException(e.getMessage(), e);
        } catch (IllegalStateException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public List<FlagEvent> events() {
        return events;
    }

    @Override
    public List<ExportAnnotation> annotations() {
        return annotations;
    }
}
