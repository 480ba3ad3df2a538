package io.tactus.cli;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tactus.report.Scores;
import io.tactus.protocol.Json;
import io.tactus.session.SessionAnalysis;
import io.tactus.session.StepNames;
import io.tactus.signal.SignalPipeline;
import io.tactus.signal.body.BodyRegion;
import io.tactus.signal.metrics.SessionMetrics;
import io.tactus.signal.flags.FlagEvent;
import io.tactus.signal.flags.Profiles;
import io.tactus.signal.technique.Movement;
import io.tactus.signal.technique.MovementType;
import io.tactus.signal.technique.Routine;
import io.tactus.signal.technique.RoutineProgress;
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
        description = {"Re-run the signal core over a recording or a raw wire capture: metrics, flag events and"
                + " technique.",
            "Prints session metrics, flag events, per-region figures and a technique summary (strokes, circles and"
                + " holds, each hand tracked on its own; with a guided routine, each step's outcome); times are"
                + " seconds from the first frame (device time)."})
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

    @Option(names = "--routine", paramLabel = "FILE|default",
            description = "Follow a guided routine from the first frame: a routine JSON file, or 'default' for the"
                    + " built-in one (a recording's own routine commands still apply where they were recorded).")
    String routine;

    @Option(names = "--json",
            description = "one JSON object: events, regions, metrics, session_metrics, segments, technique, stream")
    boolean json;

    @Override
    public Integer call() throws Exception {
        io.tactus.protocol.AsciiOptions text = textOptions.parse(spec.commandLine());
        io.tactus.protocol.DeviceDescriptor layout = textOptions.layout(spec.commandLine());
        SessionFiles.Analyzed result;
        Routine followed;
        try {
            followed = routine();
            result = SessionFiles.analyze(file, profile, text, layout, followed);
        } catch (RoutineOptionException bad) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--routine: " + bad.getMessage());
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
            // steps are named from the routine followed, else the built-in one (a recording names its routine by id)
            printText(out, result, followed == null ? Routine.defaultRoutine() : followed);
        }
        out.flush();
        return 0;
    }

    /** A bad --routine, told apart from a bad --profile. */
    private static final class RoutineOptionException extends IllegalArgumentException {
        RoutineOptionException(String message) {
            super(message);
        }
    }

    private Routine routine() {
        if (routine == null) {
            return null;
        }
        if ("default".equals(routine)) {
            return Routine.defaultRoutine();
        }
        try {
            Path p = Path.of(routine);
            if (!java.nio.file.Files.isRegularFile(p)) {
                // Routine.load would say only "routine x.json: x.json" (the I/O exception's message is the path)
                throw new RoutineOptionException("no such file: " + routine);
            }
            return Routine.load(p);
        } catch (IllegalArgumentException e) { // also a malformed path (InvalidPathException)
            throw new RoutineOptionException(e.getMessage());
        }
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
        // Per-contact movements of every segment and the guided routine (docs/SIGNAL.md, "Technique"); with
        // several segments the routine is the last pipeline's (a routine runs in one pipeline).
        m.put("technique", r.pipeline() == null ? null : technique(r.pipeline(), a));
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

    /**
     * Tracked contacts, every movement measured per contact (times from the first frame, like the events) and
     * the guided routine's steps when the recording ran one (null otherwise).
     */
    static Map<String, Object> technique(SignalPipeline p, SessionAnalysis a) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("contacts", a.contactsSeen());
        List<Map<String, Object>> list = new ArrayList<>();
        for (Movement mv : a.movements()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", mv.type().id());
            m.put("direction", mv.direction() == null ? null : mv.direction().id());
            m.put("side", Movement.sideId(mv.side()));
            m.put("region", mv.region() == null ? null : mv.region().id());
            m.put("start_s", round(a.secondsFromStart(mv.startUs())));
            m.put("end_s", round(a.secondsFromStart(mv.endUs())));
            m.put("length_mm", round(mv.lengthMm()));
            m.put("radius_mm", mv.type() == MovementType.CIRCLE ? round(mv.radiusMm()) : null);
            m.put("mean_kpa", round(mv.meanKpa()));
            m.put("peak_kpa", round(mv.peakKpa()));
            m.put("contact_mm2", Double.isNaN(mv.contactMm2()) ? null : Math.round(mv.contactMm2()));
            m.put("hand_part", mv.handPart() == null ? null : mv.handPart().id());
            m.put("contact", mv.contact());
            list.add(m);
        }
        t.put("movements", list);
        RoutineProgress rp = p.routineProgress();
        Map<String, Object> routine = null;
        if (rp != null) {
            routine = new LinkedHashMap<>();
            routine.put("id", rp.routineId());
            routine.put("name", rp.routine());
            List<Map<String, Object>> steps = new ArrayList<>();
            for (RoutineProgress.StepState st : rp.steps()) {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("id", st.id());
                s.put("status", st.status().id());
                s.put("count", round(st.count()));
                s.put("goal", round(st.goal()));
                s.put("completed_s", st.completedAtUs() < 0 ? null : round(a.secondsFromStart(st.completedAtUs())));
                steps.add(s);
            }
            routine.put("steps", steps);
        }
        t.put("routine", routine);
        return t;
    }

    /** "technique: 12 strokes (10 up, 2 outward), 6 circles (4 clockwise, 2 counterclockwise), 1 hold; ...". */
    private static void printTechnique(PrintWriter out, SignalPipeline p, SessionAnalysis a, Routine named) {
        Map<MovementType, Map<String, Integer>> byDir = new java.util.EnumMap<>(MovementType.class);
        Map<MovementType, Integer> byType = new java.util.EnumMap<>(MovementType.class);
        for (MovementType ty : MovementType.values()) {
            byType.put(ty, 0);
            byDir.put(ty, new LinkedHashMap<>());
        }
        for (Movement mv : a.movements()) {
            byType.merge(mv.type(), 1, Integer::sum);
            if (mv.direction() != null) {
                byDir.get(mv.type()).merge(mv.direction().id(), 1, Integer::sum);
            }
        }
        List<String> parts = new ArrayList<>();
        for (MovementType ty : MovementType.values()) {
            List<String> dirs = new ArrayList<>();
            byDir.get(ty).forEach((d, k) -> dirs.add(k + " " + d));
            int k = byType.get(ty);
            parts.add(k + " " + ty.id() + (k == 1 ? "" : "s") + (dirs.isEmpty() ? "" : " (" + String.join(", ", dirs) + ")"));
        }
        out.println();
        out.printf(Locale.ROOT, "technique: %s; %d contacts tracked%n", String.join(", ", parts), a.contactsSeen());
        RoutineProgress rp = p.routineProgress();
        if (rp != null) {
            List<String> steps = new ArrayList<>();
            for (int i = 0; i < rp.steps().size(); i++) {
                // the titles the app's routine panel shows ("Palm circles"), not the ids (those are in --json)
                steps.add(StepNames.of(rp, i, named) + " " + rp.steps().get(i).status().id().replace('_', ' '));
            }
            out.printf(Locale.ROOT, "routine %s: %s%n", rp.routine(), String.join(", ", steps));
        }
    }

    private static void printText(PrintWriter out, SessionFiles.Analyzed r, Routine named) {
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
                    e.type().label(), e.region() == null ? "-" : names().displayName(e.region()), e.peakKpa());
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
        if (r.pipeline() != null) {
            printTechnique(out, r.pipeline(), a, named);
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
