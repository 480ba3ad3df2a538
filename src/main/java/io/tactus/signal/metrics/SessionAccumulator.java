package io.tactus.signal.metrics;

import io.tactus.signal.state.Checkpointable;import io.tactus.signal.body.BodyRegion;
import io.tactus.signal.flags.Band;
import io.tactus.signal.flags.FlagEvent;
import io.tactus.signal.flags.FlagType;
import io.tactus.signal.flags.Profile;
import java.util.ArrayList;
import java.util.List;

/**
 * Session totals updated once per frame without allocating: time per region and per band zone, pressure-time
 * and force-time integrals, left/right balance, first region touched. {@link #metrics} turns them (plus the
 * events, the movement counters and the coverage map) into an immutable {@link SessionMetrics}.
 */
public final class SessionAccumulator implements Checkpointable<SessionAccumulator.State> {

    /** The totals so far (copies). */
    public record State(long frames, long firstUs, long lastUs, long contactUs, double maxForce, double peak,
                        boolean[] touched, long[] touchedUs, long[] belowUs, long[] withinUs, long[] aboveUs, double[] ptiKpaUs,
                        double[] impulseNus, double[] regionPeak, double leftImpulse, double rightImpulse,
                        long leftUs, long rightUs, int firstRegion) {
    }

    private static final BodyRegion[] REGIONS = BodyRegion.values();
    private static final int NREG = REGIONS.length;

    private long frames;
    private long firstUs = -1;
    private long lastUs;
    private long contactUs;
    private double maxForce;
    private double peak;
    /** Per region, touched in the last frame (peak at or above the profile's contact level). */
    private final boolean[] touched = new boolean[NREG];
    private final long[] touchedUs = new long[NREG];
    private final long[] belowUs = new long[NREG];
    private final long[] withinUs = new long[NREG];
    private final long[] aboveUs = new long[NREG];
    private final double[] ptiKpaUs = new double[NREG];
    private final double[] impulseNus = new double[NREG];
    private final double[] regionPeak = new double[NREG];
    private double leftImpulse;
    private double rightImpulse;
    private long leftUs;
    private long rightUs;
    private int firstRegion = -1;

    /**
     * @param rPeak    region peak pressure this frame
     * @param rForce   region force this frame
     */
    public void add(long t, long dt, double totalForceN, double peakKpa, double[] rPeak, double[] rForce, Profile p) {
        frames++;
        if (firstUs < 0) {
            firstUs = t;
        }
        lastUs = t;
        if (totalForceN > 0) {
            contactUs += dt;
        }
        maxForce = Math.max(maxForce, totalForceN);
        peak = Math.max(peak, peakKpa);
        double dts = dt / 1e6;
        double touch = p.spineContactKpa();
        boolean left = false;
        boolean right = false;
        int best = -1;
        for (int g = 0; g < NREG; g++) {
            double pk = rPeak[g];
            if (pk > regionPeak[g]) {
                regionPeak[g] = pk;
            }
            touched[g] = pk >= touch;
            if (!touched[g]) {
                continue;
            }
            if (best < 0 || pk > rPeak[best]) {
                best = g;
            }
            touchedUs[g] += dt;
            ptiKpaUs[g] += pk * dt;
            impulseNus[g] += rForce[g] * dt;
            BodyRegion r = REGIONS[g];
            Band b = p.band(r);
            if (b != null) {
                if (pk < b.targetMin()) {
                    belowUs[g] += dt;
                } else if (pk > b.targetMax()) {
                    aboveUs[g] += dt;
                } else {
                    withinUs[g] += dt;
                }
            }
            if (r.side() == BodyRegion.Side.LEFT) {
                leftImpulse += rForce[g] * dts;
                left = true;
            } else if (r.side() == BodyRegion.Side.RIGHT) {
                rightImpulse += rForce[g] * dts;
                right = true;
            }
        }
        if (left) {
            leftUs += dt;
        }
        if (right) {
            rightUs += dt;
        }
        if (firstRegion < 0 && best >= 0) {
            firstRegion = best;
        }
    }

    /** Per region: touched in the last frame; do not modify. */
    public boolean[] touched() {
        return touched;
    }

    public SessionMetrics metrics(String profileId, List<FlagEvent> events, SessionMetrics.Movement movement, int rows,
                           int cols, double[] coverage) {
        List<SessionMetrics.RegionMetrics> regs = new ArrayList<>();
        for (int g = 0; g < NREG; g++) {
            regs.add(new SessionMetrics.RegionMetrics(REGIONS[g].id(), touchedUs[g] / 1e6, belowUs[g] / 1e6,
                    withinUs[g] / 1e6, aboveUs[g] / 1e6, ptiKpaUs[g] / 1e6, impulseNus[g] / 1e6, regionPeak[g]));
        }
        List<SessionMetrics.FlagMetrics> fl = new ArrayList<>();
        for (FlagType t : FlagType.values()) {
            int count = 0;
            long total = 0;
            for (FlagEvent e : events) {
                if (e.type() == t) {
                    count++;
                    total += (e.isOpen() ? lastUs : e.endUs()) - e.startUs();
                }
            }
            fl.add(new SessionMetrics.FlagMetrics(t.id(), count, total / 1e6));
        }
        double lr = leftImpulse + rightImpulse;
        float[] cov = new float[coverage.length];
        for (int i = 0; i < cov.length; i++) {
            cov[i] = (float) coverage[i];
        }
        return new SessionMetrics(profileId, frames, firstUs < 0 ? 0 : (lastUs - firstUs) / 1e6, contactUs / 1e6,
                maxForce, peak, regs, lr > 0 ? leftImpulse / lr : Double.NaN, leftUs / 1e6, rightUs / 1e6, fl,
                movement, firstRegion < 0 ? null : REGIONS[firstRegion].id(), rows, cols, cov);
    }

    @Override
    public State checkpoint() {
        return new State(frames, firstUs, lastUs, contactUs, maxForce, peak, touched.clone(), touchedUs.clone(), belowUs.clone(),
                withinUs.clone(), aboveUs.clone(), ptiKpaUs.clone(), impulseNus.clone(), regionPeak.clone(),
                leftImpulse, rightImpulse, leftUs, rightUs, firstRegion);
    }

    @Override
    public void restore(State s) {
        frames = s.frames();
        firstUs = s.firstUs();
        lastUs = s.lastUs();
        contactUs = s.contactUs();
        maxForce = s.maxForce();
        peak = s.peak();
        System.arraycopy(s.touched(), 0, touched, 0, NREG);
        System.arraycopy(s.touchedUs(), 0, touchedUs, 0, NREG);
        System.arraycopy(s.belowUs(), 0, belowUs, 0, NREG);
        System.arraycopy(s.withinUs(), 0, withinUs, 0, NREG);
        System.arraycopy(s.aboveUs(), 0, aboveUs, 0, NREG);
        System.arraycopy(s.ptiKpaUs(), 0, ptiKpaUs, 0, NREG);
        System.arraycopy(s.impulseNus(), 0, impulseNus, 0, NREG);
        System.arraycopy(s.regionPeak(), 0, regionPeak, 0, NREG);
        leftImpulse = s.leftImpulse();
        rightImpulse = s.rightImpulse();
        leftUs = s.leftUs();
        rightUs = s.rightUs();
        firstRegion = s.firstRegion();
    }
}
