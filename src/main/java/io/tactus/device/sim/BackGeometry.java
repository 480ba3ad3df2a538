package io.tactus.device.sim;

import java.util.List;

/**
 * The simulator's back template: every geometry number the scenarios and the ground truth use, in one place
 * (docs/SIMULATOR.md, "Back template", draws it). Body coordinates in mm: {@code x} from the spine midline,
 * negative toward the receiver's LEFT (column 0), positive toward their right; {@code y} from the shoulder line
 * (the mat's row-0 edge) toward the feet. Mat coordinates (POSE, cell centres) are {@code xMat = x + width/2},
 * {@code yMat = y}: the mat is centred on the spine with row 0 at the shoulder line.
 *
 * <p>An adult back, roughly: shoulder line at T1/T2, inferior angle of the scapula at T7 (y ~ 225), T12/L1 at
 * y ~ 300, L5/S1 at y ~ 460, sacrum and iliac crests below. Regions are tested in the order of
 * {@link #regionAt(double, double)}; a cell belongs to the region of its centre.
 */
public final class BackGeometry {

    /** Standard mat: 400 mm across the back, 600 mm from the shoulder line down. */
    public static final double MAT_WIDTH_MM = 400;
    public static final double MAT_LENGTH_MM = 600;

    /** Spine band: |x| <= 20 mm, from the shoulder line down to the sacrum. */
    public static final double SPINE_HALF_WIDTH_MM = 20;
    /** L5/S1: the spine band ends and the sacrum (centre) and iliac crests (lateral) begin. */
    public static final double PELVIS_TOP_MM = 460;
    /** Sacrum: |x| <= 55 mm below {@link #PELVIS_TOP_MM}; lateral of it is iliac (bone). */
    public static final double SACRUM_HALF_WIDTH_MM = 55;
    /** Shoulder / upper trapezius: above this line (and outside the spine band). */
    public static final double SHOULDER_BOTTOM_MM = 75;
    /** Thoracic (mid back, beside the spine) above this line, lumbar below it down to the pelvis. */
    public static final double THORACIC_BOTTOM_MM = 300;
    /** Scapula (shoulder blade, bone): an ellipse centred at (+-120, 150), semi-axes 35 x 75 mm:
     *  x 85..155 mm from the midline, y 75..225 mm. Tested before every other region. */
    public static final double SCAPULA_CENTRE_X_MM = 120;
    public static final double SCAPULA_CENTRE_Y_MM = 150;
    public static final double SCAPULA_HALF_WIDTH_MM = 35;
    public static final double SCAPULA_HALF_HEIGHT_MM = 75;

    /** Clean technique keeps every contact at least this far from the midline (guidance: work beside the spine). */
    public static final double CLEAN_MIDLINE_CLEARANCE_MM = 30;

    /** Region ids (io.tactus.signal.body.BodyRegion ids; the device layer must not import signal). */
    public static final String SPINE = "spine";
    public static final String SHOULDER_L = "shoulder_l";
    public static final String SHOULDER_R = "shoulder_r";
    public static final String SCAPULA_L = "scapula_l";
    public static final String SCAPULA_R = "scapula_r";
    public static final String THORACIC_L = "thoracic_l";
    public static final String THORACIC_R = "thoracic_r";
    public static final String LUMBAR_L = "lumbar_l";
    public static final String LUMBAR_R = "lumbar_r";
    public static final String SACRUM = "sacrum";
    public static final String ILIAC_L = "iliac_l";
    public static final String ILIAC_R = "iliac_r";

    public static final List<String> REGIONS = List.of(SPINE, SHOULDER_L, SHOULDER_R, SCAPULA_L, SCAPULA_R,
            THORACIC_L, THORACIC_R, LUMBAR_L, LUMBAR_R, SACRUM, ILIAC_L, ILIAC_R);

    private BackGeometry() {
    }

    /** @return the region id at a body point, or null above the shoulder line (off the back). */
    public static String regionAt(double x, double y) {
        if (y < 0) {
            return null;
        }
        double ax = Math.abs(x);
        boolean left = x < 0;
        double ex = (ax - SCAPULA_CENTRE_X_MM) / SCAPULA_HALF_WIDTH_MM;
        double ey = (y - SCAPULA_CENTRE_Y_MM) / SCAPULA_HALF_HEIGHT_MM;
        if (ex * ex + ey * ey <= 1) {
            return left ? SCAPULA_L : SCAPULA_R;
        }
        if (y >= PELVIS_TOP_MM) {
            return ax <= SACRUM_HALF_WIDTH_MM ? SACRUM : left ? ILIAC_L : ILIAC_R;
        }
        if (ax <= SPINE_HALF_WIDTH_MM) {
            return SPINE;
        }
        if (y < SHOULDER_BOTTOM_MM) {
            return left ? SHOULDER_L : SHOULDER_R;
        }
        if (y < THORACIC_BOTTOM_MM) {
            return left ? THORACIC_L : THORACIC_R;
        }
        return left ? LUMBAR_L : LUMBAR_R;
    }

    public static int regionIndex(String id) {
        return REGIONS.indexOf(id);
    }

    public static boolean isBone(String id) {
        return SCAPULA_L.equals(id) || SCAPULA_R.equals(id) || SACRUM.equals(id) || ILIAC_L.equals(id)
                || ILIAC_R.equals(id);
    }

    public static boolean isShoulder(String id) {
        return SHOULDER_L.equals(id) || SHOULDER_R.equals(id);
    }
}
