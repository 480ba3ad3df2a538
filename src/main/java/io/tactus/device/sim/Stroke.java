package io.tactus.device.sim;

/**
 * One hand doing one movement for a while: a tool moved along a path with a pressure envelope. The envelope is
 * a list of key points (seconds from the stroke's start, kPa), joined by smoothstep ramps, times an optional
 * sinusoidal modulation (kneading). Outside [t0, t1) the stroke presses nothing.
 *
 * @param hand     which hand ("left" / "right" of the practitioner; informational)
 * @param tool     the pressing part of the hand
 * @param t0       start (s of scenario time)
 * @param t1       end (s)
 * @param path     working point over the stroke
 * @param keyT     envelope key times (s from t0), ascending, first 0
 * @param keyKpa   envelope peak pressure at each key
 * @param modDepth relative modulation depth (0 = none)
 * @param modHz    modulation frequency
 * @param angleDeg hand rotation, clockwise as seen from above; 0 = fingers toward the head
 * @param note     what the script is doing (shown in the ground truth)
 */
public record Stroke(String hand, Tool tool, double t0, double t1, Path path, double[] keyT, double[] keyKpa,
                     double modDepth, double modHz, double angleDeg, String note) {

    public Stroke {
        if (!(t1 > t0) || keyT.length != keyKpa.length || keyT.length == 0) {
            throw new IllegalArgumentException("bad stroke " + note);
        }
    }

    /** A stroke that ramps up over {@code rampS}, holds {@code kpa}, and ramps down over {@code rampS} at the end. */
    public static Stroke of(String hand, Tool tool, double t0, double t1, Path path, double kpa, double rampS,
                            String note) {
        double d = t1 - t0;
        return new Stroke(hand, tool, t0, t1, path, new double[] {0, rampS, d - rampS, d},
                new double[] {0, kpa, kpa, 0}, 0, 0, 0, note);
    }

    /** Like {@link #of} with different ramps at the start (placing the hand) and the end (lifting it). */
    public static Stroke of(String hand, Tool tool, double t0, double t1, Path path, double kpa, double rampInS,
                            double rampOutS, String note) {
        double d = t1 - t0;
        return new Stroke(hand, tool, t0, t1, path, new double[] {0, rampInS, d - rampOutS, d},
                new double[] {0, kpa, kpa, 0}, 0, 0, 0, note);
    }

    /** Envelope from explicit keys: {@code keys} = t0, kPa0, t1, kPa1, ... (seconds from the stroke start). */
    public static Stroke keyed(String hand, Tool tool, double t0, Path path, String note, double... keys) {
        double[] kt = new double[keys.length / 2];
        double[] kp = new double[keys.length / 2];
        for (int i = 0; i < kt.length; i++) {
            kt[i] = keys[2 * i];
            kp[i] = keys[2 * i + 1];
        }
        return new Stroke(hand, tool, t0, t0 + kt[kt.length - 1], path, kt, kp, 0, 0, 0, note);
    }

    public Stroke modulated(double depth, double hz) {
        return new Stroke(hand, tool, t0, t1, path, keyT, keyKpa, depth, hz, angleDeg, note);
    }

    public Stroke rotated(double deg) {
        return new Stroke(hand, tool, t0, t1, path, keyT, keyKpa, modDepth, modHz, deg, note);
    }

    public boolean activeAt(double t) {
        return t >= t0 && t < t1;
    }

    /** Peak pressure of the tool's main patch at scenario time t (0 outside the stroke). */
    public double pressureAt(double t) {
        if (!activeAt(t)) {
            return 0;
        }
        double s = t - t0;
        double p = keyKpa[keyKpa.length - 1];
        for (int i = 1; i < keyT.length; i++) {
            if (s < keyT[i]) {
                double f = (s - keyT[i - 1]) / (keyT[i] - keyT[i - 1]);
                double e = f * f * (3 - 2 * f);
                p = keyKpa[i - 1] + (keyKpa[i] - keyKpa[i - 1]) * e;
                break;
            }
        }
        if (modDepth != 0) {
            p *= 1 + modDepth * Math.sin(2 * Math.PI * modHz * s);
        }
        return Math.max(0, p);
    }

    public Path.Point positionAt(double t) {
        double u = Math.min(1, Math.max(0, (t - t0) / (t1 - t0)));
        return path.at(u, Math.max(0, t - t0));
    }
}
