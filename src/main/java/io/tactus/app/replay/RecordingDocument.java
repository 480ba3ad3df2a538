package io.tactus.app.replay;

import io.tactus.device.FrameAssembler;
import io.tactus.device.FrameListener;
import io.tactus.device.RawFrame;
import io.tactus.protocol.DeviceDescriptor;
import io.tactus.protocol.Payloads;
import io.tactus.session.Annotation;
import io.tactus.session.CommandRecord;
import io.tactus.session.PipelineCommands;
import io.tactus.session.RecordedPacket;
import io.tactus.session.RecordingAppender;
import io.tactus.session.PipelineSegments;
import io.tactus.session.RecordingReader;
import io.tactus.session.UserFiles;
import io.tactus.session.SessionMetadata;
import io.tactus.signal.FrameSnapshot;
import io.tactus.signal.SignalPipeline;
import io.tactus.signal.body.BodyRegion;
import io.tactus.signal.flags.FlagEvent;
import io.tactus.signal.flags.FlagType;
import io.tactus.signal.metrics.RegionValue;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * A recording opened for replay: one streaming pass at open re-runs the signal core over every packet (so
 * flags are exactly those of a live run with the same settings) and keeps only the frame times, the flags and
 * a decimated per-region series; frames are then decoded on demand from the reader's index, continuing
 * forward while playing and re-seeking for jumps. Memory: 8 bytes per frame plus the series.
 */
public final class RecordingDocument implements ReplayDocument {

    /** Jumps further than this re-seek through the index instead of decoding forward. */
    private static final long FORWARD_LIMIT_US = 3_000_000;
    private static final int SERIES_POINTS = 3000;

    private final RecordingReader reader;
    private final Function<DeviceDescriptor, SignalPipeline> pipelines;
    private final DeviceDescriptor descriptor;
    private final long[] frameTimes;
    private final List<TimelineEvent> events;
    private final List<FlagEvent> flags;
    private final RegionSeries series;
    private final List<CommandRecord> commands;
    private final List<Note> notes = new ArrayList<>();
    /** Where notes are written: the file itself, or the user's copy of a sample / read-only file. */
    private volatile Path notesFile;
    private Seeker seeker;

    private RecordingDocument(RecordingReader reader, Function<DeviceDescriptor, SignalPipeline> pipelines,
                              Scan scan) {
        this.reader = reader;
        this.pipelines = pipelines;
        this.descriptor = scan.descriptor;
        this.frameTimes = scan.times.toArray();
        this.events = scan.timeline;
        this.flags = scan.flags;
        this.series = scan.series;
        this.commands = reader.commands();
        for (Annotation a : reader.annotations()) {
            notes.add(new Note(a.id(), a.deviceTimeUs(), a.text()));
        }
    }

    /** Opens and scans a recording (seconds for an hour-long one): call it off the FX thread. */
    public static RecordingDocument open(Path file, Function<DeviceDescriptor, SignalPipeline> pipelines)
            throws Exception {
        RecordingReader reader = RecordingReader.open(file);
        try {
            Scan scan = new Scan(reader, pipelines);
            if (scan.descriptor == null || scan.times.size == 0) {
                throw new IllegalArgumentException("the recording holds no frames");
            }
            return new RecordingDocument(reader, pipelines, scan);
        } catch (Exception | Error e) {
            reader.close();
            throw e;
        }
    }

    /** The file notes go into (after a note on a sample recording: the user's copy of it). */
    @Override
    public Path file() {
        Path own = notesFile;
        return own != null ? own : reader.file();
    }

    /** A sample recording or a read-only file is never rewritten: the first note makes the user's copy. */
    private Path writableFile() throws IOException {
        if (notesFile == null) {
            notesFile = UserFiles.ownCopy(reader.file(), UserFiles.sessionsDir());
        }
        return notesFile;
    }

    @Override
    public String title() {
        SessionMetadata m = reader.metadata();
        StringBuilder b = new StringBuilder(reader.file().getFileName().toString());
        if (m != null) {
            if (m.trainee() != null) {
                b.append("  trainee ").append(m.trainee());
            }
            if (m.receiver() != null) {
                b.append("  receiver ").append(m.receiver());
            }
            if (m.startUtc() != null) {
                b.append("  ").append(m.startUtc().replace('T', ' ').replaceAll("\\.\\d+Z$", "Z"));
            }
        }
        b.append("  ").append(descriptor.rows()).append('x').append(descriptor.cols());
        return b.toString();
    }

    @Override
    public DeviceDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public long startUs() {
        return frameTimes[0];
    }

    @Override
    public long endUs() {
        return frameTimes[frameTimes.length - 1];
    }

    public int frameCount() {
        return frameTimes.length;
    }

    @Override
    public List<TimelineEvent> events() {
        return events;
    }

    @Override
    public RegionSeries series() {
        return series;
    }

    @Override
    public synchronized FrameSnapshot frameAt(long timeUs) {
        if (seeker == null || timeUs < seeker.lastFrameUs || timeUs - seeker.lastFrameUs > FORWARD_LIMIT_US) {
            seeker = new Seeker(timeUs);
        }
        FrameSnapshot s = seeker.advanceTo(timeUs);
        if (s == null) {
            return null;
        }
        // Open flags from the full pass: identical to the live run, whatever the seek history.
        List<FlagEvent> open = new ArrayList<>();
        for (FlagEvent f : flags) {
            long end = f.isOpen() ? Long.MAX_VALUE : f.endUs();
            if (f.startUs() <= s.deviceTimeUs() && s.deviceTimeUs() <= end && f.type() != FlagType.MARKER) {
                open.add(f);
            }
        }
        return new FrameSnapshot(s.index(), s.deviceTimeUs(), s.hostNanos(), s.rows(), s.cols(), s.kpa(),
                s.totalForceN(), s.contactAreaCm2(), s.peakKpa(), s.copXmm(), s.copYmm(), s.regions(),
                List.copyOf(open));
    }

    @Override
    public long stepFrom(long timeUs, int frames) {
        int i = Arrays.binarySearch(frameTimes, timeUs);
        if (i < 0) {
            i = frames > 0 ? -i - 2 : -i - 1; // between two frames: step to the next / previous one
        }
        return frameTimes[Math.max(0, Math.min(frameTimes.length - 1, i + frames))];
    }

    @Override
    public synchronized List<Note> notes() {
        return List.copyOf(notes);
    }

    @Override
    public synchronized Note saveNote(Note note) throws Exception {
        Annotation a = note.id() == null ? Annotation.of(note.timeUs(), note.text())
                : new Annotation(note.id(), note.timeUs(), note.text(), false);
        RecordingAppender.append(writableFile(), List.of(a), List.of());
        Note stored = new Note(a.id(), a.deviceTimeUs(), a.text());
        notes.removeIf(n -> n.id().equals(stored.id()));
        notes.add(stored);
        return stored;
    }

    @Override
    public synchronized void deleteNote(String id) throws Exception {
        Note n = notes.stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
        if (n == null) {
            return;
        }
        RecordingAppender.append(writableFile(), List.of(new Annotation(id, n.timeUs(), n.text(), true)), List.of());
        notes.remove(n);
    }

    @Override
    public List<String> warnings() {
        return reader.integrity().clean() ? List.of() : List.of(reader.integrity().summary());
    }

    @Override
    public void close() {
        reader.close();
    }

    /** Decodes frames forward from an index point. */
    private final class Seeker implements FrameListener {
        private final RecordingReader.Cursor cursor;
        private final FrameAssembler assembler;
        private SignalPipeline pipeline;
        private RecordedPacket pending;
        private int nextCommand;
        private boolean haveFrame;
        long lastFrameUs = Long.MIN_VALUE;

        Seeker(long timeUs) {
            cursor = reader.cursorAt(timeUs);
            assembler = new FrameAssembler(this, descriptor);
            pipeline = pipelines.apply(descriptor);
        }

        FrameSnapshot advanceTo(long timeUs) {
            while (true) {
                if (pending == null) {
                    pending = cursor.next();
                    if (pending == null) {
                        break;
                    }
                }
                if (haveFrame && pending.deviceTimeUs() > timeUs) {
                    break;
                }
                RecordedPacket p = pending;
                pending = null;
                while (nextCommand < commands.size() && commands.get(nextCommand).beforePacket() <= p.ordinal()) {
                    PipelineCommands.apply(pipeline, commands.get(nextCommand++).command());
                }
                assembler.accept(p.timed());
            }
            return haveFrame ? pipeline.snapshot() : null;
        }

        @Override
        public void onDescriptor(DeviceDescriptor d) {
            if (!pipeline.continueWith(d)) {
                pipeline = pipelines.apply(d); // a different sensor: the scan's segment boundary
            }
        }

        @Override
        public void onFrame(RawFrame frame) {
            pipeline.process(frame);
            haveFrame = true;
            lastFrameUs = frame.deviceTimeUs();
        }
    }

    /** The one full pass at open. */
    private static final class Scan implements FrameListener {
        private final List<CommandRecord> commands;
        private final List<TimelineEvent> markers = new ArrayList<>();
        private final PipelineSegments segments;
        private final double[] peaks = new double[BodyRegion.values().length];
        DeviceDescriptor descriptor;
        SignalPipeline pipeline;
        LongArray times = new LongArray();
        RegionSeries.Builder seriesBuilder;
        RegionSeries series;
        List<TimelineEvent> timeline;
        List<FlagEvent> flags;

        Scan(RecordingReader reader, Function<DeviceDescriptor, SignalPipeline> pipelines) {
            this.segments = new PipelineSegments(pipelines);
            this.commands = reader.commands();
            SessionMetadata m = reader.metadata();
            if (m != null && m.device() != null) {
                onDescriptor(m.device());
            }
            long span = Math.max(1, reader.lastTimeUs() - reader.firstTimeUs());
            seriesBuilder = new RegionSeries.Builder(Math.max(1000, span / SERIES_POINTS));
            FrameAssembler assembler = new FrameAssembler(this, descriptor);
            RecordingReader.Cursor c = reader.cursor();
            int nextCommand = 0;
            long lastUs = 0;
            RecordedPacket p;
            while ((p = c.next()) != null) {
                while (pipeline != null && nextCommand < commands.size()
                        && commands.get(nextCommand).beforePacket() <= p.ordinal()) {
                    PipelineCommands.apply(pipeline, commands.get(nextCommand++).command());
                }
                assembler.accept(p.timed());
                lastUs = p.deviceTimeUs();
            }
            segments.finish(lastUs);
            flags = segments.events(); // every segment's: a re-sent HELLO never erases earlier flags
            timeline = new ArrayList<>();
            for (FlagEvent f : flags) {
                timeline.add(new TimelineEvent(f.type(), f.startUs(), f.isOpen() ? lastUs : f.endUs(), f.region(),
                        f.peakKpa(), f.detail()));
            }
            boolean pipelineMarkers = flags.stream().anyMatch(f -> f.type() == FlagType.MARKER);
            if (!pipelineMarkers) {
                timeline.addAll(markers);
            }
            timeline.sort((a, b) -> Long.compare(a.startUs(), b.startUs()));
            series = seriesBuilder.build();
        }

        @Override
        public void onDescriptor(DeviceDescriptor d) {
            SignalPipeline started = segments.onDescriptor(d);
            if (started != null) {
                descriptor = d;
                pipeline = started;
            }
        }

        @Override
        public void onFrame(RawFrame frame) {
            pipeline.process(frame);
            segments.frameProcessed(frame.deviceTimeUs());
            times.add(frame.deviceTimeUs());
            // BodyRegion peaks without a snapshot per frame would need the pipeline's internals; one snapshot per
            // frame is the public API and costs one array copy.
            FrameSnapshot s = pipeline.snapshot();
            for (RegionValue rv : s.regions()) {
                if (rv != null) {
                    peaks[rv.region().ordinal()] = rv.peakKpa();
                }
            }
            seriesBuilder.add(frame.deviceTimeUs(), peaks);
        }

        @Override
        public void onMarker(long deviceTimeUs, long hostNanos, Payloads.Marker marker) {
            if (pipeline != null) {
                pipeline.onMarker(deviceTimeUs, marker);
            }
            String what = switch (marker.code()) {
                case Payloads.Marker.TOO_MUCH -> "too much";
                case Payloads.Marker.MORE -> "more pressure";
                default -> "button";
            };
            markers.add(new TimelineEvent(FlagType.MARKER, deviceTimeUs, deviceTimeUs, null, 0, what));
        }

        @Override
        public void onPose(long deviceTimeUs, Payloads.Pose pose) {
            if (pipeline != null) {
                pipeline.onPose(deviceTimeUs, pose);
            }
        }
    }

    /** Growable long array. */
    private static final class LongArray {
        long[] data = new long[4096];
        int size;

        void add(long v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        long[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }
}
