package io.tactus.device.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * A scenario's choreography: strokes (possibly overlapping, one per hand), the receiver's button presses, and
 * the total length. Pure data: rendering and ground truth are computed from it. {@code movements} is the exact
 * movement truth where the script states it ({@link TechniqueScripts}; empty for the older scenarios, whose
 * movements are not scored).
 */
public record Script(List<Stroke> strokes, List<ScriptMarker> markers, double durationS,
                     List<TruthMovement> movements) {

    /** A receiver button press (MARKER packet) with the region the receiver complains about. */
    public record ScriptMarker(double t, int code, String text, String region, String note) {
    }

    public Script {
        strokes = List.copyOf(strokes);
        markers = List.copyOf(markers);
        movements = List.copyOf(movements);
    }

    /** A script without movement truth. */
    public Script(List<Stroke> strokes, List<ScriptMarker> markers, double durationS) {
        this(strokes, markers, durationS, List.of());
    }

    /** Every dome pressing at scenario time t (strokes whose pressure is 0 at t contribute none). */
    public List<Contact> contactsAt(double t) {
        List<Contact> out = new ArrayList<>();
        contactsAt(t, out);
        return out;
    }

    public void contactsAt(double t, List<Contact> out) {
        out.clear();
        for (int i = 0; i < strokes.size(); i++) {
            Stroke s = strokes.get(i);
            if (!s.activeAt(t)) {
                continue;
            }
            double p = s.pressureAt(t);
            if (p <= 0) {
                continue;
            }
            Path.Point w = s.positionAt(t);
            double a = Math.toRadians(s.angleDeg());
            double c = Math.cos(a);
            double sn = Math.sin(a);
            for (Tool.Patch patch : s.tool().patches()) {
                double x = w.x() + c * patch.dx() - sn * patch.dy();
                double y = w.y() + sn * patch.dx() + c * patch.dy();
                out.add(new Contact(x, y, patch.rx(), patch.ry(), a, p * patch.weight(), i));
            }
        }
    }

    /** Builder with a time cursor, so a routine reads as a sequence of steps. */
    public static final class Builder {
        private final List<Stroke> strokes = new ArrayList<>();
        private final List<ScriptMarker> markers = new ArrayList<>();
        private final List<TruthMovement> movements = new ArrayList<>();
        private double t;

        public double now() {
            return t;
        }

        public Builder advance(double seconds) {
            t += seconds;
            return this;
        }

        public Builder add(Stroke s) {
            strokes.add(s);
            return this;
        }

        public Builder marker(double at, int code, String text, String region, String note) {
            markers.add(new ScriptMarker(at, code, text, region, note));
            return this;
        }

        /** States a movement the script makes (times relative to the scenario start). */
        public Builder movement(TruthMovement m) {
            movements.add(m);
            return this;
        }

        public Script build() {
            markers.sort((a, b) -> Double.compare(a.t(), b.t()));
            movements.sort((a, b) -> Long.compare(a.startUs(), b.startUs()));
            return new Script(strokes, markers, t, movements);
        }
    }
}
