package io.tactus.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tactus.signal.body.BodyRegion;
import io.tactus.signal.flags.Profiles;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignalSettingsFromAppTest {

    @Test
    void profileOverridesAndSpineWidthReachTheCoreSettings() {
        AppSettings s = AppSettings.defaults().withProfile("swedish").withSpineHalfWidthMm(25)
                .withBandOverrides(Map.of("swedish", Map.of("lumbar_l", new double[] {15, 45, 120})));
        var signal = s.toSignalSettings();
        assertEquals("swedish", signal.profile().id());
        assertEquals(15, signal.profile().band(BodyRegion.LUMBAR_L).targetMin());
        assertEquals(45, signal.profile().band(BodyRegion.LUMBAR_L).targetMax());
        assertEquals(120, signal.profile().band(BodyRegion.LUMBAR_L).hardMaxOrInfinity());
        assertEquals(Profiles.byId("swedish").band(BodyRegion.LUMBAR_R), signal.profile().band(BodyRegion.LUMBAR_R),
                "regions without an override keep the profile's own band");
        assertEquals(25, signal.bodyMap().spineHalfWidthMm());
    }

    @Test
    void overridesOfAnotherProfileAndNonsenseAreIgnored() {
        AppSettings s = AppSettings.defaults().withProfile("no-such-profile")
                .withBandOverrides(Map.of("swedish", Map.of("lumbar_l", new double[] {15, 45, 120}),
                        "gentle", Map.of("lumbar_l", new double[] {50, 10, 5})));
        var signal = s.toSignalSettings();
        assertEquals(io.tactus.signal.SignalSettings.defaults().profile(), signal.profile(),
                "unknown id falls back to the default; an inverted band is refused, not applied");
    }
}
