package io.tactus.session.export;

import io.tactus.protocol.DeviceDescriptor;
import io.tactus.protocol.PacketType;
import io.tactus.session.Annotation;
import io.tactus.session.RecordedEvent;
import io.tactus.session.RecordedPacket;
import io.tactus.session.RecordingException;
import io.tactus.session.RecordingReader;
import io.tactus.session.SessionAnalysis;
import io.tactus.session.SessionAnalyzer;
import io.tactus.session.SessionMetadata;
import io.tactus.signal.FrameSnapshot;
import io.tactus.signal.SignalPipeline;
import io.tactus.signal.flags.FlagEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A Tactus recording as an export source: every pass replays the recorded packets through a fresh signal core
 * (via {@link SessionAnalyzer}, which applies the recorded pipeline commands at their positions), so exported
 * pressure and flags are exactly what a replay shows. Streams; holds the reader open until {@link #close}.
 */
public final class RecordingExportSource implements ExportSource, AutoCloseable {

    private final RecordingReader reader;
    private final SessionAnalyzer analyzer;
    private final ExportMetadata metadata;
    private final List<ExportAnnotation> annotations;
    private List<FlagEvent> events = List.of();
    private io.tactus.session.IntegrityReport integrity;
    private List<String> warnings = List.of();
    private final String mismatch;

    private RecordingExportSource(RecordingReader reader, Function<DeviceDescriptor, SignalPipeline> pipelines)
            throws IOException {
        this.reader = reader;
        this.analyzer = new SessionAnalyzer(pipelines).sharingFrameCells(); // see ExportSource#forEachFrame
        SessionMetadata m = reader.metadata();
        // The device's own HELLO describes the frames; the metadata's copy stands in when it is damaged.
        DeviceDescriptor hello = firstHello(reader);
        DeviceDescriptor d = hello != null ? hello : m.device();
        this.mismatch = hello != null && m.device() != null && !hello.equals(m.device())
                ? "the metadata's device description differs from the device's HELLO (" + m.device().rows() + "x"
                        + m.device().cols() + " at " + m.device().rateHz() + " Hz vs " + hello.rows() + "x"
                        + hello.cols() + " at " + hello.rateHz() + " Hz...): the HELLO is exported" : null;
        if (d == null) {
            throw new IOException(reader.file().getFileName() + " has no valid device description ("
                    + (reader.metadataDeviceProblem() != null ? reader.metadataDeviceProblem() + ", " : "")
                    + "no readable HELLO): nothing to export");
        }
        this.metadata = new ExportMetadata(d, m.trainee(), m.receiver(), m.profile(), start(m, reader),
                m.appVersion(), m.notes(), reader.file().getFileName().toString());
        List<ExportAnnotation> notes = new ArrayList<>();
        for (Annotation a : reader.annotations()) {
            if (!a.deleted()) {
                notes.add(new ExportAnnotation(a.deviceTimeUs(), a.text()));
            }
        }
        notes.sort(Comparator.comparingLong(ExportAnnotation::deviceTimeUs));
        this.annotations = List.copyOf(notes);
    }

    /**
     * @param pipelines makes the core for the session's device (profile and settings chosen by the caller)
     * @throws IOException with a one-line reason when the file is not a readable recording
     */
    public static RecordingExportSource open(Path file, Function<DeviceDescriptor, SignalPipeline> pipelines)
            throws IOException {
        RecordingReader r;
        try {
            r = RecordingReader.open(file);
        } catch (RecordingException e) {
            throw new IOException(e.getMessage(), e);
        }
        try {
            return new RecordingExportSource(r, pipelines);
        } catch (IOException | RuntimeException e) {
            r.close();
            throw e;
        }
    }

    public RecordingReader reader() {
        return reader;
    }

    @Override
    public ExportMetadata metadata() {
        return metadata;
    }

    @Override
    public void forEachFrame(Consumer<FrameSnapshot> consumer) throws IOException {
        SessionAnalysis a = analyzer.analyze(reader, consumer);
        events = merge(a.events(), reader.recordedEvents());
        integrity = a.integrity();
        List<String> w = new ArrayList<>(a.warnings(reader));
        if (mismatch != null) {
            w.add(mismatch);
        }
        warnings = List.copyOf(w);
    }

    @Override
    public io.tactus.session.IntegrityReport integrity() {
        return integrity;
    }

    @Override
    public List<String> warnings() {
        return warnings;
    }

    /** Flags the core found on replay, plus flags an instructor added after the fact (live ones are the same). */
    private static List<FlagEvent> merge(List<FlagEvent> core, List<RecordedEvent> recorded) {
        List<FlagEvent> all = new ArrayList<>(core);
        for (RecordedEvent r : recorded) {
            if (RecordedEvent.INSTRUCTOR.equals(r.origin())) {
                FlagEvent e = r.toFlagEvent();
                if (e != null) {
                    all.add(e);
                }
            }
        }
        all.sort(Comparator.comparingLong(FlagEvent::startUs));
        return List.copyOf(all);
    }

    /** The index's frame count: FRAME packets, which the core turns into frames unless one is damaged. */
    @Override
    public java.util.OptionalLong estimatedFrameCount() {
        return java.util.OptionalLong.of(reader.summary().frames());
    }

    @Override
    public List<FlagEvent> events() {
        return events;
    }

    @Override
    public List<ExportAnnotation> annotations() {
        return annotations;
    }

    @Override
    public void close() {
        reader.close();
    }

    private static Instant start(SessionMetadata m, RecordingReader r) {
        if (m.startUtc() == null) {
            return null;
        }
        try {
            Instant t = Instant.parse(m.startUtc());
            long firstHostNs = r.summary().firstHostNs();
            // startUtc is when recording began; the first packet arrived firstHostNs later.
            return firstHostNs > 0 ? t.plusNanos(firstHostNs) : t;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The first HELLO that parses, looking no further than the first frame (a damaged HELLO: null). */
    private static DeviceDescriptor firstHello(RecordingReader r) {
        RecordingReader.Cursor c = r.cursor();
        RecordedPacket p;
        while ((p = c.next()) != null) {
            PacketType type = p.timed().packet().type();
            if (type == PacketType.HELLO) {
                try {
                    return DeviceDescriptor.parse(p.timed().packet().payload());
                } catch (DeviceDescriptor.DescriptorException e) {
                    // an invalid HELLO: keep looking until the first frame
                }
            } else if (type.isFrame()) {
                return null;
            }
        }
        return null;
    }
}
