package io.tactus.app.heat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tactus.signal.Region;
import org.junit.jupiter.api.Test;

class RegionLayoutTest {

    @Test
    void templatePutsTheSpineOnTheMidlineAndSidesTheReceiversWay() {
        RegionLayout l = RegionLayout.template(32, 32, 15, 17.5);
        assertEquals(Region.SPINE, l.at(10, 15));
        assertEquals(Region.SPINE, l.at(10, 16));
        assertEquals(Region.SHOULDER_L, l.at(1, 3));   // column 0 = receiver's left
        assertEquals(Region.SHOULDER_R, l.at(1, 28));
        assertEquals(Region.LUMBAR_L, l.at(22, 8));
        assertEquals(Region.SACRUM, l.at(30, 16));
        assertEquals(12, l.regions().size());
    }
}
