package io.tactus.session;

import io.tactus.device.TimedPacket;
import io.tactus.protocol.AsciiFrameDecoder;
import io.tactus.protocol.AsciiOptions;
import io.tactus.protocol.ByteStreamDecoder;
import io.tactus.protocol.Corruption;
import io.tactus.protocol.DeviceDescriptor;
import io.tactus.protocol.FrameClock;
import io.tactus.protocol.Packet;
import io.tactus.protocol.PacketDecoder;
import io.tactus.signal.FrameSnapshot;
import io.tactus.signal.SignalPipeline;
import io.tactus.signal.body.BodyRegion;
import io.tactus.signal.flags.FlagEvent;
import io.tactus.signal.metrics.RegionValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a whole session through the core as fast as possible, timed by device time (never by the wall clock):
 * a recording (applying its recorded pipeline commands at their packet positions) or a raw wire capture (the
 * bytes a device sent). Produces the flag events, a downsampled per-region series and session metrics. Streams:
 * memory does not grow with the session length. Optionally hands every frame's snapshot to a consumer (export).
 */
public final class SessionAnalyzer {

    private static final double MAX_FRAME_GAP_S = 0.5;

    private final Function<DeviceDescriptor, SignalPipeline> pipelineFactory;
    private final boolean shareCells;

    public SessionAnalyzer(Function<DeviceDescriptor, SignalPipeline> pipelineFactory) {
        this(pipelineFactory, false);
    }

    private SessionAnalyzer(Function<DeviceDescriptor, SignalPipeline> pipelineFactory, boolean shareCells) {
        this.pipelineFactory = Objects.requireNonNull(pipelineFactory);
        this.shareCells = shareCells;
    }

    /**
     * This analyzer for a per-frame consumer that is done with each snapshot when it returns (an exporter writing
     * it out): every snapshot's {@code kpa} is one reused buffer, overwritten by the next frame, instead of a copy
     * per frame (4 KB a frame at 32x32, 1.5 GB of garbage an hour). A consumer that keeps snapshots (a report's
     * thumbnails) uses the analyzer itself.
     */
    public SessionAnalyzer sharingFrameCells() {
        return new SessionAnalyzer(pipelineFactory, true);
    }

    public SessionAnalysis analyze(RecordingReader reader) throws IOException {
        return analyze(reader, null);
    }

    /**
     * @param perFrame called with every processed frame's snapshot, in order, on this thread (may be null)
     * @throws IOException if the file cannot be read further
     */
    public SessionAnalysis analyze(RecordingReader reader, Consumer<FrameSnapshot> perFrame) throws IOException {
        return analyze(reader, perFrame, null);
    }

    /**
     * Sees the core after every packet of a recording's pass, with the series so far (the replay engine takes its
     * checkpoints and publishes the partial chart here); the packet is the cursor's current one.
     */
    interface ScanHook {
        void afterPacket(CoreRunner core, RecordingReader.Cursor cursor, RegionSeries series);
    }

    SessionAnalysis analyze(RecordingReader reader, Consumer<FrameSnapshot> perFrame, ScanHook hook)
            throws IOException {
        long t0 = System.nanoTime();
        // The metadata's descriptor (validated like a HELLO) decodes frames whose HELLO record is damaged.
        CoreRunner core = new CoreRunner(pipelineFactory, reader.commands(), reader.metadata().device());
        core.assembler().decodeIntoOneBuffer(); // each frame is done with before the next packet
        Accumulator acc = new Accumulator(perFrame, shareCells, true);
        RecordingReader.Cursor c = reader.cursor();
        long packets = 0;
        while (c.advance()) { // each packet straight from the read buffer: no allocation per packet
            core.feed(c);
            packets++;
            if (core.frameDone()) {
                acc.frame(core);
            }
            if (hook != null) {
                hook.afterPacket(core, c, acc.series);
            }
        }
        if (c.failure() != null) {
            throw new IOException("cannot read " + reader.file() + ": " + RecordingWriter.oneLine(c.failure()));
        }
        core.finish();
        Map<Corruption, Long> corrupt = new EnumMap<>(Corruption.class);
        corrupt.putAll(c.corruptNotes());
        String note = core.framesBeforeHello() > 0
                ? "the recording's metadata (no readable HELLO before " + core.framesBeforeHello() + " frame(s))"
                : null;
        return acc.result(core, packets, corrupt, c.lostPackets(), t0, c.integrity(), note);
    }

    /**
     * Analyzes a raw wire capture (protocol v1 bytes, e.g. {@code cat /dev/ttyACM0 > capture.bin}).
     *
     * @param initial descriptor to assume when the capture has no HELLO (may be null)
     */
    public SessionAnalysis analyzeCapture(Path capture, DeviceDescriptor initial, Consumer<FrameSnapshot> perFrame)
            throws IOException {
        return analyzeBytes(capture, initial, perFrame, PacketDecoder::new);
    }

    /**
     * Analyzes a raw capture of a DIY text grid (one frame per line, or one row per line; see PROTOCOL.md,
     * "DIY line mode"). Text carries no clock: frames are timed at {@code text.rateHz()} (a capture's rate
     * must be given; {@link AsciiFrameDecoder#FALLBACK_RATE_HZ} when the options leave it to estimation).
     */
    public SessionAnalysis analyzeTextCapture(Path capture, AsciiOptions text, Consumer<FrameSnapshot> perFrame)
            throws IOException {
        double hz = text.rateHz() > 0 ? text.rateHz() : AsciiFrameDecoder.FALLBACK_RATE_HZ;
        AsciiOptions timed = text.withRateHz(hz);
        return analyzeBytes(capture, null, perFrame,
                sink -> new AsciiFrameDecoder(timed, FrameClock.fixedRate(hz), sink));
    }

    private SessionAnalysis analyzeBytes(Path capture, DeviceDescriptor initial, Consumer<FrameSnapshot> perFrame,
                                         Function<PacketDecoder.Sink, ByteStreamDecoder> decoders) throws IOException {
        long t0 = System.nanoTime();
        CoreRunner core = new CoreRunner(pipelineFactory, List.of(), initial);
        core.assembler().decodeIntoOneBuffer(); // each frame is done with before the next packet
        Accumulator acc = new Accumulator(perFrame, shareCells, false);
        long[] packets = {0};
        ByteStreamDecoder decoder = decoders.apply(new PacketDecoder.Sink() {
            @Override
            public void onPacket(Packet packet) {
                core.feed(-1, new TimedPacket(packet, 0));
                packets[0]++;
                if (core.frameDone()) {
                    acc.frame(core);
                }
            }
        });
        try (InputStream in = Files.newInputStream(capture)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                decoder.feed(buf, 0, n);
            }
        } catch (NoSuchFileException e) {
            throw new IOException("no such file: " + capture);
        }
        if (decoder instanceof PacketDecoder) {
            decoder.feed(new byte[] {0}, 0, 1); // a capture cut after a complete packet's bytes but before its 0x00
        }
        decoder.finish();
        core.finish();
        Map<Corruption, Long> corrupt = new EnumMap<>(Corruption.class);
        corrupt.putAll(decoder.corruptCounts());
        String note = initial != null && core.framesBeforeHello() > 0
                ? "the given layout (no HELLO before " + core.framesBeforeHello() + " frame(s))" : null;
        return acc.result(core, packets[0], corrupt, 0, t0, null, note);
    }

    /** Accumulates the per-frame figures. */
    private static final class Accumulator {
        private static final int R = BodyRegion.values().length;
        private final Consumer<FrameSnapshot> perFrame;
        /** Snapshots share {@link #cells}: no consumer, or one done with each snapshot when it returns. */
        private final boolean shareCells;
        private float[] cells = new float[0];
        private final RegionSeries series = new RegionSeries(0.05);
        private long lastUs = -1;
        private double contactS;
        private double peakForce;
        private double sumForceContact;
        private long contactFrames;
        private double leftForce;
        private double rightForce;

        /** Recordings only: a capture's packets carry no host time. */
        private final HostGaps host;

        Accumulator(Consumer<FrameSnapshot> perFrame, boolean shareCells, boolean hostTimed) {
            this.perFrame = perFrame;
            this.shareCells = perFrame == null || shareCells;
            this.host = hostTimed ? new HostGaps() : null;
        }

        /**
         * Without a per-frame consumer nobody keeps a snapshot, so its cells go into one reused buffer, as they do
         * for a consumer that says it is done with each one ({@link #sharingFrameCells()}); any other consumer
         * gets its own immutable copy per frame.
         */
        void frame(CoreRunner core) {
            SignalPipeline p = core.pipeline();
            if (p == null) {
                return;
            }
            if (!shareCells) {
                frame(p.snapshot());
                return;
            }
            int cellCount = p.descriptor().cellCount();
            if (cells.length != cellCount) {
                cells = new float[cellCount];
            }
            frame(p.snapshotInto(cells));
        }

        private void frame(FrameSnapshot s) {
            if (s == null) {
                return;
            }
            double dt = lastUs < 0 ? 0 : Math.min(MAX_FRAME_GAP_S, Math.max(0, (s.deviceTimeUs() - lastUs) / 1e6));
            lastUs = s.deviceTimeUs();
            series.add(s);
            if (host != null) {
                host.frame(s.hostNanos());
            }
            if (s.totalForceN() > 0) {
                contactS += dt;
                sumForceContact += s.totalForceN();
                contactFrames++;
            }
            peakForce = Math.max(peakForce, s.totalForceN());
            RegionValue[] rv = s.regions();
            for (int r = 0; r < R && r < rv.length; r++) {
                RegionValue v = rv[r];
                if (v == null) {
                    continue;
                }
                if (v.region().side() == BodyRegion.Side.LEFT) {
                    leftForce += v.forceN();
                } else if (v.region().side() == BodyRegion.Side.RIGHT) {
                    rightForce += v.forceN();
                }
            }
            if (perFrame != null) {
                perFrame.accept(s);
            }
        }

        SessionAnalysis result(CoreRunner core, long packets, Map<Corruption, Long> corrupt, long lost, long t0,
                               IntegrityReport integrity, String descriptorNote) {
            long bad = core.assembler().badPayload();
            if (bad > 0) {
                corrupt.merge(Corruption.BAD_PAYLOAD, bad, Long::sum);
            }
            List<FlagEvent> events = core.events();
            List<SessionAnalysis.Segment> segments = new ArrayList<>();
            for (PipelineSegments.Segment s : core.segments()) {
                segments.add(new SessionAnalysis.Segment(s.pipeline().descriptor(), s.firstFrameUs(), s.lastFrameUs(),
                        s.frames(), s.pipeline().metrics(), s.pipeline().movements(), s.pipeline().contactsSeen()));
            }
            Map<String, Long> counts = new LinkedHashMap<>();
            Map<String, Double> seconds = new LinkedHashMap<>();
            for (FlagEvent e : events) {
                counts.merge(e.type().id(), 1L, Long::sum);
                double d = e.isOpen() ? 0 : (e.endUs() - e.startUs()) / 1e6;
                seconds.merge(e.type().id(), d, Double::sum);
            }
            long first = core.firstFrameUs();
            long last = core.lastFrameUs();
            double dur = first < 0 ? 0 : (last - first) / 1e6;
            SessionAnalysis.Metrics m = new SessionAnalysis.Metrics(first, last, dur, core.frames(),
                    dur > 0 ? (core.frames() - 1) / dur : 0, contactS, peakForce,
                    contactFrames == 0 ? 0 : sumForceContact / contactFrames,
                    leftForce + rightForce > 0 ? leftForce / (leftForce + rightForce) : Double.NaN, counts, seconds,
                    host == null || !host.any() ? null
                            : new SessionAnalysis.HostTime(host.spanSeconds(), host.gaps(), host.gapSeconds()));
            List<SessionAnalysis.Marker> markers = new ArrayList<>();
            for (CoreRunner.MarkerAt mk : core.markers()) {
                markers.add(new SessionAnalysis.Marker(mk.deviceTimeUs(), mk.code(), mk.text()));
            }
            SessionAnalysis.StreamStats st = new SessionAnalysis.StreamStats(packets, core.assembler().dropped(),
                    Map.copyOf(corrupt), core.assembler().framesWithoutHello(), core.assembler().deviceResets(), lost,
                    core.commandsFailed(), (System.nanoTime() - t0) / 1_000_000, core.assembler().markerTextsCut());
            return new SessionAnalysis(core.assembler().descriptor(), events, List.copyOf(markers), series,
                    SessionAnalysis.sumRegions(segments), m, st, integrity, descriptorNote, List.copyOf(segments));
        }
    }
}
