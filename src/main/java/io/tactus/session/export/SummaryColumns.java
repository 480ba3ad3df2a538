package io.tactus.session.export;

import io.tactus.signal.FrameSnapshot;
import io.tactus.signal.body.BodyMap;
import io.tactus.signal.body.BodyRegion;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The per-frame numeric summary every format writes, defined once so the formats agree on names and units. */
final class SummaryColumns {

    /** One numeric column. */
    record Column(String name, String unit, String description, ToDoubleFunction<FrameSnapshot> value) {
    }

    static final List<Column> ALL = build();

    private SummaryColumns() {
    }

    private static List<Column> build() {
        List<Column> c = new ArrayList<>();
        c.add(new Column("total_force_n", "N", "total force on the sensor", FrameSnapshot::totalForceN));
        c.add(new Column("contact_area_cm2", "cm^2", "area of cells above the noise floor",
                FrameSnapshot::contactAreaCm2));
        c.add(new Column("peak_kpa", "kPa", "highest cell pressure", FrameSnapshot::peakKpa));
        c.add(new Column("cop_x_mm", "mm", "centre of pressure from the receiver's left edge (NaN without contact)",
                FrameSnapshot::copXmm));
        c.add(new Column("cop_y_mm", "mm", "centre of pressure from the head-end edge (NaN without contact)",
                FrameSnapshot::copYmm));
        for (BodyRegion r : BodyRegion.values()) {
            String id = r.id();
            int i = r.ordinal();
            // the region as the app names it ("Lower back (left)"), then its id (the column's prefix)
            String region = BodyMap.standard().displayName(r) + " (" + id + ")";
            c.add(new Column(id + "_mean_kpa", "kPa", "mean pressure over the loaded cells of " + region,
                    f -> regionValue(f, i, 0)));
            c.add(new Column(id + "_peak_kpa", "kPa", "highest cell pressure in " + region,
                    f -> regionValue(f, i, 1)));
            c.add(new Column(id + "_force_n", "N", "force on " + region, f -> regionValue(f, i, 2)));
        }
        return List.copyOf(c);
    }

    private static double regionValue(FrameSnapshot f, int ordinal, int which) {
        if (f.regions() == null || ordinal >= f.regions().length || f.regions()[ordinal] == null) {
            return Double.NaN;
        }
        var v = f.regions()[ordinal];
        return switch (which) {
            case 0 -> v.meanKpa();
            case 1 -> v.peakKpa();
            default -> v.forceN();
        };
    }
}
