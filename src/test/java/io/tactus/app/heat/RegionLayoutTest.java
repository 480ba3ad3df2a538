package io.tactus.app.heat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tactus.signal.body.BodyRegion;
import org.junit.jupiter.api.Test;

class RegionLayoutTest {

    @Test
    void templatePutsTheSpineOnTheMidlineAndSidesTheReceiversWay() {
        // the simulator's standard mat: 32 x 32 cells of 12.5 x 18.75 mm
        RegionLayout l = RegionLayout.template(32, 32, 12.5, 18.75);
        for (int c = 14; c <= 17; c++) {
            assertEquals(BodyRegion.SPINE, l.at(10, c), "the 4 middle columns are the spine band");
        }
        assertEquals(BodyRegion.THORACIC_L, l.at(10, 13));
        assertEquals(BodyRegion.SHOULDER_L, l.at(1, 3));   // column 0 = receiver's left
        assertEquals(BodyRegion.SHOULDER_R, l.at(1, 28));
        assertEquals(BodyRegion.SCAPULA_L, l.at(8, 6));    // x = -118.75, y = 159
        assertEquals(BodyRegion.LUMBAR_L, l.at(20, 8));
        assertEquals(BodyRegion.SACRUM, l.at(30, 16));
        assertEquals(BodyRegion.ILIAC_R, l.at(30, 29));
        assertEquals(12, l.regions().size());
    }
}
