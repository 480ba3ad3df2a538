package io.tactus.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.signal.body.BodyMap;
import io.tactus.signal.body.Registration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The back illustration comes from the body map's geometry and moves with the registration. */
class BackAnatomyTest {

    private static final double MAT_W = 400;

    private static List<BackAnatomy.Figure> of(BackAnatomy a, BackAnatomy.Kind k) {
        return a.figures().stream().filter(f -> f.kind() == k).toList();
    }

    private static double meanX(List<BackAnatomy.Figure> fs) {
        return fs.stream().flatMapToDouble(f -> {
            double[] xy = f.xy();
            double[] xs = new double[xy.length / 2];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = xy[2 * i];
            }
            return java.util.Arrays.stream(xs);
        }).average().orElseThrow();
    }

    @Test
    void everyPartOfTheBackIsDrawnFromTheMap() {
        BackAnatomy a = BackAnatomy.of(BodyMap.standard(), Registration.centred(MAT_W), MAT_W, 1, 1);
        assertEquals(17, of(a, BackAnatomy.Kind.VERTEBRA).size(), "12 thoracic and 5 lumbar vertebrae");
        assertEquals(2, of(a, BackAnatomy.Kind.SCAPULA).size());
        assertEquals(2, of(a, BackAnatomy.Kind.ILIAC_CREST).size());
        assertEquals(1, of(a, BackAnatomy.Kind.SACRUM).size());
        assertEquals(1, of(a, BackAnatomy.Kind.SHOULDER_LINE).size());
        assertEquals(MAT_W / 2, meanX(of(a, BackAnatomy.Kind.VERTEBRA)), 1, "the column sits on the midline");
        // The lumbar vertebrae start where the map's lumbar rules start (y 300 mm).
        double[] firstLumbar = of(a, BackAnatomy.Kind.VERTEBRA).get(12).xy();
        assertTrue(firstLumbar[1] > 300 && firstLumbar[1] < 300 + 160 / 5.0, "L1 top at " + firstLumbar[1]);
        // Each scapula lies inside its ellipse (centre x +-120 mm from the midline).
        double left = meanX(List.of(of(a, BackAnatomy.Kind.SCAPULA).get(0)));
        assertEquals(MAT_W / 2 - 120, left, 30, "left scapula around its ellipse centre");
    }

    @Test
    void itFollowsTraceTheSpineAndTheRasterScale() {
        BackAnatomy moved = BackAnatomy.of(BodyMap.standard(), Registration.manual(160, 0, 0), MAT_W, 2, 3);
        assertEquals(160 * 2, meanX(of(moved, BackAnatomy.Kind.VERTEBRA)), 2,
                "a midline traced 40 mm left moves the column with it, in raster pixels");
        double[] top = of(moved, BackAnatomy.Kind.VERTEBRA).get(0).xy();
        assertTrue(top[1] >= 0 && top[1] < 3 * 300 / 12.0, "y scaled by pixels per mm: " + top[1]);
        BackAnatomy wide = BackAnatomy.of(BodyMap.standard().withSpineHalfWidth(30), Registration.centred(MAT_W),
                MAT_W, 1, 1);
        double[] edge = of(wide, BackAnatomy.Kind.SPINE_BAND_EDGE).get(0).xy();
        assertEquals(MAT_W / 2 - 30, edge[0], 1e-9, "the spine band's edge is the map's half-width");
    }
}
