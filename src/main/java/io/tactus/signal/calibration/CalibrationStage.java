package io.tactus.signal.calibration;

import io.tactus.protocol.DeviceDescriptor;
import io.tactus.signal.state.Checkpointable;
import io.tactus.signal.state.Scratch;
import java.util.Arrays;
import java.util.List;

/**
 * Counts to kPa for one device: the zero-load baseline (tare, else the factory offset, followed for drift by a
 * {@link DriftTracker}), the calibration curve as a lookup table (user curve, else the factory one), dead cells
 * filled from their neighbours ({@link DeadCellMap}), the per-cell noise floors, and the tare capture. The
 * first stage of the pipeline; no allocation per frame.
 */
public final class CalibrationStage implements Checkpointable<CalibrationStage.State> {

    private static final System.Logger LOG = System.getLogger(CalibrationStage.class.getName());

    /**
     * @param floorKpa    shared: replaced when recomputed, never written
     * @param capture     the tare capture in progress, or null
     * @param lastCounts  a copy of the last frame's counts (for a calibration load point), or null
     */
    public record State(UserCalibration user, CalibrationCurve curve, String source, CountsLut lut, TareResult tare,
                        TareCapture.State capture, float[] floorKpa, double floorMinKpa, double sigmas,
                        double medianFloorCache, int[] lastCounts, DeadCellMap.State deadCells,
                        DriftTracker.State drift) {
    }

    private final int n;
    private final int cols;
    private final boolean glove;
    private final int adcBits;
    private final int adcMax;
    private final CalibrationCurve factoryCurve;
    private final String factorySource;
    private final DeadCellMap deadCells;
    private final DriftTracker drift;
    /** Scratch: this frame's kPa before filtering, rewritten by every {@link #toKpa} before it is read. */
    @Scratch
    private final float[] raw;
    private UserCalibration user;
    private CalibrationCurve curve;
    private String source;
    private CountsLut lut;
    private float[] floorKpa;
    private double floorMinKpa;
    private double sigmas;
    private double medianFloorCache = -1;
    private TareResult tare;
    private TareCapture capture;
    private int[] lastCounts;

    /**
     * @param floorMinKpa the settings' noise floor (no cell reads below it)
     * @param sigmas      a tared cell's floor is this many noise sigmas
     */
    public CalibrationStage(DeviceDescriptor descriptor, UserCalibration user, double floorMinKpa, double sigmas) {
        this.n = descriptor.cellCount();
        this.cols = descriptor.cols();
        this.glove = descriptor.isGlove();
        this.adcBits = descriptor.adcBits();
        this.adcMax = (1 << Math.max(1, Math.min(16, adcBits))) - 1;
        CalibrationCurve factory;
        String factoryFrom;
        try {
            factory = CalibrationCurve.fromDescriptor(descriptor.calibration());
            factoryFrom = descriptor.calibration() == null ? "uncalibrated" : "factory";
        } catch (IllegalArgumentException e) {
            // a model this version does not know reads as uncalibrated, not a crash
            LOG.log(System.Logger.Level.WARNING, "factory calibration ignored: " + e.getMessage());
            factoryFrom = "uncalibrated (factory calibration unusable: " + e.getMessage() + ")";
            factory = CalibrationCurve.linear(1.0, 0);
        }
        this.factoryCurve = factory;
        this.factorySource = factoryFrom;
        this.deadCells = new DeadCellMap(descriptor.rows(), cols, glove);
        this.raw = new float[n];
        applyCalibration(user);
        // before a tare the zero-load reading is the factory offset (a user curve is fitted on tared counts)
        this.drift = new DriftTracker(n, (float) factoryCurve.offsetCounts(), adcMax + 1);
        this.floorMinKpa = floorMinKpa;
        this.sigmas = sigmas;
        this.floorKpa = new float[n];
        Arrays.fill(floorKpa, (float) floorMinKpa);
    }

    /** New settings: a different user curve (null = factory) by identity, noise floor and sigmas. */
    public void configure(UserCalibration u, double floorMin, double sig) {
        if (u != user) {
            applyCalibration(u);
        }
        floorMinKpa = floorMin;
        sigmas = sig;
        recomputeFloors();
    }

    private void applyCalibration(UserCalibration u) {
        user = u;
        if (u != null) {
            curve = u.curve();
            source = "user";
        } else {
            curve = factoryCurve;
            source = factorySource;
        }
        lut = new CountsLut(curve, adcBits);
    }

    /**
     * Hot path: counts minus the baseline through the lookup table, dead cells detected and filled. Returns the
     * stage's own buffer (valid until the next call).
     */
    public float[] toKpa(int[] counts) {
        lastCounts = counts;
        final CountsLut l = lut;
        final float[] b = drift.baseline();
        final float[] rw = raw;
        int zeros = 0;
        if (drift.baselineFinite()) {
            zeros = l.kpaAll(counts, b, drift.splitForFrame(), rw);
        } else {
            for (int i = 0; i < n; i++) {
                zeros += counts[i] == 0 ? 1 : 0;
                rw[i] = l.kpa(counts[i] - b[i]);
            }
        }
        deadCells.watch(counts, rw, zeros > 0);
        deadCells.fill(rw);
        return rw;
    }

    /**
     * After the frame was measured: feeds a tare capture in progress (applying the tare when it completes) and,
     * on a mat while nothing is pressed, tracks the baseline's drift.
     *
     * @param touchKpa a tare cell this far above the median means the mat was touched
     * @param driftTauS the drift time constant (0: no drift tracking)
     */
    public void afterMeasure(long t, int[] counts, long dt, double peakKpa, double periodUs, double touchKpa,
                             double driftTauS) {
        if (tareActive() && capture.add(t, counts, periodUs)) {
            TareResult r = capture.evaluate(lut, factoryCurve.offsetCounts(), touchKpa, floorMinKpa, sigmas);
            capture = null;
            applyTare(r);
        }
        if (glove || driftTauS <= 0) {
            return;
        }
        // "nothing pressed": no live cell above a light touch. Cells are then at their baseline plus noise.
        double idleKpa = Math.max(3.0, 2 * medianFloor());
        if (peakKpa >= idleKpa || tareActive()) {
            return;
        }
        drift.track(counts, dt, driftTauS, deadCells, lut);
    }

    /** Per-cell noise floors in kPa; do not modify. */
    public float[] floorKpa() {
        return floorKpa;
    }

    private double medianFloor() {
        if (medianFloorCache < 0) {
            medianFloorCache = tare != null ? tare.noiseFloorKpa() : floorMinKpa;
        }
        return medianFloorCache;
    }

    public DriftStatus driftStatus() {
        return drift.status(medianFloor());
    }

    // ------------------------------------------------------------------ tare

    /** Starts capturing a no-touch baseline over {@code seconds} of device time. */
    public void startTare(double seconds) {
        if (!(seconds > 0) || seconds > 60) {
            throw new IllegalArgumentException("tare duration must be in (0, 60] s, got " + seconds);
        }
        capture = new TareCapture(n, cols, glove, adcMax);
        capture.start(Math.round(seconds * 1e6));
    }

    public void cancelTare() {
        capture = null;
    }

    private boolean tareActive() {
        return capture != null && capture.active();
    }

    /** Uses a tare result: baseline, per-cell noise floor, dead cells. */
    public void applyTare(TareResult t) {
        if (t.baselineCounts().length != n) {
            throw new IllegalArgumentException("tare has " + t.baselineCounts().length + " cells, mat has " + n);
        }
        tare = t;
        drift.reset(t.baselineCounts());
        recomputeFloors();
        deadCells.setFromTare(t.deadCells());
    }

    /** Per-cell noise floors from the settings, the tare's noise and the current calibration curve. */
    private void recomputeFloors() {
        medianFloorCache = -1;
        float min = (float) floorMinKpa;
        float[] f = new float[n];
        if (tare == null) {
            Arrays.fill(f, min);
        } else {
            float[] s = tare.noiseCounts();
            for (int i = 0; i < n; i++) {
                f[i] = Math.max(min, lut.kpa((float) (sigmas * s[i])));
            }
        }
        floorKpa = f;
    }

    public TareState tareState(long nowUs, double periodUs) {
        if (tareActive()) {
            return new TareState(TareState.Status.CAPTURING, capture.progress(nowUs, periodUs), tare);
        }
        return new TareState(tare == null ? TareState.Status.NONE : TareState.Status.DONE, tare == null ? 0 : 1, tare);
    }

    /** Cells excluded: found by the tare, then any found during use ("reads 0 under load"). */
    public List<DeadCell> deadCells() {
        return deadCells.all();
    }

    public CalibrationState calibrationState() {
        return new CalibrationState(source, curve.describe(), user == null ? Double.NaN : user.rmsErrorPct(),
                tare != null, medianFloor(), deadCells().size());
    }

    /**
     * Mean counts above the baseline over the cells loaded ({@code kpa > 0}) in the last frame, paired with the
     * pressure really applied (the calibration wizard).
     *
     * @throws IllegalStateException when nothing is loaded
     */
    public LoadPoint loadPoint(float[] kpa, double appliedKpa) {
        if (lastCounts == null) {
            throw new IllegalStateException("no frame yet");
        }
        float[] base = drift.baseline();
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

    @Override
    public State checkpoint() {
        return new State(user, curve, source, lut, tare, capture == null ? null : capture.checkpoint(), floorKpa,
                floorMinKpa, sigmas, medianFloorCache, lastCounts == null ? null : lastCounts.clone(),
                deadCells.checkpoint(), drift.checkpoint());
    }

    @Override
    public void restore(State s) {
        user = s.user();
        curve = s.curve();
        source = s.source();
        lut = s.lut();
        tare = s.tare();
        if (s.capture() == null) {
            capture = null;
        } else {
            capture = new TareCapture(n, cols, glove, adcMax);
            capture.restore(s.capture());
        }
        floorKpa = s.floorKpa();
        floorMinKpa = s.floorMinKpa();
        sigmas = s.sigmas();
        medianFloorCache = s.medianFloorCache();
        lastCounts = s.lastCounts() == null ? null : s.lastCounts().clone();
        deadCells.restore(s.deadCells());
        drift.restore(s.drift());
    }
}
