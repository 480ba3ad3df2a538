package io.tactus.app.heat;

import io.tactus.protocol.DeviceDescriptor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each glove taxel sits on a palm-side hand diagram, from its zone in the device's HELLO (thumb_tip,
 * thumb_pad, palm_heel, palm, knuckles, finger_mid, fingertip): taxels of a finger zone spread across the four
 * fingers, others across their area. Unit square coordinates (0,0 top left, fingers up; a right hand seen from
 * the palm has the thumb on the left... mirrored for a left hand). An unknown zone lines up along the bottom, so
 * every taxel is shown. Pure Java.
 */
public record GloveLayout(double[] x, double[] y, String[] zones, boolean left) {

    /** Mirrors a unit x for a left hand (the diagrams are drawn for a right hand seen from the palm). */
    public double side(double unitX) {
        return left ? 1 - unitX : unitX;
    }

    /** Centre and spread of each zone: x0, x1 (taxels spread between), y. */
    private static final Map<String, double[]> ZONES = Map.of(
            "fingertip", new double[] {0.30, 0.84, 0.08},
            "finger_mid", new double[] {0.30, 0.84, 0.22},
            "knuckles", new double[] {0.30, 0.84, 0.40},
            "palm", new double[] {0.40, 0.74, 0.56},
            "palm_heel", new double[] {0.32, 0.80, 0.82},
            "thumb_tip", new double[] {0.06, 0.06, 0.42},
            "thumb_pad", new double[] {0.14, 0.14, 0.60});

    public static GloveLayout of(DeviceDescriptor d, int taxelCount) {
        String[] zones = new String[taxelCount];
        List<DeviceDescriptor.Taxel> taxels = d == null || d.taxels() == null ? List.of() : d.taxels();
        boolean left = !taxels.isEmpty() && "left".equalsIgnoreCase(taxels.get(0).hand());
        for (int i = 0; i < taxelCount; i++) {
            zones[i] = i < taxels.size() && taxels.get(i).zone() != null ? taxels.get(i).zone() : "other";
        }
        Map<String, Integer> total = new HashMap<>();
        for (String z : zones) {
            total.merge(z, 1, Integer::sum);
        }
        Map<String, Integer> seen = new HashMap<>();
        double[] x = new double[taxelCount];
        double[] y = new double[taxelCount];
        int others = total.getOrDefault("other", 0);
        for (int i = 0; i < taxelCount; i++) {
            int k = seen.merge(zones[i], 1, Integer::sum) - 1;
            int n = total.get(zones[i]);
            double[] z = ZONES.get(zones[i]);
            if (z == null) {
                x[i] = (k + 0.5) / Math.max(1, others);
                y[i] = 0.97;
            } else {
                x[i] = n == 1 ? (z[0] + z[1]) / 2 : z[0] + (z[1] - z[0]) * k / (n - 1);
                y[i] = z[2];
            }
            x[i] = left ? 1 - x[i] : x[i];
        }
        return new GloveLayout(x, y, zones, left);
    }
}
