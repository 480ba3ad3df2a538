package io.tactus.signal.body;

import io.tactus.protocol.DeviceDescriptor;
import java.util.ArrayList;
import java.util.List;

/** Resolves every mat cell to a region through the body map and the registration (by the cell's centre). */
public final class RegionGrid {

    private RegionGrid() {
    }

    /** BodyRegion ordinal per cell, -1 for cells off the back. */
    public static int[] cellRegions(DeviceDescriptor d, BodyMap map, Registration reg) {
        int[] out = new int[d.cellCount()];
        for (int r = 0, i = 0; r < d.rows(); r++) {
            double y = (r + 0.5) * d.pitchYmm();
            for (int c = 0; c < d.cols(); c++, i++) {
                double x = (c + 0.5) * d.pitchXmm();
                BodyRegion g = map.regionAt(reg.bodyX(x, y), reg.bodyY(y));
                out[i] = g == null ? -1 : g.ordinal();
            }
        }
        return out;
    }

    /** Outlines of every rule in mat mm, clamped to the mat rectangle. */
    public static List<RegionOutline> outlines(BodyMap map, Registration reg, double matW, double matH) {
        List<RegionOutline> out = new ArrayList<>();
        double big = 4 * Math.max(matW, matH);
        int order = 0;
        for (BodyMap.Rule rule : map.regions()) {
            List<double[]> body = new ArrayList<>();
            switch (rule.shape()) {
                case "rect", "spine_band" -> {
                    double x0;
                    double x1;
                    if ("spine_band".equals(rule.shape())) {
                        x0 = -map.spineHalfWidthMm();
                        x1 = map.spineHalfWidthMm();
                    } else {
                        x0 = lo(rule.x(), -big);
                        x1 = hi(rule.x(), big);
                    }
                    double y0 = Math.max(lo(rule.y(), -big), reg.bodyY(0));
                    double y1 = Math.min(hi(rule.y(), big), reg.bodyY(matH));
                    if (y1 <= y0) {
                        order++;
                        continue;
                    }
                    edge(body, x0, y0, x1, y0);
                    edge(body, x1, y0, x1, y1);
                    edge(body, x1, y1, x0, y1);
                    edge(body, x0, y1, x0, y0);
                }
                case "ellipse" -> {
                    for (int k = 0; k < 48; k++) {
                        double a = 2 * Math.PI * k / 48;
                        body.add(new double[] {rule.center()[0] + rule.semiAxes()[0] * Math.cos(a),
                            rule.center()[1] + rule.semiAxes()[1] * Math.sin(a)});
                    }
                }
                case "polygon" -> {
                    double[][] p = rule.points();
                    for (int k = 0; k < p.length; k++) {
                        double[] q = p[(k + 1) % p.length];
                        edge(body, p[k][0], p[k][1], q[0], q[1]);
                    }
                }
                default -> {
                }
            }
            List<double[]> mat = new ArrayList<>(body.size());
            for (double[] b : body) {
                double x = reg.matX(b[0], b[1]);
                double y = reg.matY(b[1]);
                mat.add(new double[] {clamp(x, 0, matW), clamp(y, 0, matH)});
            }
            out.add(new RegionOutline(rule.regionEnum(), order++, List.copyOf(mat)));
        }
        return List.copyOf(out);
    }

    /** Adds points along an edge (without its end point), 8 per edge so a curved midline bends the outline. */
    private static void edge(List<double[]> pts, double x0, double y0, double x1, double y1) {
        for (int k = 0; k < 8; k++) {
            double t = k / 8.0;
            pts.add(new double[] {x0 + t * (x1 - x0), y0 + t * (y1 - y0)});
        }
    }

    private static double lo(Double[] r, double dflt) {
        return r == null || r[0] == null ? dflt : r[0];
    }

    private static double hi(Double[] r, double dflt) {
        return r == null || r[1] == null ? dflt : r[1];
    }

    private static double clamp(double v, double a, double b) {
        return Math.max(a, Math.min(b, v));
    }
}
