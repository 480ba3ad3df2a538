package io.tactus.device.sim;

import java.util.SplittableRandom;

/**
 * Scripts whose movements are scored: every stroke, circle and hold is added together with its exact
 * {@link TruthMovement}. {@link #twoHandRoutine()} is a fixed 42 s routine (hands sometimes doing different
 * things at once); {@link #generated(long)} draws a random one from a seed: speeds, lengths, circle sizes and
 * revolutions, tools, pressures, both hands at once or one, each doing its own thing.
 *
 * <p>Body mm as everywhere in the simulator ({@link BackGeometry}); clockwise as seen from above, head at the top.
 */
public final class TechniqueScripts {

    static final String LEFT = ScriptedRoutine.LEFT;
    static final String RIGHT = ScriptedRoutine.RIGHT;
    /** Tool placement and lift (s): short, so the truth's span is what the hand really did. */
    static final double RAMP_S = 0.12;

    private TechniqueScripts() {
    }

    // ------------------------------------------------------------------ building blocks with their truth

    /** A straight stroke from (x0, y0) to (x1, y1) over {@code seconds}. */
    static void stroke(Script.Builder b, String hand, Tool tool, double t0, double seconds, double x0, double y0,
                       double x1, double y1, double kpa, String note) {
        Stroke s = Stroke.of(hand, tool, t0, t0 + seconds, Path.line(x0, y0, x1, y1), kpa, RAMP_S, note);
        b.add(s);
        double[] span = pressedSpan(s);
        Path.Point a = s.positionAt(span[0]);
        Path.Point e = s.positionAt(span[1]);
        double dx = e.x() - a.x();
        double dy = e.y() - a.y();
        String dir;
        if (Math.abs(dy) >= Math.abs(dx)) {
            dir = dy < 0 ? "up" : "down";
        } else {
            dir = (a.x() >= 0) == (dx > 0) ? "outward" : "inward";
        }
        double mx = (a.x() + e.x()) / 2;
        double my = (a.y() + e.y()) / 2;
        b.movement(new TruthMovement("stroke", dir, side(mx), BackGeometry.regionAt(mx, my), us(span[0]),
                us(span[1]), Math.hypot(dx, dy), 0, hand, tool.id(), note));
    }

    /** {@code revolutions} whole circles of radius r round (cx, cy), one every {@code secondsPerTurn}. */
    static void circles(Script.Builder b, String hand, Tool tool, double t0, int revolutions, double secondsPerTurn,
                        double cx, double cy, double r, boolean clockwise, double kpa, String note) {
        double seconds = revolutions * secondsPerTurn;
        Stroke s = Stroke.of(hand, tool, t0, t0 + seconds, Path.circles(cx, cy, cx, cy, r, revolutions, clockwise),
                kpa, RAMP_S, note);
        b.add(s);
        for (int i = 0; i < revolutions; i++) {
            double a = t0 + i * secondsPerTurn;
            b.movement(new TruthMovement("circle", clockwise ? "clockwise" : "counterclockwise", side(cx),
                    BackGeometry.regionAt(cx, cy), us(a), us(a + secondsPerTurn), 2 * Math.PI * r, r, hand,
                    tool.id(), note + " (turn " + (i + 1) + ")"));
        }
    }

    /** A still press (thumb with 3 mm circles, as a trigger point is worked) for {@code seconds}. */
    static void hold(Script.Builder b, String hand, Tool tool, double t0, double seconds, double x, double y,
                     double kpa, String note) {
        Stroke s = Stroke.of(hand, tool, t0, t0 + seconds, Path.circles(x, y, x, y, 3, Math.max(1,
                Math.round(seconds)), true), kpa, RAMP_S, note);
        b.add(s);
        double[] span = pressedSpan(s);
        b.movement(new TruthMovement("hold", null, side(x), BackGeometry.regionAt(x, y), us(span[0]), us(span[1]), 0,
                0, hand, tool.id(), note));
    }

    /** The scenario times (s) where the stroke's peak pressure is at least the contact level, by 1 ms steps. */
    private static double[] pressedSpan(Stroke s) {
        double a = Double.NaN;
        double e = Double.NaN;
        for (double t = s.t0(); t < s.t1(); t += 0.001) {
            if (s.pressureAt(t) >= TruthMovement.LEVEL_KPA) {
                if (Double.isNaN(a)) {
                    a = t;
                }
                e = t;
            }
        }
        if (Double.isNaN(a)) {
            throw new IllegalArgumentException("stroke never reaches the contact level: " + s.note());
        }
        return new double[] {a, e};
    }

    static String side(double x) {
        return Math.abs(x) <= BackGeometry.SPINE_HALF_WIDTH_MM ? "centre" : x < 0 ? "left" : "right";
    }

    private static long us(double s) {
        return Math.round(s * 1e6);
    }

    // ------------------------------------------------------------------ the fixed two-hand routine

    /**
     * 42 s, two hands, sometimes doing different things at once: 11 strokes up, 4 outward, 4 clockwise and 2
     * counter-clockwise circles, one 5 s hold.
     */
    public static Script twoHandRoutine() {
        Script.Builder b = new Script.Builder();
        b.advance(3.0);
        for (int i = 0; i < 2; i++) { // effleurage up both sides together
            double t = b.now();
            stroke(b, LEFT, Tool.FLAT_HAND, t, 3, -58, 420, -58, 130, 25, "effleurage up, left");
            stroke(b, RIGHT, Tool.FLAT_HAND, t, 3, 58, 420, 58, 130, 25, "effleurage up, right");
            b.advance(3.6);
        }
        double t = b.now(); // left circles clockwise on the lower back while the right thumb slides up
        circles(b, LEFT, Tool.PALM_HEEL, t, 2, 2.0, -100, 380, 22, true, 30, "palm circles clockwise, left");
        stroke(b, RIGHT, Tool.THUMB, t + 0.6, 2.5, 50, 430, 50, 130, 60, "thumb slide up, right");
        b.advance(4.6);
        t = b.now(); // right circles counter-clockwise while the left hand strokes outward twice
        circles(b, RIGHT, Tool.PALM_HEEL, t, 2, 2.0, 100, 380, 22, false, 30, "palm circles counter-clockwise, right");
        stroke(b, LEFT, Tool.PALM_HEEL, t + 0.2, 1.5, -60, 330, -170, 330, 30, "stroke outward, left");
        stroke(b, LEFT, Tool.PALM_HEEL, t + 2.2, 1.5, -60, 410, -170, 410, 30, "stroke outward, left");
        b.advance(4.6);
        for (int i = 0; i < 2; i++) { // thumb slides up both sides
            t = b.now();
            stroke(b, LEFT, Tool.THUMB, t, 2.5, -46, 430, -46, 120, 60, "thumb slide up, left");
            stroke(b, RIGHT, Tool.THUMB, t, 2.5, 46, 430, 46, 120, 60, "thumb slide up, right");
            b.advance(3.0);
        }
        t = b.now(); // a 5 s trigger-point hold on the left while the right palm circles clockwise
        hold(b, LEFT, Tool.THUMB, t, 5.3, -65, 330, 90, "five-second trigger-point hold, left");
        circles(b, RIGHT, Tool.PALM_HEEL, t + 0.5, 2, 2.2, 105, 370, 20, true, 30, "palm circles clockwise, right");
        b.advance(5.8);
        t = b.now(); // both hands outward at once
        stroke(b, LEFT, Tool.PALM_HEEL, t, 1.8, -60, 380, -170, 380, 30, "stroke outward, left");
        stroke(b, RIGHT, Tool.PALM_HEEL, t, 1.8, 60, 380, 170, 380, 30, "stroke outward, right");
        b.advance(2.4);
        t = b.now(); // and a last stroke up each side, the right one later and faster
        stroke(b, LEFT, Tool.FLAT_HAND, t, 2.5, -58, 420, -58, 160, 25, "effleurage up, left");
        stroke(b, RIGHT, Tool.PALM_HEEL, t + 1.0, 1.2, 60, 420, 60, 200, 30, "fast stroke up, right");
        b.advance(2.8);
        b.advance(Math.max(0, 42.0 - b.now()));
        return b.build();
    }

    // ------------------------------------------------------------------ generated

    /**
     * A random routine of 10 acts from {@code seed}: in each act each hand (or one of them) strokes up, down,
     * outward or inward (90-320 mm at 40-220 mm/s), circles either way (radius 12-30 mm, 2-3 turns of 1-2.5 s),
     * holds 5 s, or rests; tools and pressures vary (flat hand, heel, thumb, knuckles). Hands stay on their side
     * of the back, off the spine band.
     */
    public static Script generated(long seed) {
        return generated(seed, false);
    }

    /** Like {@link #generated(long)}; {@code rightOnly}: only the right hand works (what one right glove sees). */
    public static Script generated(long seed, boolean rightOnly) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Script.Builder b = new Script.Builder();
        b.advance(3.0);
        for (int act = 0; act < 10; act++) {
            double t = b.now();
            int both = rightOnly ? 1 : rnd.nextInt(4); // 0: left only, 1: right only, 2-3: both
            double end = t;
            if (both != 1) {
                end = Math.max(end, act(b, rnd, LEFT, -1, t));
            }
            if (both != 0) {
                end = Math.max(end, act(b, rnd, RIGHT, 1, t + rnd.nextDouble() * 0.6));
            }
            b.advance(end - t + 0.4 + rnd.nextDouble() * 0.6);
        }
        b.advance(2.0);
        return b.build();
    }

    /** One hand's act; returns its end time. */
    private static double act(Script.Builder b, SplittableRandom rnd, String hand, int s, double t) {
        int what = rnd.nextInt(9);
        if (what <= 3) {
            Tool tool = switch (rnd.nextInt(4)) {
                case 0 -> Tool.FLAT_HAND;
                case 1 -> Tool.PALM_HEEL;
                case 2 -> Tool.THUMB;
                default -> Tool.KNUCKLES;
            };
            double kpa = switch (tool) {
                case THUMB -> 50 + 30 * rnd.nextDouble();
                case KNUCKLES -> 35 + 15 * rnd.nextDouble();
                case FLAT_HAND -> 20 + 15 * rnd.nextDouble();
                default -> 22 + 20 * rnd.nextDouble();
            };
            double rx = tool.patches().get(0).rx();
            double speed = 40 + 180 * rnd.nextDouble();
            if (what <= 1) { // up or down beside the spine
                double x = s * (30 + rx + 5 + 20 * rnd.nextDouble());
                double low = 380 + 50 * rnd.nextDouble();
                double high = low - 100 - 220 * rnd.nextDouble();
                boolean up = what == 0;
                double len = low - high;
                stroke(b, hand, tool, t, Math.max(0.4, len / speed), x, up ? low : high, x, up ? high : low, kpa,
                        "stroke " + (up ? "up" : "down") + " (" + hand + ")");
                return t + Math.max(0.4, len / speed);
            }
            // outward or inward across the lower back
            double y = 310 + 120 * rnd.nextDouble();
            // the whole tool stays on the mat (a contact cut by the mat's edge has its centre pulled inward)
            double inner = 30 + rx;
            double outer = BackGeometry.MAT_WIDTH_MM / 2 - rx - 10 - 10 * rnd.nextDouble();
            boolean out = what == 2;
            double len = outer - inner;
            stroke(b, hand, tool, t, Math.max(0.4, len / speed), s * (out ? inner : outer), y, s * (out ? outer : inner),
                    y, kpa, "stroke " + (out ? "outward" : "inward") + " (" + hand + ")");
            return t + Math.max(0.4, len / speed);
        }
        if (what <= 6) {
            Tool tool = rnd.nextBoolean() ? Tool.PALM_HEEL : Tool.THUMB;
            double r = 12 + 18 * rnd.nextDouble();
            double rx = tool.patches().get(0).rx();
            double cx = s * (30 + rx + r + 10 + 25 * rnd.nextDouble());
            double cy = 250 + 170 * rnd.nextDouble();
            int turns = 2 + rnd.nextInt(2);
            double per = 1.0 + 1.5 * rnd.nextDouble();
            boolean cw = what != 6;
            double kpa = tool == Tool.THUMB ? 50 + 25 * rnd.nextDouble() : 25 + 15 * rnd.nextDouble();
            circles(b, hand, tool, t, turns, per, cx, cy, r, cw, kpa,
                    "circles " + (cw ? "clockwise" : "counter-clockwise") + " (" + hand + ")");
            return t + turns * per;
        }
        if (what == 7) {
            boolean thumb = rnd.nextBoolean();
            double x = s * (60 + 50 * rnd.nextDouble());
            double y = 260 + 160 * rnd.nextDouble();
            hold(b, hand, thumb ? Tool.THUMB : Tool.PALM_HEEL, t, 5.2, x, y, thumb ? 90 : 55,
                    "hold (" + hand + ")");
            return t + 5.2;
        }
        return t + 1.0; // rests
    }
}
