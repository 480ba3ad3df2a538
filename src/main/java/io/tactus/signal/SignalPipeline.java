package io.tactus.signal;

import io.tactus.device.RawFrame;
import io.tactus.protocol.DeviceDescriptor;
import io.tactus.protocol.Payloads;
import io.tactus.signal.body.BodyPlacement;
import io.tactus.signal.body.BodyRegion;
import io.tactus.signal.body.RegionOutline;
import io.tactus.signal.body.Registration;
import io.tactus.signal.calibration.CalibrationStage;
import io.tactus.signal.calibration.CalibrationState;
import io.tactus.signal.calibration.DeadCell;
import io.tactus.signal.calibration.DriftStatus;
import io.tactus.signal.calibration.LoadPoint;
import io.tactus.signal.calibration.TareResult;
import io.tactus.signal.calibration.TareState;
import io.tactus.signal.calibration.UserCalibration;
import io.tactus.signal.flags.Band;
import io.tactus.signal.flags.CeilingOffer;
import io.tactus.signal.flags.FlagBook;
import io.tactus.signal.flags.FlagEvent;
import io.tactus.signal.flags.FlagListener;
import io.tactus.signal.flags.PersonalLimits;
import io.tactus.signal.flags.Profile;
import io.tactus.signal.metrics.FrameMeasure;
import io.tactus.signal.metrics.SessionAccumulator;
import io.tactus.signal.metrics.SessionMetrics;
import io.tactus.signal.state.Checkpointable;
import io.tactus.signal.store.PersonalLimitsStore;
import io.tactus.signal.technique.Movement;
import io.tactus.signal.technique.Routine;
import io.tactus.signal.technique.RoutineProgress;
import io.tactus.signal.technique.TechniqueListener;
import io.tactus.signal.technique.TechniqueSnapshot;
import io.tactus.signal.technique.TechniqueTracker;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The signal core facade: raw frames in, calibrated pressure, regions, flags and metrics out. One instance per
 * device stream, used from one thread (listeners are called on it). Deterministic: the same frames, markers and
 * settings give the same events and metrics, live or replayed.
 *
 * <p>Per frame ({@link #process}, no allocation): counts minus the zero-load baseline (tare, else the factory
 * offset) -> kPa through a lookup table of the calibration curve -> dead cells filled from their neighbours
 * ({@link CalibrationStage}) -> exponential smoothing -> per-cell noise floor -> force, area, peak, centre of
 * pressure, per-region values ({@link FrameMeasure}) -> tare capture and baseline drift tracking while nothing is
 * pressed -> flag detectors with debounce and hysteresis ({@link FlagBook}) -> session accumulators, movement
 * and routine tracking. docs/SIGNAL.md describes each step.
 *
 * <p>{@link #checkpoint()} / {@link #restore} capture and restore everything carried from frame to frame (every
 * stage is {@link Checkpointable}), so a replay can seek exactly without re-running from the start.
 */
public final class SignalPipeline implements Checkpointable<PipelineState> {


    private DeviceDescriptor descriptor;
    private final int rows;
    private final int cols;
    private final int n;

    private final CalibrationStage calibration;
    private final BodyPlacement body;
    private final FrameMeasure measure;
    private final FlagBook flags = new FlagBook();
    private final SessionAccumulator session = new SessionAccumulator();
    private final List<TechniqueListener> techniqueListeners = new CopyOnWriteArrayList<>();
    private final TechniqueTracker technique;

    private SignalSettings settings;
    private final FrameIntake intake;

    /** Gentle profile, default body map centred on the mat, factory calibration. */
    public SignalPipeline(DeviceDescriptor descriptor) {
        this(descriptor, SignalSettings.defaults());
    }

    public SignalPipeline(DeviceDescriptor descriptor, SignalSettings settings) {
        this.descriptor = descriptor;
        this.rows = descriptor.rows();
        this.cols = descriptor.cols();
        this.n = descriptor.cellCount();
        this.intake = new FrameIntake(n, descriptor.rateHz());
        this.settings = settings;
        this.calibration = new CalibrationStage(descriptor, settings.userCalibration(), settings.noiseFloorKpa(),
                settings.noiseSigmas());
        double cellMm2 = descriptor.isGlove() ? settings.taxelAreaMm2() : descriptor.pitchXmm() * descriptor.pitchYmm();
        this.measure = new FrameMeasure(descriptor, cellMm2);
        this.technique = new TechniqueTracker(rows, cols, measure.colX(), measure.rowY(), cellMm2,
                descriptor.isGlove(), techniqueListeners);
        this.body = new BodyPlacement(descriptor, settings.bodyMap(), settings.registration());
        flags.configure(settings.profile(), settings.personalLimits());
    }

    public DeviceDescriptor descriptor() {
        return descriptor;
    }

    /**
     * A re-sent HELLO: the same sensor ({@link DeviceDescriptor#sameSensorAs}) continues at its new rate, keeping all
     * state (true); a different one changes nothing (false: the caller starts a new segment).
     */
    public boolean continueWith(DeviceDescriptor d) {
        if (!descriptor.sameSensorAs(d)) {
            return false;
        }
        descriptor = d;
        intake.setRate(d.rateHz());
        return true;
    }

    public SignalSettings settings() {
        return settings;
    }

    public Profile profile() {
        return settings.profile();
    }

    /** Switches settings mid-stream; tare, open events and accumulators carry on (thresholds: next frame). */
    public void applySettings(SignalSettings s) {
        settings = s;
        calibration.configure(s.userCalibration(), s.noiseFloorKpa(), s.noiseSigmas());
        body.place(s.bodyMap(), s.registration() != null ? s.registration() : body.registration());
        flags.configure(s.profile(), s.personalLimits());
    }

    /** Sets the receiver's personal ceilings (from {@link PersonalLimitsStore}) for the rest of the session. */
    public void setPersonalLimits(PersonalLimits limits) {
        applySettings(settings.withPersonalLimits(limits));
    }

    /** Replaces the calibration (null = back to factory) and remembers it in the settings. */
    public void applyUserCalibration(UserCalibration user) {
        applySettings(settings.withUserCalibration(user));
    }

    public void addListener(FlagListener listener) {
        flags.addListener(listener);
    }

    public void removeListener(FlagListener listener) {
        flags.removeListener(listener);
    }

    /** Processes one frame. Hot path: no allocation (except event objects when a flag starts or ends). */
    public void process(RawFrame frame) {
        long dt = intake.accept(frame);
        if (dt < 0) {
            return;
        }
        int[] counts = frame.counts();
        long t = frame.deviceTimeUs();
        float[] raw = calibration.toKpa(counts);
        measure.measure(raw, calibration.floorKpa(), body.regionRuns(), (float) settings.filterAlpha(), dt,
                body.pose());
        double peakKpa = measure.peakKpa();
        calibration.afterMeasure(t, counts, dt, peakKpa, intake.periodUs(), settings.profile().spineContactKpa(),
                settings.driftTimeConstantS());
        double[] rPeak = measure.regionPeak();
        flags.update(t, rPeak);
        double force = measure.totalForceN();
        session.add(t, dt, force, peakKpa, rPeak, measure.regionForce(), settings.profile());
        // a glove's taxels have no positions (protocol v1 POSE is one point): it is one contact at its pose
        Profile p = settings.profile();
        if (settings.technique()) {
            technique.update(t, dt, measure.kpa(), measure.loadedCells(), measure.loadedCount(), body.pose(),
                    p.spineContactKpa(), body.registration(), settings.bodyMap(), p,
                    measure.sideForceN(BodyRegion.Side.LEFT), measure.sideForceN(BodyRegion.Side.RIGHT), session.touched());
        }
        if (force > 0 && body.traceActive()) {
            body.trace(measure.kpa(), measure.colX(), measure.rowY(), peakKpa, measure.copX(), measure.copY());
        }
    }

    public DriftStatus driftStatus() {
        return calibration.driftStatus();
    }

    /** Captures a no-touch baseline over the next {@code seconds} (2-5 s typical); frames go on meanwhile. */
    public void startTare(double seconds) {
        calibration.startTare(seconds);
    }

    public void cancelTare() {
        calibration.cancelTare();
    }

    /** Uses a tare result (baseline, per-cell noise floor, dead cells), e.g. from a recording's metadata. */
    public void applyTare(TareResult t) {
        calibration.applyTare(t);
    }

    public TareState tareState() {
        return calibration.tareState(intake.timeUs(), intake.periodUs());
    }

    /** Cells excluded: found by the tare, then any found during use ("reads 0 under load"). */
    public List<DeadCell> deadCells() {
        return calibration.deadCells();
    }

    public CalibrationState calibrationState() {
        return calibration.calibrationState();
    }

    /** For the calibration wizard: mean counts above the baseline of the loaded cells, with the pressure applied. */
    public LoadPoint captureLoadPoint(double appliedKpa) {
        return calibration.loadPoint(measure.kpa(), appliedKpa);
    }

    /** The receiver's button. A "too much" marker also yields a {@link CeilingOffer} for the loaded region. */
    public void onMarker(long deviceTimeUs, Payloads.Marker marker) {
        flags.marker(deviceTimeUs, marker, measure.regionPeak());
    }

    /** Glove position: every taxel's contact is resolved to the region under this point. */
    public void onPose(long deviceTimeUs, Payloads.Pose p) {
        body.onPose(p.xMm(), p.yMm());
    }

    /** Personal ceilings suggested by "too much" markers so far. */
    public List<CeilingOffer> ceilingOffers() {
        return flags.ceilingOffers();
    }

    /** Closes any open event at the end of a stream. */
    public void finish(long endDeviceTimeUs) {
        flags.finish();
        technique.finish(endDeviceTimeUs);
    }

    /** All events so far, closed and open (open ones with their peak so far), in start order. */
    public List<FlagEvent> events() {
        return flags.events();
    }

    /** Immutable copy of the latest processed frame, or null before the first frame. Allocates. */
    public FrameSnapshot snapshot() {
        return intake.hasFrame() ? snapshotOf(measure.kpa().clone()) : null;
    }

    /**
     * Like {@link #snapshot()}, but the per-cell kPa are copied into {@code cells} (length rows x cols), which
     * the snapshot then shares: for an offline pass that is done with a frame before it processes the next
     * (analysis), so the largest per-frame copy is not allocated every frame. Never for a hand-off to another
     * thread. Null before the first frame.
     */
    public FrameSnapshot snapshotInto(float[] cells) {
        if (!intake.hasFrame()) {
            return null;
        }
        System.arraycopy(measure.kpa(), 0, cells, 0, n);
        return snapshotOf(cells);
    }

    private FrameSnapshot snapshotOf(float[] cells) {
        return new FrameSnapshot(intake.index(), intake.timeUs(), intake.hostNanos(), rows, cols, cells, measure.totalForceN(),
                measure.areaCm2(), measure.peakKpa(), measure.copX(), measure.copY(), measure.regionValues(),
                flags.active());
    }

    /** Session metrics so far (call after {@link #finish} for the final figures). Allocates. */
    public SessionMetrics metrics() {
        double holdS = settings.profile().holdTimeS();
        return session.metrics(settings.profile().id(), events(), technique.movementCounts(holdS), rows, cols,
                measure.coverage());
    }

    /** Region of every cell (null = off the back), row-major. For a glove: the region under the current pose. */
    public BodyRegion[] cellRegions() {
        return body.cellRegions();
    }

    /** Region outlines in mat mm for drawing over the heatmap. */
    public List<RegionOutline> regionOutlines() {
        return body.outlines();
    }

    /** Physical mat size [width, length] in mm (the body map's reference size for a glove). */
    public double[] matSizeMm() {
        return body.matSizeMm();
    }

    public Registration registration() {
        return body.registration();
    }

    /** Re-positions the body map by hand (or from a recording's metadata). */
    public void setRegistration(Registration r) {
        applySettings(settings.withRegistration(r));
    }

    /** The active profile's band for a region with the receiver's ceiling applied to its hard max, or null. */
    public Band band(BodyRegion r) {
        return flags.band(r);
    }

    /** Threshold of the flag watching a region: contact level for spine / bones, hard max for muscles. */
    public double flagThreshold(BodyRegion r) {
        return flags.threshold(r);
    }

    /** Added delay of the temporal filter, ms (at the descriptor's frame rate). */
    public double filterDelayMs() {
        return settings.filterDelayFrames() * intake.periodUs() / 1000.0;
    }

    /** Starts collecting the centre-of-pressure track; the user runs a finger from the sacrum up the spine. */
    public void startSpineTrace() {
        body.startTrace();
    }

    public boolean spineTraceActive() {
        return body.traceActive();
    }

    public void cancelSpineTrace() {
        body.cancelTrace();
    }

    /** Fits the midline (degree 1 straight, 2 curved), applies it; IllegalStateException if the trace is short. */
    public Registration finishSpineTrace(int degree) {
        Registration r = body.finishTrace(degree);
        setRegistration(r);
        return r;
    }

    /** Follows a guided routine from the next frame ({@link Routine#defaultRoutine()}), replacing any other. */
    public void startRoutine(Routine r) {
        technique.startRoutine(r);
    }

    public void stopRoutine() {
        technique.stopRoutine();
    }

    /** Skips the current routine step on purpose (the trainee's "skip"); a recorded command. */
    public void skipRoutineStep() {
        technique.skipStep();
    }

    /** Progress of the routine (statuses, counts, hold timer), or null when none was started. Allocates. */
    public RoutineProgress routineProgress() {
        return technique.routineProgress();
    }

    /** Told about every movement (with its feedback) and every routine step change, on this pipeline's thread. */
    public void addTechniqueListener(TechniqueListener l) {
        techniqueListeners.add(l);
    }

    public void removeTechniqueListener(TechniqueListener l) {
        techniqueListeners.remove(l);
    }

    /** Contacts now, live left / right balance, hold timer, latest feedback. Allocates. */
    public TechniqueSnapshot technique() {
        return technique.snapshot();
    }

    /** Every movement so far (per tracked contact), in the order they ended. Allocates. */
    public List<Movement> movements() {
        return technique.movements();
    }

    /** Tracked contacts since the start. */
    public int contactsSeen() {
        return technique.contactsSeen();
    }

    /** Frames ignored because their size did not match the descriptor. */
    public long badFrames() {
        return intake.badFrames();
    }

    /** Everything this pipeline carries from frame to frame (listeners excepted). Allocates (tens of kB). */
    @Override
    public PipelineState checkpoint() {
        return new PipelineState(descriptor, intake.periodUs(), settings, intake.index(), intake.timeUs(),
                intake.hostNanos(), intake.hasFrame(), intake.badFrames(), calibration.checkpoint(), body.checkpoint(),
                measure.checkpoint(), flags.checkpoint(), session.checkpoint(), technique.checkpoint());
    }

    /** Restores a checkpoint of a pipeline for the same device (listeners stay as they are). */
    @Override
    public void restore(PipelineState s) {
        descriptor = s.descriptor();
        settings = s.settings();
        intake.restore(s);
        calibration.restore(s.calibration());
        body.restore(s.body());
        measure.restore(s.measure());
        flags.restore(s.flags());
        session.restore(s.session());
        technique.restore(s.technique());
    }
}
