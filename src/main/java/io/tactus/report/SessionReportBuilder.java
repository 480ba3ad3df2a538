package io.tactus.report;

import io.tactus.render.BackAnatomy;
import io.tactus.session.Annotation;
import io.tactus.session.FileAnalysis;
import io.tactus.session.SessionAnalysis;
import io.tactus.session.export.AppVersion;
import io.tactus.signal.flags.FlagEvent;
import io.tactus.signal.flags.FlagType;
import io.tactus.signal.body.BodyMap;
import io.tactus.signal.body.BodyRegion;
import io.tactus.signal.metrics.SessionMetrics;
import io.tactus.signal.technique.Routine;
import io.tactus.signal.technique.RoutineProgress;
import io.tactus.signal.SignalPipeline;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Builds a {@link SessionReport} from one analysis pass (the analysis plus what {@link FrameCapture} kept). */
public final class SessionReportBuilder {

    private static final int MAP_PX = 320;
    private static final int THUMB_PX = 112;

    private SessionReportBuilder() {
    }

    public static SessionReport build(String fileName, FileAnalysis.Result r, FrameCapture frames, Pictures pictures) {
        SessionAnalysis a = r.analysis();
        SignalPipeline p = r.pipeline();
        SessionMetrics sm = p == null ? null : p.metrics();
        Scores scores = Scores.of(r);
        BodyRegion[] cellRegions = p == null ? null : p.cellRegions();
        // the app's back illustration, from the core's body map and registration at the end of the session (mat mm)
        BackAnatomy back = p == null ? null
                : BackAnatomy.of(p.settings().bodyMap(), p.registration(), p.matSizeMm()[0], 1, 1);
        double[] pitch = p == null ? null : new double[] {p.descriptor().pitchXmm(), p.descriptor().pitchYmm()};

        // an A4 page holds two maps side by side only at a smaller size
        int mapPx = pictures == Pictures.PNG ? 240 : MAP_PX;
        String peakMap = null;
        String ptMap = null;
        float[] peak = frames.peakKpa();
        if (peak != null) {
            peakMap = pictures.markup(new HeatmapFigure(frames.rows(), frames.cols(), peak, max(peak), cellRegions,
                    null, "Highest pressure each cell saw during the session", "kPa", mapPx, back, pitch));
        }
        if (sm != null && sm.rows() > 0 && sm.cols() > 0 && sm.coverageKpaS().length == sm.rows() * sm.cols()) {
            boolean sameGrid = sm.rows() == frames.rows() && sm.cols() == frames.cols();
            ptMap = pictures.markup(new HeatmapFigure(sm.rows(), sm.cols(), sm.coverageKpaS(), max(sm.coverageKpaS()),
                    sameGrid ? cellRegions : null, null, "Pressure-time per cell (where the work went)", "kPa s",
                    mapPx, sameGrid ? back : null, pitch));
        }

        List<SessionReport.FlagRow> flags = new ArrayList<>();
        for (FlagEvent e : a.events()) {
            FrameCapture.Thumbnail t = e.type() == FlagType.MARKER ? null : frames.thumbnail(e);
            String regionName = e.region() == null ? null : BodyMap.defaultMap().displayName(e.region());
            String thumb = null;
            if (t != null) {
                thumb = pictures.markup(new HeatmapFigure(t.rows(), t.cols(), t.kpa(), Math.max(10, max(t.kpa())),
                        cellRegions, e.region(), String.format(Locale.ROOT, "Pressure at %.1f s, %s outlined",
                        a.secondsFromStart(t.deviceTimeUs()), regionName == null ? "-" : regionName),
                        "kPa", THUMB_PX, back, pitch));
            }
            Double limit = e.type() == FlagType.MARKER || e.region() == null || p == null ? null
                    : p.flagThreshold(e.region());
            flags.add(new SessionReport.FlagRow(e.type().id(), e.type().label(), a.secondsFromStart(e.startUs()),
                    e.isOpen() ? null : a.secondsFromStart(e.endUs()),
                    e.region() == null ? null : e.region().id(), regionName, e.peakKpa(),
                    limit == null || !Double.isFinite(limit) ? null : limit, e.detail(), thumb));
        }

        List<SessionReport.RegionRow> regions = new ArrayList<>();
        for (SessionMetrics.RegionMetrics rm : a.regions()) {
            BodyRegion region = BodyRegion.fromId(rm.region());
            double touched = rm.timeTouchedS();
            regions.add(new SessionReport.RegionRow(rm.region(), BodyMap.defaultMap().displayName(region),
                    region.kind().name().toLowerCase(Locale.ROOT), touched,
                    region.kind() != BodyRegion.Kind.MUSCLE ? null : rm.timeWithinS(),
                    touched > 0 ? rm.ptiKpaS() / touched : 0, rm.peakKpa(), rm.ptiKpaS()));
        }

        List<SessionReport.Row> movement = new ArrayList<>();
        if (sm != null && sm.movement() != null) {
            SessionMetrics.Movement m = sm.movement();
            movement.add(row("strokes_up", "Strokes up the back (effleurage, thumb slides)", m.strokesUp()));
            movement.add(row("strokes_down", "Strokes down (knuckles toward the hips)", m.strokesDown()));
            movement.add(row("strokes_outward", "Strokes outward, away from the spine", m.strokesOutward()));
            movement.add(row("strokes_inward", "Strokes inward, toward the spine", m.strokesInward()));
            movement.add(row("circles_clockwise", "Circles clockwise (preferred)", m.circlesClockwise()));
            movement.add(row("circles_counterclockwise", "Circles counter-clockwise", m.circlesCounterClockwise()));
            movement.add(row("holds", "Stationary holds (1.5 s or longer)", m.holds()));
            movement.add(new SessionReport.Row("holds_reaching_target",
                    String.format(Locale.ROOT, "Holds lasting the profile's %.0f s", m.holdTargetS()),
                    Integer.toString(m.holdsReachingTarget())));
        }

        // the guided routine, when one was started in the session: each step's outcome
        List<SessionReport.Row> technique = new ArrayList<>();
        RoutineProgress routine = p == null ? null : p.routineProgress();
        if (routine != null) {
            for (int i = 0; i < routine.steps().size(); i++) {
                RoutineProgress.StepState st = routine.steps().get(i);
                // the step's title as the app's routine panel shows it (a recording names its routine by id)
                technique.add(new SessionReport.Row("step." + st.id(),
                        routine.routine() + ": " + io.tactus.session.StepNames.of(routine, i, Routine.defaultRoutine()),
                        st.status().id() + String.format(Locale.ROOT, " (%.0f of %.0f)", st.count(), st.goal())));
            }
        }

        List<SessionReport.NoteRow> notes = new ArrayList<>();
        for (Annotation n : r.annotations()) {
            notes.add(new SessionReport.NoteRow(a.secondsFromStart(n.deviceTimeUs()), n.text()));
        }
        notes.sort(Comparator.comparingDouble(SessionReport.NoteRow::timeS));

        var md = r.metadata();
        String device = a.descriptor() != null ? a.descriptor().device() : null;
        return new SessionReport(fileName, md == null ? null : md.trainee(), md == null ? null : md.receiver(),
                md == null ? null : md.startUtc(), device, r.profile(),
                r.warnings().isEmpty() ? "ok" : String.join("; ", r.warnings()),
                scores, NextSteps.texts(NextSteps.of(scores, a)), peakMap, ptMap, List.copyOf(flags),
                List.copyOf(regions), List.copyOf(movement), List.copyOf(technique), List.copyOf(notes),
                "Tactus " + AppVersion.get());
    }

    private static SessionReport.Row row(String key, String label, int v) {
        return new SessionReport.Row(key, label, Integer.toString(v));
    }

    private static double max(float[] v) {
        double m = 0;
        for (float f : v) {
            m = Math.max(m, f);
        }
        return m;
    }
}
