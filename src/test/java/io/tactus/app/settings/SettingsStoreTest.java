package io.tactus.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.render.ColorMap;
import io.tactus.render.Interpolation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @TempDir
    Path home;

    @Test
    void roundTripsEverySetting() {
        SettingsStore store = new SettingsStore(home);
        AppSettings s = AppSettings.defaults().withColorMap(ColorMap.BLUE_YELLOW)
                .withInterpolation(Interpolation.NEAREST).withScaleMaxKpa(350).withSoundMuted(true)
                .withProfile("swedish").withSpineHalfWidthMm(25).withScenario("mistakes").withLastPort("/dev/ttyACM0")
                .withBandOverrides(Map.of("swedish", Map.of("lumbar_l", new double[] {30, 90, 200})))
                .withRecent("/a.tactus").withRecent("/b.tactus").withRecent("/a.tactus");
        assertNull(store.save(s));
        AppSettings back = new SettingsStore(home).load();
        assertEquals(ColorMap.BLUE_YELLOW, back.colorMap());
        assertEquals(Interpolation.NEAREST, back.interpolation());
        assertEquals(350, back.scaleMaxKpa());
        assertTrue(back.soundMuted());
        assertEquals("swedish", back.profile());
        assertEquals(25, back.spineHalfWidthMm());
        assertEquals("mistakes", back.scenario());
        assertEquals("/dev/ttyACM0", back.lastPort());
        assertEquals(200, back.bandOverrides().get("swedish").get("lumbar_l")[2]);
        assertEquals(java.util.List.of("/a.tactus", "/b.tactus"), back.recentFiles());
    }

    @Test
    void aBrokenFileGivesDefaultsAndAWarning() throws Exception {
        Files.writeString(home.resolve("settings.json"), "{ not json");
        SettingsStore store = new SettingsStore(home);
        AppSettings s = store.load();
        assertEquals(AppSettings.defaults().colorMap(), s.colorMap());
        assertNotNull(store.warning());
        assertTrue(Files.exists(home.resolve("settings.json.bad")));
    }

    @Test
    void nonsenseValuesFallBackToDefaults() throws Exception {
        Files.writeString(home.resolve("settings.json"), "{\"scaleMaxKpa\": -5, \"colorMap\": null, \"extra\": 1}");
        AppSettings s = new SettingsStore(home).load();
        assertEquals(AppSettings.SCALE_AUTO, s.scaleMaxKpa(), "nonsense falls back to the default (auto)");
        assertEquals(ColorMap.VIRIDIS, s.colorMap());
    }

    @Test
    void recentListIsBounded() {
        AppSettings s = AppSettings.defaults();
        for (int i = 0; i < 20; i++) {
            s = s.withRecent("/f" + i);
        }
        assertEquals(AppSettings.MAX_RECENT, s.recentFiles().size());
        assertEquals("/f19", s.recentFiles().get(0));
    }
}
