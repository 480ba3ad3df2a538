package io.tactus.cli;

import io.tactus.device.FrameAssembler;
import io.tactus.device.FrameListener;
import io.tactus.device.RawFrame;
import io.tactus.device.TimedPacket;
import io.tactus.protocol.AsciiFrameDecoder;
import io.tactus.protocol.AsciiOptions;
import io.tactus.protocol.Corruption;
import io.tactus.protocol.FrameClock;
import io.tactus.protocol.DeviceDescriptor;
import io.tactus.protocol.Json;
import io.tactus.protocol.PacketDecoder;
import io.tactus.session.HostGaps;
import io.tactus.session.IntegrityReport;
import io.tactus.session.RecordingException;
import io.tactus.session.RecordingReader;
import io.tactus.session.SessionMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * `tactus info`: what a file holds and whether it is whole. Streams the packets once through a
 * {@link FrameAssembler} (no signal processing) to count frames, sequence gaps and pauses.
 */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = {"Show a recording's (or raw wire capture's) metadata, duration, frame count, gaps and integrity.",
            "Raw captures: protocol-v1 bytes, or DIY text lines with --ascii RxC [--rate HZ]."})
public final class InfoCommand implements Callable<Integer> {

    /** A pause in device time longer than this between two frames counts as a gap. */
    static final long PAUSE_US = 500_000;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "a Tactus recording, or a raw wire capture")
    Path file;

    @Option(names = "--verify", description = "check every record's CRC (full scan) instead of trusting the index")
    boolean verify;

    @Option(names = "--json", description = "one JSON object")
    boolean json;

    @CommandLine.Mixin
    TextCaptureOptions textOptions = new TextCaptureOptions();

    /** Frame and gap counts from one pass of an assembler. */
    private static final class Counter implements FrameListener {
        long frames;
        long firstUs = -1;
        long lastUs = -1;
        long pauses;
        long pausedUs;
        long markers;
        /** Fed for recordings only (captures carry no host time). */
        final HostGaps host = new HostGaps();
        boolean hostTimed;
        boolean helloSeen;
        long framesBeforeHello;

        @Override
        public void onDescriptor(DeviceDescriptor d) {
            helloSeen = true;
        }

        @Override
        public void onFrame(RawFrame f) {
            if (!helloSeen) {
                framesBeforeHello++;
            }
            if (lastUs >= 0 && f.deviceTimeUs() - lastUs > PAUSE_US) {
                pauses++;
                pausedUs += f.deviceTimeUs() - lastUs;
            }
            if (firstUs < 0) {
                firstUs = f.deviceTimeUs();
            }
            lastUs = f.deviceTimeUs();
            frames++;
            if (hostTimed) {
                host.frame(f.hostNanos());
            }
        }

        @Override
        public void onMarker(long deviceTimeUs, long hostNanos, io.tactus.protocol.Payloads.Marker marker) {
            markers++;
        }
    }

    @Override
    public Integer call() throws Exception {
        AsciiOptions text = textOptions.parse(spec.commandLine());
        DeviceDescriptor layout = textOptions.layout(spec.commandLine());
        SessionFiles.requireFile(file);
        if (layout != null && RecordingReader.isRecording(file)) {
            throw new CommandLine.ParameterException(spec.commandLine(), SessionFiles.LAYOUT_WITH_RECORDING);
        }
        Map<String, Object> m = text != null ? textCapture(text)
                : RecordingReader.isRecording(file) ? recording() : capture(layout);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.MAPPER.writeValueAsString(m));
        } else {
            m.forEach((k, v) -> out.printf(Locale.ROOT, "%-20s %s%n", k.replace('_', ' ') + ":",
                    v == null ? "-" : io.tactus.protocol.PrintableText.oneLine(String.valueOf(v))));
        }
        out.flush();
        return 0;
    }

    private Map<String, Object> recording() throws IOException {
        try (RecordingReader r = RecordingReader.open(file)) {
            SessionMetadata md = r.metadata();
            Counter counter = new Counter();
            counter.hostTimed = true;
            FrameAssembler assembler = new FrameAssembler(counter, md.device());
            // info prints no pressure: frames are checked against the layout, their cells never decoded.
            assembler.headersOnly();
            RecordingReader.Cursor c = r.cursor();
            long packets = 0;
            while (c.advance()) { // each packet straight from the read buffer, as analyze reads: no allocation
                assembler.accept(c.type(), c.seq(), c.rawTimeUs(), c.hostNanos(), c.payloadBuffer(), c.payloadStart(),
                        c.payloadLength());
                packets++;
            }
            // The pass checked every packet record's CRC; --verify also re-scans the whole file on its own.
            IntegrityReport integrity = verify ? withSpans(r.verify(), c.integrity()) : c.integrity();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", file.toString());
            m.put("kind", "Tactus recording");
            m.put("size_bytes", Files.size(file));
            m.put("app_version", md.appVersion());
            m.put("start_utc", md.startUtc());
            m.put("source", md.source());
            putDevice(m, md.device() != null ? md.device() : assembler.descriptor());
            m.put("profile", md.profile());
            m.put("trainee", md.trainee());
            m.put("receiver", md.receiver());
            m.put("notes", md.notes());
            putCounts(m, counter, packets, assembler);
            m.put("recorder_lost_packets", c.lostPackets());
            m.put("corrupt_notes", names(c.corruptNotes()));
            long annotations = r.annotations().stream().filter(a -> !a.deleted()).count();
            m.put("annotations", annotations);
            m.put("recorded_events", r.recordedEvents().size());
            m.put("pipeline_commands", r.commands().size());
            if (r.metadataDeviceProblem() != null) {
                m.put("metadata_device", r.metadataDeviceProblem() + ": ignored");
            }
            if (counter.framesBeforeHello > 0) {
                m.put("device_description_from", "the recording's metadata (no readable HELLO before "
                        + counter.framesBeforeHello + " frame(s))");
            }
            if (json) {
                m.put("integrity", integrity.describe(Math.max(0, counter.firstUs)));
            } else {
                m.put("integrity", integrity.summary());
                if (!integrity.lostSpans().isEmpty()) {
                    m.put("lost_at", integrity.spansText(Math.max(0, counter.firstUs), 10));
                }
                if (!integrity.problems().isEmpty()) {
                    m.put("problems", integrity.problems());
                }
            }
            if (c.failure() != null) {
                m.put("read_error", c.failure().getMessage());
            }
            return m;
        } catch (RecordingException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private Map<String, Object> capture(DeviceDescriptor layout) throws IOException {
        Counter counter = new Counter();
        FrameAssembler assembler = new FrameAssembler(counter, layout);
        assembler.headersOnly();
        PacketDecoder decoder = new PacketDecoder(p -> assembler.accept(new TimedPacket(p, 0)));
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                decoder.feed(buf, 0, n);
            }
        }
        if (decoder.packets() == 0) {
            throw new IOException(file + " is neither a Tactus recording nor a protocol-v1 capture (no packet found)");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file.toString());
        m.put("kind", "raw protocol-v1 capture (timed by device time)");
        m.put("size_bytes", Files.size(file));
        putDevice(m, assembler.descriptor());
        putCounts(m, counter, decoder.packets(), assembler);
        Map<Corruption, Long> corrupt = new EnumMap<>(decoder.corruptCounts());
        m.put("corrupt_input", names(corrupt));
        m.put("incomplete_tail_bytes", decoder.pendingBytes());
        if (assembler.descriptor() == null && assembler.framesWithoutHello() > 0) {
            m.put("warning", SessionFiles.noHello(file, assembler.framesWithoutHello()));
        } else if (layout != null && counter.framesBeforeHello > 0) {
            m.put("device_description_from", "the given layout (no HELLO before " + counter.framesBeforeHello
                    + " frame(s))");
        }
        return m;
    }

    /** A DIY text capture: lines transcoded to packets, frames timed at the given rate (text has no clock). */
    private Map<String, Object> textCapture(AsciiOptions text) throws IOException {
        Counter counter = new Counter();
        FrameAssembler assembler = new FrameAssembler(counter);
        assembler.headersOnly();
        AsciiFrameDecoder decoder = new AsciiFrameDecoder(text, FrameClock.fixedRate(text.rateHz()),
                p -> assembler.accept(new TimedPacket(p, 0)));
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                decoder.feed(buf, 0, n);
            }
        }
        decoder.finish();
        if (counter.frames == 0) {
            throw new IOException(file + ": no " + text.rows() + "x" + text.cols() + " text frame found");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file.toString());
        m.put("kind", "DIY text capture " + text.rows() + "x" + text.cols() + " (timed at " + text.rateHz() + " Hz)");
        m.put("size_bytes", Files.size(file));
        putDevice(m, assembler.descriptor());
        putCounts(m, counter, decoder.packets(), assembler);
        m.put("corrupt_input", names(new EnumMap<>(decoder.corruptCounts())));
        m.put("label_lines", decoder.labelLines());
        m.put("incomplete_tail_bytes", decoder.pendingBytes());
        return m;
    }

    /** A full re-scan's counts with the lost spans and malformed records the packet pass found. */
    private static IntegrityReport withSpans(IntegrityReport scan, IntegrityReport pass) {
        return new IntegrityReport(scan.complete(), scan.indexRebuilt(), true, scan.damagedRegions(),
                scan.skippedBytes(), scan.cutBytes(), pass.malformedRecords(), pass.lostSpans(), scan.problems());
    }

    private static void putDevice(Map<String, Object> m, DeviceDescriptor d) {
        if (d == null) {
            m.put("device", "unknown (no HELLO)");
            return;
        }
        m.put("device", d.device() + (d.serial() != null ? " #" + d.serial() : ""));
        m.put("layout", d.layout() + " " + d.rows() + "x" + d.cols());
        m.put("rate_hz", d.rateHz());
    }

    private static void putCounts(Map<String, Object> m, Counter c, long packets, FrameAssembler a) {
        double duration = c.firstUs < 0 ? 0 : (c.lastUs - c.firstUs) / 1e6;
        // A recording's duration and pauses are on the host clock, where an unplug / replug shows; the device
        // clock (all a capture has) can hide it.
        m.put("duration_s", Math.round((c.host.any() ? c.host.spanSeconds() : duration) * 1000) / 1000.0);
        if (c.host.any()) {
            m.put("device_time_s", Math.round(duration * 1000) / 1000.0);
        }
        m.put("packets", packets);
        m.put("frames", c.frames);
        m.put("markers", c.markers);
        m.put("marker_texts_cut", a.markerTextsCut());
        m.put("dropped_packets", a.dropped());
        m.put("pauses_over_half_s", c.host.any() ? c.host.gaps() : c.pauses);
        m.put("paused_s", c.host.any() ? Math.round(c.host.gapSeconds() * 1000) / 1000.0
                : Math.round(c.pausedUs / 1000.0) / 1000.0);
        m.put("bad_payloads", a.badPayload());
        m.put("frames_without_hello", a.framesWithoutHello());
        m.put("device_resets", a.deviceResets());
    }

    private static Map<String, Long> names(Map<Corruption, Long> counts) {
        Map<String, Long> m = new LinkedHashMap<>();
        counts.forEach((k, v) -> m.put(k.name().toLowerCase(Locale.ROOT), v));
        return m;
    }
}
