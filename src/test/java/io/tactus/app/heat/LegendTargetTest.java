package io.tactus.app.heat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tactus.signal.body.BodyRegion;
import io.tactus.signal.flags.Band;
import io.tactus.signal.flags.Profile;
import io.tactus.signal.flags.Profiles;
import org.junit.jupiter.api.Test;

/**
 * The legend's target is true for every working region on the map: one line when they share the mid back's band,
 * the others named beside it when they do not (Deep tissue's shoulders stop at 150 kPa, below the back's 100-250).
 */
class LegendTargetTest {

    private static String target(Profile p) {
        return DisplayOptions.targetText(DisplayOptions.workingBand(p));
    }

    @Test
    void everyBuiltInProfileNamesEachWorkingRegionsTarget() {
        assertEquals("Target 10-40", target(Profiles.byId("gentle")), "all working regions 10-40");
        assertEquals("Target 100-250 back\nShoulders 40-100", target(Profiles.byId("deep_tissue")));
        assertEquals("Target 20-60 back\nShoulders 10-50", target(Profiles.byId("swedish")));
        assertEquals("Target 50-150 back\nShoulders 30-88", target(Profiles.byId("trigger_point")));
    }

    @Test
    void aBandChangedInSettingsIsNotHidden() {
        Profile p = Profiles.byId("gentle").withBand(BodyRegion.LUMBAR_R, new Band(15, 35, 150.0));
        assertEquals("Target 10-40 mid back\nOther regions 15-35", target(p));
        double[] b = DisplayOptions.workingBand(p);
        assertEquals(88, b[3], "the lowest hard maximum is still the shoulders'");
    }
}
