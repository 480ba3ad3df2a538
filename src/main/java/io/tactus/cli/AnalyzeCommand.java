package io.tactus.cli;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tactus.report.Scores;
import io.tactus.protocol.Json;
import io.tactus.session.SessionAnalysis;
import io.tactus.signal.body.BodyRegion;
import io.tactus.signal.metrics.SessionMetrics;
import io.tactus.signal.flags.FlagEvent;
import io.tactus.signal.flags.Profiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** `tactus analyze`: re-runs the signal core over a recording or a raw wire capture. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Re-run the signal core over a recording or a raw wire capture: metrics and flag events.",
            "Prints session metrics and flag events; times are seconds from the first frame (device time)."})
public final class AnalyzeCommand implements Callable<Integer> {

    /** Text output shows the body map's display names; --json keeps the ids. */

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "a Tactus recording, or a raw wire capture")
    Path file;

    @Option(names = "--profile", paramLabel = "NAME", completionCandidates = ProfileIds.class,
            description = "Detection profile: ${COMPLETION-CANDIDATES} (default: the recording's, else "
                    + Profiles.DEFAULT_ID + ").")
    String profile;

    @CommandLine.Mixin
    TextCaptureOptions textOptions = new TextCaptureOptions();

    @Option(names = "--json", description = "one JSON object: events, regions, metrics, session_metrics, stream")
    boolean json;

    @Override
    public Integer call() throws Exception {
        io.tactus.protocol.AsciiOptions text = textOptions.parse(spec.commandLine());
        io.tactus.protocol.DeviceDescriptor layout = textOptions.layout(spec.commandLine());
        SessionFiles.Analyzed result;
        try {
            result = SessionFiles.analyze(file, profile, text, layout);
        } catch (IllegalArgumentException bad) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    bad.getMessage().equals(SessionFiles.LAYOUT_WITH_RECORDING) ? bad.getMessage()
                            : "--profile: " + bad.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (!result.warnings().isEmpty()) {
            // stderr, so --json stays one object on stdout
            PrintWriter err = spec.commandLine().getErr();
            result.warnings().forEach(w -> err.println("tactus: warning: " + w));
            err.flush();
        }
        if (json) {
            ObjectWriter mapper = Json.MAPPER.writer().without(SerializationFeature.FAIL_ON_EMPTY_BEANS);
            out.println(mapper.writeValueAsString(toJson(result)));
        } else {
            printText(out, result);
        }
        out.flush();
        return 0;
    }

    static Map<String, Object> toJson(SessionFiles.Analyzed r) {
        SessionAnalysis a = r.analysis();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", r.recording() ? "recording" : "capture");
        m.put("profile", r.profile());
        m.put("device", a.descriptor() == null ? null : a.descriptor().device());
        m.put("integrity", a.integrity() == null ? null : a.integrity().describe(Math.max(0, a.metrics().firstFrameUs())));
        m.put("device_description_from", a.descriptorNote() == null ? "hello" : a.descriptorNote());
        m.put("warnings", r.warnings());
        // the few clear scores the report, library, progress and cohort tables show (io.tactus.report.Scores)
        m.put("scores", Scores.of(a, r.pipeline() == null ? null : r.pipeline().routineProgress()).toMap());
        List<Map<String, Object>> events = new ArrayList<>();
        for (FlagEvent e : a.events()) {
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("type", e.type().id());
            ev.put("start_s", round(a.secondsFromStart(e.startUs())));
            ev.put("end_s", e.isOpen() ? null : round(a.secondsFromStart(e.endUs())));
            ev.put("region", e.region() == null ? null : e.region().id());
            ev.put("peak_kpa", round(e.peakKpa()));
            ev.put("detail", e.detail());
            events.add(ev);
        }
        m.put("events", events);
        // One set of per-region statistics: the core's (docs/SIGNAL.md, "Session metrics"), over all segments.
        m.put("regions", a.regions());
        SessionAnalysis.Metrics mt = a.metrics();
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("duration_s", round(mt.durationSeconds()));
        metrics.put("frames", mt.frames());
        metrics.put("frame_rate_hz", round(mt.meanFrameRateHz()));
        metrics.put("contact_s", round(mt.contactSeconds()));
        metrics.put("peak_force_n", round(mt.peakForceN()));
        metrics.put("mean_force_while_contact_n", round(mt.meanForceWhileContactN()));
        metrics.put("left_right_balance", round(mt.leftRightBalance()));
        metrics.put("flag_counts", mt.flagCounts());
        metrics.put("flag_seconds", mt.flagSeconds());
        // Host clock (recordings): an unplug / replug outage shows here, device time can hide it.
        metrics.put("host_duration_s", mt.host() == null ? null : round(mt.host().spanSeconds()));
        metrics.put("host_gaps", mt.host() == null ? null : mt.host().gaps());
        metrics.put("host_gap_s", mt.host() == null ? null : round(mt.host().gapSeconds()));
        m.put("metrics", metrics);
        // The core's own session metrics: time below / within / above the band per region, guidance metrics
        // (strokes, circles, trigger-point holds), coverage map. Per segment when the sensor changed mid-stream.
        boolean single = a.segments().size() == 1;
        m.put("session_metrics", single ? a.segments().get(0).metrics() : null);
        List<Map<String, Object>> segments = new ArrayList<>();
        for (SessionAnalysis.Segment sg : a.segments()) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("device", sg.descriptor().device());
            sm.put("layout", sg.descriptor().layout() + " " + sg.descriptor().rows() + "x" + sg.descriptor().cols());
            sm.put("rate_hz", sg.descriptor().rateHz());
            sm.put("start_s", sg.frames() == 0 ? null : round(a.secondsFromStart(sg.firstFrameUs())));
            sm.put("end_s", sg.frames() == 0 ? null : round(a.secondsFromStart(sg.lastFrameUs())));
            sm.put("frames", sg.frames());
            if (!single) {
                sm.put("session_metrics", sg.metrics());
            }
            segments.add(sm);
        }
        m.put("segments", segments);
        SessionAnalysis.StreamStats st = a.stream();
        Map<String, Object> stream = new LinkedHashMap<>();
        stream.put("packets", st.packets());
        stream.put("dropped_packets", st.droppedPackets());
        Map<String, Long> corrupt = new LinkedHashMap<>();
        st.corrupt().forEach((k, v) -> corrupt.put(k.name().toLowerCase(Locale.ROOT), v));
        stream.put("corrupt", corrupt);
        stream.put("frames_without_hello", st.framesWithoutHello());
        stream.put("device_resets", st.deviceResets());
        stream.put("recorder_lost", st.recorderLost());
        stream.put("commands_not_applied", st.commandsNotApplied());
        stream.put("marker_texts_cut", st.markerTextsCut());
        stream.put("analysis_ms", st.analysisMillis());
        m.put("stream", stream);
        return m;
    }

    private static void printText(PrintWriter out, SessionFiles.Analyzed r) {
        SessionAnalysis a = r.analysis();
        SessionAnalysis.Metrics mt = a.metrics();
        out.printf(Locale.ROOT, "%s: %s, profile %s%n", r.recording() ? "recording" : "capture",
                a.descriptor() == null ? "no device descriptor"
                        : io.tactus.protocol.PrintableText.oneLine(a.descriptor().device()), r.profile());
        out.printf(Locale.ROOT, "%.1f s, %d frames (%.1f Hz), contact %.1f s, peak force %.1f N, left share %s%n",
                mt.durationSeconds(), mt.frames(), mt.meanFrameRateHz(), mt.contactSeconds(), mt.peakForceN(),
                Double.isNaN(mt.leftRightBalance()) ? "-" : String.format(Locale.ROOT, "%.2f", mt.leftRightBalance()));
        if (a.integrity() != null) {
            out.println("integrity: " + a.integrity().summary());
        }
        out.println();
        out.println("events:");
        if (a.events().isEmpty()) {
            out.println("  none");
        }
        for (FlagEvent e : a.events()) {
            out.printf(Locale.ROOT, "  %8.2f - %-8s %-16s %-22s peak %6.1f kPa%n", a.secondsFromStart(e.startUs()),
                    e.isOpen() ? "open" : String.format(Locale.ROOT, "%.2f", a.secondsFromStart(e.endUs())),
                    e.type().id(), e.region() == null ? "-" : names().displayName(e.region()), e.peakKpa());
        }
        out.println();
        out.println("regions:                 touched s   peak kPa   mean kPa   kPa*s");
        for (SessionMetrics.RegionMetrics s : a.regions()) {
            out.printf(Locale.ROOT, "  %-22s %9.1f %10.1f %10.1f %9.0f%n",
                    names().displayName(BodyRegion.fromId(s.region())), s.timeTouchedS(), s.peakKpa(),
                    s.timeTouchedS() > 0 ? s.ptiKpaS() / s.timeTouchedS() : 0, s.ptiKpaS());
        }
        if (a.segments().size() > 1) {
            out.println();
            out.println("segments (the device described a different sensor mid-stream; events and figures above cover all):");
            for (SessionAnalysis.Segment sg : a.segments()) {
                out.printf(Locale.ROOT, "  %8.2f - %-8.2f %s %s %dx%d at %.0f Hz, %d frames%n",
                        a.secondsFromStart(sg.firstFrameUs()), a.secondsFromStart(sg.lastFrameUs()),
                        io.tactus.protocol.PrintableText.oneLine(sg.descriptor().device()), sg.descriptor().layout(),
                        sg.descriptor().rows(), sg.descriptor().cols(), sg.descriptor().rateHz(), sg.frames());
            }
        }
        if (mt.host() != null && mt.host().gaps() > 0) {
            out.printf(Locale.ROOT, "%noutages: %d without frames, %.1f s in all (host clock; the recording lasted %.1f s)%n",
                    mt.host().gaps(), mt.host().gapSeconds(), mt.host().spanSeconds());
        }
        SessionAnalysis.StreamStats st = a.stream();
        if (st.markerTextsCut() > 0) {
            out.printf(Locale.ROOT, "%nnote: the text of %d marker(s) was cut (kept: %d characters each, %d in all)%n",
                    st.markerTextsCut(), io.tactus.device.FrameAssembler.MARKER_TEXT_MAX,
                    io.tactus.device.FrameAssembler.MARKER_TEXT_TOTAL);
        }
        if (st.droppedPackets() > 0 || !st.corrupt().isEmpty() || st.recorderLost() > 0) {
            out.printf(Locale.ROOT, "%nwarning: %d packets missing (sequence gaps), corrupt input %s, %d lost by the recorder%n",
                    st.droppedPackets(), st.corrupt(), st.recorderLost());
        }
    }

    /** Three decimals; null (JSON null) for NaN / infinity. */
    private static Double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 1000.0) / 1000.0 : null;
    }

    /** The region names, loaded on first use: picocli builds every command at start-up, `tactus --help` too. */
    private static io.tactus.signal.body.BodyMap names() {
        return io.tactus.signal.body.BodyMap.standard();
    }
}
