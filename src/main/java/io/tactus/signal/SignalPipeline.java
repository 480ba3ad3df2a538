package io.tactus.signal;

import io.tactus.device.RawFrame;
import io.tactus.protocol.DeviceDescriptor;
import io.tactus.protocol.Payloads;
import io.tactus.signal.body.BodyRegion;
import io.tactus.signal.body.RegionGrid;
import io.tactus.signal.body.RegionOutline;
import io.tactus.signal.body.Registration;
import io.tactus.signal.body.SpineTracer;
import io.tactus.signal.calibration.CalibrationCurve;
import io.tactus.signal.calibration.CalibrationState;
import io.tactus.signal.calibration.CountsLut;
import io.tactus.signal.calibration.DeadCell;
import io.tactus.signal.calibration.DeadCellMap;
import io.tactus.signal.calibration.DriftStatus;
import io.tactus.signal.calibration.LoadPoint;
import io.tactus.signal.calibration.TareCapture;
import io.tactus.signal.calibration.TareResult;
import io.tactus.signal.calibration.TareState;
import io.tactus.signal.calibration.UserCalibration;
import io.tactus.signal.flags.Band;
import io.tactus.signal.flags.CeilingOffer;
import io.tactus.signal.flags.FlagDetector;
import io.tactus.signal.flags.FlagEvent;
import io.tactus.signal.flags.FlagListener;
import io.tactus.signal.flags.FlagType;
import io.tactus.signal.flags.PersonalLimits;
import io.tactus.signal.flags.Profile;
import io.tactus.signal.flags.Profiles;
import io.tactus.signal.metrics.RegionValue;
import io.tactus.signal.metrics.SessionAccumulator;
import io.tactus.signal.metrics.SessionMetrics;
import io.tactus.signal.store.PersonalLimitsStore;
import io.tactus.signal.technique.Direction;
import io.tactus.signal.technique.Movement;
import io.tactus.signal.technique.Routine;
import io.tactus.signal.technique.RoutineCoach;
import io.tactus.signal.technique.TechniqueListener;
import io.tactus.signal.technique.TechniqueSnapshot;
import io.tactus.signal.technique.TechniqueTracker;
import io.tactus.signal.technique.RoutineProgress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The signal core facade: raw frames in, calibrated pressure, regions, flags and metrics out. One instance per
 * device stream, used from one thread (listeners are called on it). Deterministic: the same frames, markers and
 * settings give the same events and metrics, live or replayed.
 *
 * <p>Per frame ({@link #process}, no allocation): counts minus the zero-load baseline (tare, else the factory
 * offset) -> kPa through a lookup table of the calibration curve -> dead cells filled from their neighbours ->
 * exponential smoothing -> per-cell noise floor -> force, area, peak, centre of pressure, per-region values ->
 * flag detectors (debounce, hysteresis) -> session accumulators and movement tracking -> baseline drift tracking
 * while nothing is pressed. docs/SIGNAL.md describes each step.
 */
public final class SignalPipeline implements FlagDetector.Sink {

    private static final System.Logger LOG = System.getLogger(SignalPipeline.class.getName());
    private static final int NREG = BodyRegion.values().length;
    private static final BodyRegion[] REGIONS = BodyRegion.values();

    private DeviceDescriptor descriptor;
    private final boolean glove;
    private final int rows;
    private final int cols;
    private final int n;
    private final int adcMax;
    private final double matW;
    private final double matH;
    private final double cellAreaMm2;
    private double periodUs;
    private final double[] colX;
    private final double[] rowY;
    private final List<FlagListener> listeners = new CopyOnWriteArrayList<>();
    private final List<FlagEvent> events = new ArrayList<>();
    private final List<CeilingOffer> offers = new ArrayList<>();

    private SignalSettings settings;
    private CalibrationCurve curve;
    private String calSource;
    private String factorySource;
    private final CalibrationCurve factoryCurve;
    private CountsLut lut;
    private Registration registration;
    private int[] cellRegion;

    // per-cell state
    private final float[] base;
    private final float[] refBase;
    private final float[] floorKpa;
    private final float[] raw;
    private final float[] filt;
    private final float[] kpa;
    private final double[] coverage;
    private boolean primed;
    private int[] lastCounts;

    // dead cells
    private final DeadCellMap deadCells;
    private TareResult tare;

    // frame results
    private long index;
    private long timeUs;
    private long hostNanos;
    private boolean hasFrame;
    private double totalForceN;
    private double areaCm2;
    private double peakKpa;
    private double copX = Double.NaN;
    private double copY = Double.NaN;
    private final double[] rForce = new double[NREG];
    private final double[] rPeak = new double[NREG];
    private final double[] rSum = new double[NREG];
    private final int[] rLoaded = new int[NREG];

    // flags
    private final FlagDetector[] detectors = new FlagDetector[NREG];
    private final double[] hardMax = new double[NREG];

    // session
    private final SessionAccumulator session = new SessionAccumulator();
    private final List<TechniqueListener> techniqueListeners = new CopyOnWriteArrayList<>();
    private final TechniqueTracker technique;

    // tare capture (allocated on the first tare)
    private TareCapture tareCapture;

    // drift
    private long idleFrames;
    private double driftMeanKpa;
    private double driftMaxKpa;

    // glove pose
    private double poseX = Double.NaN;
    private double poseY = Double.NaN;

    private final SpineTracer tracer = new SpineTracer();
    private final boolean[] touched = new boolean[NREG];
    private long badFrames;

    /** Gentle profile, default body map centred on the mat, factory calibration. */
    public SignalPipeline(DeviceDescriptor descriptor) {
        this(descriptor, SignalSettings.defaults());
    }

    public SignalPipeline(DeviceDescriptor descriptor, SignalSettings settings) {
        this.descriptor = descriptor;
        this.glove = descriptor.isGlove();
        this.rows = descriptor.rows();
        this.cols = descriptor.cols();
        this.n = descriptor.cellCount();
        this.adcMax = (1 << Math.max(1, Math.min(16, descriptor.adcBits()))) - 1;
        double[] ref = settings.bodyMap().referenceSizeMm();
        this.matW = glove ? ref[0] : cols * descriptor.pitchXmm();
        this.matH = glove ? ref[1] : rows * descriptor.pitchYmm();
        this.cellAreaMm2 = glove ? settings.taxelAreaMm2() : descriptor.pitchXmm() * descriptor.pitchYmm();
        this.periodUs = 1e6 / (descriptor.rateHz() > 0 ? descriptor.rateHz() : 100);
        colX = new double[cols];
        rowY = new double[rows];
        for (int c = 0; c < cols; c++) {
            colX[c] = (c + 0.5) * descriptor.pitchXmm();
        }
        for (int r = 0; r < rows; r++) {
            rowY[r] = (r + 0.5) * descriptor.pitchYmm();
        }
        base = new float[n];
        refBase = new float[n];
        floorKpa = new float[n];
        raw = new float[n];
        filt = new float[n];
        kpa = new float[n];
        coverage = new double[n];
        deadCells = new DeadCellMap(rows, cols, glove);
        for (BodyRegion r : REGIONS) {
            detectors[r.ordinal()] = new FlagDetector(switch (r.kind()) {
                case SPINE -> FlagType.SPINE_CONTACT;
                case BONE -> FlagType.BONE_CONTACT;
                case MUSCLE -> FlagType.EXCESS_PRESSURE;
            }, r);
        }
        this.settings = settings;
        this.technique = new TechniqueTracker(rows, cols, colX, rowY, cellAreaMm2, techniqueListeners);
        factoryCurve = factoryCurve();
        applyCalibration(settings.userCalibration());
        // before a tare the zero-load reading is the factory offset (a user curve is fitted on tared counts)
        float off = (float) factoryCurve.offsetCounts();
        Arrays.fill(base, off);
        Arrays.fill(refBase, off);
        Arrays.fill(floorKpa, (float) settings.noiseFloorKpa());
        applyRegistration(settings.registration() != null ? settings.registration() : Registration.centred(matW));
        configureDetectors();
    }

    // ------------------------------------------------------------------ configuration

    public DeviceDescriptor descriptor() {
        return descriptor;
    }

    /**
     * A HELLO arrived while this pipeline runs (a device re-sends it after SET_RATE, or when asked). The one place
     * that decides whether the session goes on with this pipeline: for the same sensor (only the frame rate may
     * differ, {@link DeviceDescriptor#sameSensorAs}) it adopts the new rate and returns true, keeping every
     * event, tare, calibration and total; for a different sensor it returns false and changes nothing: the
     * caller finishes this pipeline as a segment and starts a new one.
     */
    public boolean continueWith(DeviceDescriptor d) {
        if (!descriptor.sameSensorAs(d)) {
            return false;
        }
        descriptor = d;
        periodUs = 1e6 / (d.rateHz() > 0 ? d.rateHz() : 100);
        return true;
    }

    public SignalSettings settings() {
        return settings;
    }

    public Profile profile() {
        return settings.profile();
    }

    /** The built-in profiles (Gentle / home, Swedish, Deep tissue, Trigger point). */
    public static List<Profile> builtInProfiles() {
        return Profiles.builtIn();
    }

    /**
     * Switches profile, body map, registration, filter or limits mid-stream. Tare, calibration state, open events
     * and session accumulators carry on (a changed threshold applies from the next frame).
     */
    public void applySettings(SignalSettings s) {
        SignalSettings old = settings;
        settings = s;
        if (s.userCalibration() != old.userCalibration()) {
            applyCalibration(s.userCalibration());
        }
        recomputeFloors();
        applyRegistration(s.registration() != null ? s.registration() : registration);
        configureDetectors();
    }

    /** Sets the receiver's personal ceilings (from {@link PersonalLimitsStore}) for the rest of the session. */
    public void setPersonalLimits(PersonalLimits limits) {
        applySettings(settings.withPersonalLimits(limits));
    }

    private void applyCalibration(UserCalibration user) {
        if (user != null) {
            curve = user.curve();
            calSource = "user";
        } else {
            curve = factoryCurve;
            calSource = factorySource;
        }
        lut = new CountsLut(curve, descriptor.adcBits());
    }

    /** The descriptor's factory curve; a model this version does not know reads as uncalibrated, not a crash. */
    private CalibrationCurve factoryCurve() {
        try {
            CalibrationCurve c = CalibrationCurve.fromDescriptor(descriptor.calibration());
            factorySource = descriptor.calibration() == null ? "uncalibrated" : "factory";
            return c;
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "factory calibration ignored: " + e.getMessage());
            factorySource = "uncalibrated (factory calibration unusable: " + e.getMessage() + ")";
            return CalibrationCurve.linear(1.0, 0);
        }
    }

    /** Replaces the calibration (null = back to factory) and remembers it in the settings. */
    public void applyUserCalibration(UserCalibration user) {
        applySettings(settings.withUserCalibration(user));
    }

    private void applyRegistration(Registration r) {
        registration = r;
        if (glove) {
            cellRegion = new int[n];
            Arrays.fill(cellRegion, regionOrdinalAt(poseX, poseY));
        } else {
            cellRegion = RegionGrid.cellRegions(descriptor, settings.bodyMap(), r);
        }
    }

    private int regionOrdinalAt(double x, double y) {
        if (Double.isNaN(x)) {
            return -1;
        }
        BodyRegion g = settings.bodyMap().regionAt(registration.bodyX(x, y), registration.bodyY(y));
        return g == null ? -1 : g.ordinal();
    }

    private void configureDetectors() {
        Profile p = settings.profile();
        long deb = Math.round(p.debounceMs() * 1000);
        long rel = Math.round(p.releaseMs() * 1000);
        PersonalLimits lim = settings.personalLimits();
        for (BodyRegion r : REGIONS) {
            double on;
            if (r.kind() == BodyRegion.Kind.SPINE) {
                on = p.spineContactKpa();
            } else if (r.kind() == BodyRegion.Kind.BONE) {
                on = p.boneContactKpa();
            } else {
                Band b = p.band(r);
                on = b == null ? Double.POSITIVE_INFINITY : b.hardMaxOrInfinity();
                if (lim != null) {
                    on = Math.min(on, lim.ceiling(r));
                }
            }
            hardMax[r.ordinal()] = on;
            FlagDetector d = detectors[r.ordinal()];
            if (d.isActive() && d.threshold() != on) {
                // a new threshold (profile switch, personal ceiling) closes the event raised under the old one;
                // the next frame re-evaluates the region against the new one
                d.finish(this);
            }
            d.configure(on, p.hysteresis(), deb, rel);
        }
    }

    public void addListener(FlagListener listener) {
        listeners.add(listener);
    }

    public void removeListener(FlagListener listener) {
        listeners.remove(listener);
    }

    // ------------------------------------------------------------------ hot path

    /** Processes one frame. Hot path: no allocation (except event objects when a flag starts or ends). */
    public void process(RawFrame frame) {
        int[] counts = frame.counts();
        if (counts.length != n) {
            if (badFrames++ == 0) {
                LOG.log(System.Logger.Level.WARNING, "frame of " + counts.length + " cells ignored: descriptor has "
                        + n + " (logged once)");
            }
            return;
        }
        long t = frame.deviceTimeUs();
        long dt = hasFrame ? Math.max(0, Math.min(t - timeUs, Math.round(4 * periodUs))) : Math.round(periodUs);
        index = frame.index();
        timeUs = t;
        hostNanos = frame.hostNanos();
        hasFrame = true;
        lastCounts = counts;

        calibrate(counts);
        deadCells.watch(counts, raw);
        deadCells.fill(raw);
        measure(dt);
        if (tareActive() && tareCapture.add(t, counts, periodUs)) {
            applyTare(tareCapture.evaluate(lut, factoryCurve.offsetCounts(), settings.profile().spineContactKpa(),
                    settings.noiseFloorKpa(), settings.noiseSigmas()));
        }
        if (!glove) {
            trackDrift(counts, dt);
        }
        for (int g = 0; g < NREG; g++) {
            detectors[g].update(t, rPeak[g], this);
        }
        session.add(t, dt, totalForceN, peakKpa, rPeak, rForce, settings.profile(), touched);
        trackTechnique(t, dt);
        if (totalForceN > 0 && tracer.active()) {
            traceFocusedCentre();
        }
    }

    private void calibrate(int[] counts) {
        final CountsLut l = lut;
        final float[] b = base;
        final float[] rw = raw;
        for (int i = 0; i < n; i++) {
            rw[i] = l.kpa(counts[i] - b[i]);
        }
    }

    private void measure(long dt) {
        final float a = (float) settings.filterAlpha();
        final float[] rw = raw;
        final float[] f = filt;
        final float[] out = kpa;
        final float[] fl = floorKpa;
        final int[] reg = cellRegion;
        final double forcePerKpa = cellAreaMm2 / 1000.0;
        final double dts = dt / 1e6;
        if (!primed) {
            System.arraycopy(rw, 0, f, 0, n);
            primed = true;
        }
        Arrays.fill(rForce, 0);
        Arrays.fill(rPeak, 0);
        Arrays.fill(rSum, 0);
        Arrays.fill(rLoaded, 0);
        double force = 0;
        double sx = 0;
        double sy = 0;
        double pk = 0;
        int loaded = 0;
        for (int r = 0, i = 0; r < rows; r++) {
            double rowForce = 0;
            for (int c = 0; c < cols; c++, i++) {
                float v = f[i] + a * (rw[i] - f[i]);
                f[i] = v;
                if (v < fl[i]) {
                    out[i] = 0f;
                    continue;
                }
                out[i] = v;
                double fn = v * forcePerKpa;
                rowForce += fn;
                sx += fn * colX[c];
                loaded++;
                if (v > pk) {
                    pk = v;
                }
                coverage[i] += v * dts;
                int g = reg[i];
                if (g >= 0) {
                    rForce[g] += fn;
                    rSum[g] += v;
                    rLoaded[g]++;
                    if (v > rPeak[g]) {
                        rPeak[g] = v;
                    }
                }
            }
            force += rowForce;
            sy += rowForce * rowY[r];
        }
        totalForceN = force;
        areaCm2 = loaded * cellAreaMm2 / 100.0;
        peakKpa = pk;
        if (force > 0) {
            if (glove) {
                copX = poseX;
                copY = poseY;
            } else {
                copX = sx / force;
                copY = sy / force;
            }
        } else {
            copX = Double.NaN;
            copY = Double.NaN;
        }
    }

    // ------------------------------------------------------------------ drift

    private void trackDrift(int[] counts, long dt) {
        double tau = settings.driftTimeConstantS();
        if (tau <= 0) {
            return;
        }
        // "nothing pressed": no live cell above a light touch. Cells are then at their baseline plus noise.
        double idleKpa = Math.max(3.0, 2 * medianFloor());
        if (peakKpa >= idleKpa || tareActive()) {
            return;
        }
        float beta = (float) Math.min(1.0, dt / (tau * 1e6));
        double sum = 0;
        float max = 0;
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (deadCells.isDead(i) || counts[i] == 0) {
                continue; // a zero is zero-suppression or a broken trace, never a baseline
            }
            base[i] += beta * (counts[i] - base[i]);
            float d = Math.abs(base[i] - refBase[i]);
            sum += d;
            m++;
            if (d > max) {
                max = d;
            }
        }
        idleFrames++;
        driftMeanKpa = m == 0 ? 0 : lut.kpa((float) (sum / m));
        driftMaxKpa = lut.kpa(max);
    }

    private double medianFloorCache = -1;

    private double medianFloor() {
        if (medianFloorCache < 0) {
            medianFloorCache = tare != null ? tare.noiseFloorKpa() : settings.noiseFloorKpa();
        }
        return medianFloorCache;
    }

    public DriftStatus driftStatus() {
        return new DriftStatus(driftMeanKpa, driftMaxKpa, driftMeanKpa > medianFloor(), idleFrames);
    }

    // ------------------------------------------------------------------ tare

    /**
     * Starts capturing a no-touch baseline over the next {@code seconds} of device time (2-5 s is typical). The
     * mat must not be touched meanwhile. Frames keep being processed with the previous baseline.
     */
    public void startTare(double seconds) {
        if (!(seconds > 0) || seconds > 60) {
            throw new IllegalArgumentException("tare duration must be in (0, 60] s, got " + seconds);
        }
        if (tareCapture == null) {
            tareCapture = new TareCapture(n, cols, glove, adcMax);
        }
        tareCapture.start(Math.round(seconds * 1e6));
    }

    public void cancelTare() {
        if (tareCapture != null) {
            tareCapture.cancel();
        }
    }

    private boolean tareActive() {
        return tareCapture != null && tareCapture.active();
    }

    /**
     * Uses a tare result (from {@link #startTare} or a recording's metadata, so a replay sees the same baseline):
     * baseline, per-cell noise floor, dead cells.
     */
    public void applyTare(TareResult t) {
        if (t.baselineCounts().length != n) {
            throw new IllegalArgumentException("tare has " + t.baselineCounts().length + " cells, mat has " + n);
        }
        tare = t;
        medianFloorCache = -1;
        float[] b = t.baselineCounts();
        for (int i = 0; i < n; i++) {
            base[i] = b[i];
            refBase[i] = b[i];
        }
        recomputeFloors();
        deadCells.setFromTare(t.deadCells());
        driftMeanKpa = 0;
        driftMaxKpa = 0;
    }

    /** Per-cell noise floors from the settings, the tare's noise and the current calibration curve. */
    private void recomputeFloors() {
        medianFloorCache = -1;
        float min = (float) settings.noiseFloorKpa();
        if (tare == null) {
            Arrays.fill(floorKpa, min);
            return;
        }
        float[] s = tare.noiseCounts();
        for (int i = 0; i < n; i++) {
            floorKpa[i] = Math.max(min, lut.kpa((float) (settings.noiseSigmas() * s[i])));
        }
    }

    public TareState tareState() {
        if (tareActive()) {
            return new TareState(TareState.Status.CAPTURING, tareCapture.progress(timeUs, periodUs), tare);
        }
        return new TareState(tare == null ? TareState.Status.NONE : TareState.Status.DONE, tare == null ? 0 : 1, tare);
    }

    /** Cells excluded: found by the tare, then any found during use ("reads 0 under load"). */
    public List<DeadCell> deadCells() {
        return deadCells.all();
    }

    // ------------------------------------------------------------------ calibration helpers

    public CalibrationState calibrationState() {
        UserCalibration u = settings.userCalibration();
        return new CalibrationState(calSource, curve.describe(), u == null ? Double.NaN : u.rmsErrorPct(),
                tare != null, medianFloor(), deadCells().size());
    }

    /**
     * For the calibration wizard: mean counts above the zero-load baseline over the cells loaded in the latest
     * frame, paired with the pressure really applied.
     *
     * @throws IllegalStateException when nothing is loaded
     */
    public LoadPoint captureLoadPoint(double appliedKpa) {
        if (lastCounts == null) {
            throw new IllegalStateException("no frame yet");
        }
        double s = 0;
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (kpa[i] > 0 && !deadCells.isDead(i)) {
                s += lastCounts[i] - base[i];
                m++;
            }
        }
        if (m == 0) {
            throw new IllegalStateException("nothing is loaded: place the weight on the mat first");
        }
        return new LoadPoint(Math.max(0, s / m), appliedKpa);
    }

    // ------------------------------------------------------------------ markers, pose

    /** The receiver's button. A "too much" marker also yields a {@link CeilingOffer} for the loaded region. */
    public void onMarker(long deviceTimeUs, Payloads.Marker marker) {
        int best = -1;
        for (int g = 0; g < NREG; g++) {
            if (rPeak[g] > 0 && (best < 0 || rPeak[g] > rPeak[best])) {
                best = g;
            }
        }
        BodyRegion region = best < 0 ? null : REGIONS[best];
        double pk = best < 0 ? 0 : rPeak[best];
        String what = switch (marker.code()) {
            case Payloads.Marker.TOO_MUCH -> "too_much";
            case Payloads.Marker.MORE -> "more";
            case Payloads.Marker.BUTTON -> "button";
            default -> "code_" + marker.code();
        };
        String text = marker.text() == null || marker.text().isEmpty() ? what : what + ": " + marker.text();
        FlagEvent e = new FlagEvent(FlagType.MARKER, deviceTimeUs, deviceTimeUs, region, pk, text);
        events.add(e);
        for (FlagListener l : listeners) {
            l.onFlagStart(e);
            l.onFlagEnd(e);
        }
        if (marker.code() == Payloads.Marker.TOO_MUCH && region != null) {
            offers.add(new CeilingOffer(deviceTimeUs, region, pk));
        }
    }

    /** Glove position: every taxel's contact is resolved to the region under this point. */
    public void onPose(long deviceTimeUs, Payloads.Pose pose) {
        if (!glove) {
            return;
        }
        poseX = pose.xMm();
        poseY = pose.yMm();
        Arrays.fill(cellRegion, regionOrdinalAt(poseX, poseY));
    }

    /** Personal ceilings suggested by "too much" markers so far. */
    public List<CeilingOffer> ceilingOffers() {
        return List.copyOf(offers);
    }

    // ------------------------------------------------------------------ flags

    @Override
    public void confirmed(FlagDetector d) {
        String detail = switch (d.type) {
            case SPINE_CONTACT -> "spine band above " + fmt(d.threshold()) + " kPa";
            case BONE_CONTACT -> "bone (" + d.region.id() + ") above " + fmt(d.threshold()) + " kPa";
            default -> {
                Band b = settings.profile().band(d.region);
                boolean personal = b == null || d.threshold() < b.hardMaxOrInfinity();
                yield (personal ? "above personal ceiling " : "above hard max ") + fmt(d.threshold()) + " kPa";
            }
        };
        FlagEvent e = new FlagEvent(d.type, d.startUs, FlagEvent.OPEN, d.region, d.peak, detail);
        d.eventIndex = events.size();
        events.add(e);
        for (FlagListener l : listeners) {
            l.onFlagStart(e);
        }
    }

    @Override
    public void ended(FlagDetector d) {
        FlagEvent open = events.get(d.eventIndex);
        FlagEvent e = new FlagEvent(d.type, d.startUs, d.lastAboveUs, d.region, d.peak, open.detail());
        events.set(d.eventIndex, e);
        d.eventIndex = -1;
        for (FlagListener l : listeners) {
            l.onFlagEnd(e);
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    /** Closes any open event at the end of a stream. */
    public void finish(long endDeviceTimeUs) {
        for (FlagDetector d : detectors) {
            d.finish(this);
        }
        technique.finish(endDeviceTimeUs);
    }

    /** All events so far, closed and open (open ones with their peak so far), in start order. */
    public List<FlagEvent> events() {
        List<FlagEvent> out = new ArrayList<>(events.size());
        for (FlagEvent e : events) {
            out.add(e);
        }
        for (FlagDetector d : detectors) {
            if (d.eventIndex >= 0) {
                FlagEvent e = out.get(d.eventIndex);
                out.set(d.eventIndex, new FlagEvent(e.type(), e.startUs(), FlagEvent.OPEN, e.region(), d.peak, e.detail()));
            }
        }
        out.sort(java.util.Comparator.comparingLong(FlagEvent::startUs));
        return List.copyOf(out);
    }

    // ------------------------------------------------------------------ snapshots and metrics

    /** Immutable copy of the latest processed frame, or null before the first frame. Allocates. */
    public FrameSnapshot snapshot() {
        return hasFrame ? snapshotOf(kpa.clone()) : null;
    }

    /**
     * Like {@link #snapshot()}, but the per-cell kPa are copied into {@code cells} (length rows x cols), which
     * the snapshot then shares: for an offline pass that is done with a frame before it processes the next
     * (analysis), so the largest per-frame copy is not allocated every frame. Never for a hand-off to another
     * thread. Null before the first frame.
     */
    public FrameSnapshot snapshotInto(float[] cells) {
        if (!hasFrame) {
            return null;
        }
        System.arraycopy(kpa, 0, cells, 0, n);
        return snapshotOf(cells);
    }

    private FrameSnapshot snapshotOf(float[] cells) {
        RegionValue[] regions = new RegionValue[NREG];
        for (int g = 0; g < NREG; g++) {
            regions[g] = new RegionValue(REGIONS[g], rLoaded[g] == 0 ? 0 : rSum[g] / rLoaded[g], rPeak[g], rForce[g],
                    rLoaded[g]);
        }
        List<FlagEvent> active = new ArrayList<>();
        for (FlagDetector d : detectors) {
            if (d.eventIndex >= 0) {
                FlagEvent e = events.get(d.eventIndex);
                active.add(new FlagEvent(e.type(), e.startUs(), FlagEvent.OPEN, e.region(), d.peak, e.detail()));
            }
        }
        return new FrameSnapshot(index, timeUs, hostNanos, rows, cols, cells, totalForceN, areaCm2, peakKpa, copX,
                copY, regions, List.copyOf(active));
    }

    /** Session metrics so far (call after {@link #finish} for the final figures). Allocates. */
    public SessionMetrics metrics() {
        return session.metrics(settings.profile().id(), events(), movementCounts(), rows, cols, coverage);
    }

    // ------------------------------------------------------------------ body map for the app

    /** BodyRegion of every cell (null = off the back), row-major. For a glove: the region under the current pose. */
    public BodyRegion[] cellRegions() {
        BodyRegion[] out = new BodyRegion[n];
        for (int i = 0; i < n; i++) {
            out[i] = cellRegion[i] < 0 ? null : REGIONS[cellRegion[i]];
        }
        return out;
    }

    /** BodyRegion outlines in mat mm for drawing over the heatmap. */
    public List<RegionOutline> regionOutlines() {
        return RegionGrid.outlines(settings.bodyMap(), registration, matW, matH);
    }

    /** Physical mat size [width, length] in mm (the body map's reference size for a glove). */
    public double[] matSizeMm() {
        return new double[] {matW, matH};
    }

    public Registration registration() {
        return registration;
    }

    /** Re-positions the body map by hand (or from a recording's metadata). */
    public void setRegistration(Registration r) {
        applySettings(settings.withRegistration(r));
    }

    /** The active profile's band for a region with the receiver's ceiling applied to its hard max, or null. */
    public Band band(BodyRegion r) {
        Band b = settings.profile().band(r);
        if (b == null) {
            return null;
        }
        double hm = hardMax[r.ordinal()];
        if (r.kind() != BodyRegion.Kind.MUSCLE || hm == b.hardMaxOrInfinity()) {
            return b;
        }
        return new Band(Math.min(b.targetMin(), hm), Math.min(b.targetMax(), hm), hm);
    }

    /** Threshold of the flag watching a region: contact level for spine / bones, hard max for muscles. */
    public double flagThreshold(BodyRegion r) {
        return hardMax[r.ordinal()];
    }

    /** Added delay of the temporal filter, ms (at the descriptor's frame rate). */
    public double filterDelayMs() {
        return settings.filterDelayFrames() * periodUs / 1000.0;
    }

    // ------------------------------------------------------------------ trace the spine

    /**
     * The trace follows the centre of the cells at or above half the frame's peak: the finger, not a stray noisy
     * cell elsewhere on the mat (those would pull a light finger's whole-mat centre of pressure sideways).
     */
    private void traceFocusedCentre() {
        if (glove) {
            tracer.add(copX, copY);
            return;
        }
        float half = (float) (peakKpa / 2);
        int cells = 0;
        double w = 0;
        double sx = 0;
        double sy = 0;
        for (int r = 0, i = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++, i++) {
                float v = kpa[i];
                if (v >= half) {
                    cells++;
                    w += v;
                    sx += v * colX[c];
                    sy += v * rowY[r];
                }
            }
        }
        if (cells >= 2) { // a finger covers more than one cell; a lone cell is a noise spike
            tracer.add(sx / w, sy / w);
        }
    }

    /** Starts collecting the centre-of-pressure track; the user runs a finger from the sacrum up the spine. */
    public void startSpineTrace() {
        tracer.start();
    }

    public boolean spineTraceActive() {
        return tracer.active();
    }

    public void cancelSpineTrace() {
        tracer.cancel();
    }

    /**
     * Fits the midline to the trace (degree 1 = straight, 2 = curved), applies it and returns it. The shoulder line
     * stays where it was.
     *
     * @throws IllegalStateException with a user-readable reason if the trace is too short
     */
    public Registration finishSpineTrace(int degree) {
        Registration r = tracer.finish(degree, registration.shoulderYmm());
        setRegistration(r);
        return r;
    }

    // ------------------------------------------------------------------ guided routine

    /**
     * Starts following a guided routine from the next frame ({@link Routine#defaultRoutine()} is the guidance's).
     * Replaces any routine in progress.
     */
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

    // ------------------------------------------------------------------ technique

    /**
     * Per-contact tracking and movements. Glove taxels have no positions (protocol v1 POSE is one point), so a
     * glove is not tracked here: its movements are not measured (docs/SIGNAL.md, "Technique").
     */
    private void trackTechnique(long t, long dt) {
        double left = 0;
        double right = 0;
        for (int g = 0; g < NREG; g++) {
            BodyRegion.Side side = REGIONS[g].side();
            if (side == BodyRegion.Side.LEFT) {
                left += rForce[g];
            } else if (side == BodyRegion.Side.RIGHT) {
                right += rForce[g];
            }
        }
        Profile p = settings.profile();
        technique.update(t, dt, glove ? NO_CELLS : kpa, p.spineContactKpa(), registration, settings.bodyMap(), p, left,
                right, touched);
    }

    private static final float[] NO_CELLS = new float[0];

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

    /** The guidance counters of the session metrics, from the per-contact movements. */
    private SessionMetrics.Movement movementCounts() {
        int[] strokes = new int[4];
        int cw = 0;
        int ccw = 0;
        int holds = 0;
        int reaching = 0;
        double target = settings.profile().holdTimeS();
        List<Double> durations = new ArrayList<>();
        for (Movement m : technique.movements()) {
            switch (m.type()) {
                case STROKE -> strokes[m.direction().ordinal()]++;
                case CIRCLE -> {
                    if (m.direction() == Direction.CLOCKWISE) {
                        cw++;
                    } else {
                        ccw++;
                    }
                }
                case HOLD -> {
                    holds++;
                    durations.add(m.durationS());
                    if (m.durationS() >= target - RoutineCoach.HOLD_SLACK_S) {
                        reaching++;
                    }
                }
            }
        }
        return new SessionMetrics.Movement(strokes[Direction.UP.ordinal()], strokes[Direction.DOWN.ordinal()],
                strokes[Direction.OUTWARD.ordinal()], strokes[Direction.INWARD.ordinal()], cw, ccw, holds, reaching,
                target, durations);
    }

    /** Frames ignored because their size did not match the descriptor. */
    public long badFrames() {
        return badFrames;
    }
}
