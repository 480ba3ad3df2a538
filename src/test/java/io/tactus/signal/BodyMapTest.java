package io.tactus.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.signal.body.BodyMap;
import io.tactus.signal.body.BodyRegion;
import io.tactus.signal.body.Registration;
import io.tactus.signal.technique.Routine;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BodyMapTest {

    private final BodyMap map = BodyMap.defaultMap();

    @Test
    void defaultTemplateMatchesTheSimulatorsBack() {
        // the points of docs/SIMULATOR.md's back template
        assertEquals(BodyRegion.SPINE, map.regionAt(0, 200));
        assertEquals(BodyRegion.SPINE, map.regionAt(-20, 100));
        assertEquals(BodyRegion.THORACIC_L, map.regionAt(-21, 100));
        assertEquals(BodyRegion.SHOULDER_R, map.regionAt(60, 40));
        assertEquals(BodyRegion.SCAPULA_L, map.regionAt(-120, 150));
        assertEquals(BodyRegion.SCAPULA_R, map.regionAt(150, 150));
        assertEquals(BodyRegion.THORACIC_R, map.regionAt(160, 150));
        assertEquals(BodyRegion.LUMBAR_L, map.regionAt(-80, 380));
        assertEquals(BodyRegion.SACRUM, map.regionAt(0, 500));
        assertEquals(BodyRegion.ILIAC_R, map.regionAt(120, 500));
        assertNull(map.regionAt(0, -10), "above the shoulder line is off the back");
    }

    @Test
    void spineBandWidthIsConfigurable() {
        SignalPipeline narrow = new SignalPipeline(TestMat.descriptor(), SignalSettings.defaults().withSpineHalfWidth(10));
        SignalPipeline wide = new SignalPipeline(TestMat.descriptor(), SignalSettings.defaults().withSpineHalfWidth(30));
        long nSpine = java.util.Arrays.stream(narrow.cellRegions()).filter(r -> r == BodyRegion.SPINE).count();
        long wSpine = java.util.Arrays.stream(wide.cellRegions()).filter(r -> r == BodyRegion.SPINE).count();
        // 12.5 mm columns: centres at 6.25 (within 10), 18.75 (within 30), 31.25
        assertEquals(2 * 25, nSpine);
        assertEquals(4 * 25, wSpine);
    }

    @Test
    void editedFileLoadsAndBadFileGivesOneLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("map.json");
        map.withSpineHalfWidth(25).save(f);
        assertEquals(25, BodyMap.load(f).spineHalfWidthMm());
        Files.writeString(f, "{\"spine_half_width_mm\": 20, \"regions\": [{\"region\": \"neck\", \"shape\": \"rect\"}]}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BodyMap.load(f));
        assertTrue(e.getMessage().contains("neck") && !e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void manualRegistrationShiftsTheMap() {
        SignalPipeline p = new SignalPipeline(TestMat.descriptor());
        p.setRegistration(Registration.manual(250, 0, 0));
        BodyRegion[] cells = p.cellRegions();
        assertEquals(BodyRegion.SPINE, cells[5 * 32 + 19]); // column 19 centre 243.75 mm
        assertEquals(BodyRegion.THORACIC_L, cells[5 * 32 + 15]);
        assertTrue(p.regionOutlines().stream().anyMatch(o -> o.region() == BodyRegion.SCAPULA_R));
    }

    @Test
    void scaledTemplateKeepsTheSpineBand() {
        BodyMap child = map.scaledTo(300, 450);
        assertEquals(20, child.spineHalfWidthMm());
        assertEquals(BodyRegion.SACRUM, child.regionAt(0, 360));
        assertEquals(BodyRegion.LUMBAR_L, map.regionAt(-60, 360));
    }

    @Test
    void routineFileErrorsAreOneLine(@TempDir Path dir) throws Exception {
        assertEquals(7, Routine.defaultRoutine().steps().size());
        Path f = dir.resolve("r.json");
        Files.writeString(f, "{\"name\": \"x\", \"steps\": [{\"id\": \"a\", \"kind\": \"strokes\", \"direction\": \"sideways\", \"count\": 2}]}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Routine.load(f));
        assertTrue(e.getMessage().contains("direction") && !e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void displayNamesComeFromTheMapFile(@TempDir Path dir) throws Exception {
        assertEquals("Lower back (left)", map.displayName(BodyRegion.LUMBAR_L));
        assertEquals("Lower back", map.shortName(BodyRegion.LUMBAR_L));
        assertEquals("Shoulder blade (right)", map.displayName(BodyRegion.SCAPULA_R));
        java.util.Set<String> names = new java.util.HashSet<>();
        for (BodyRegion r : BodyRegion.values()) {
            assertTrue(names.add(map.displayName(r)), "one name per region: " + map.displayName(r));
        }
        // a user's map renames one region; the rest fall back to the built-in names; ids are unchanged
        Path f = dir.resolve("mine.json");
        String json = new String(BodyMap.class.getResourceAsStream(BodyMap.RESOURCE).readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"region_names\": {", "\"region_names\": {\"thoracic_r\": {\"name\": \"Brustwirbel rechts\"},")
                .replaceAll(",\\s*\"thoracic_r\": \\{\"name\": \"Mid back \\(right\\)\", \"short\": \"Mid back\"\\}", "");
        Files.writeString(f, json);
        BodyMap mine = BodyMap.load(f);
        assertEquals("Brustwirbel rechts", mine.displayName(BodyRegion.THORACIC_R));
        assertEquals("Brustwirbel rechts", mine.shortName(BodyRegion.THORACIC_R), "no short name: the full one");
        assertEquals("Lower back (left)", mine.displayName(BodyRegion.LUMBAR_L));
        assertEquals("Mid back (left)", mine.scaledTo(300, 450).displayName(BodyRegion.THORACIC_L));
        // a name for a region that does not exist is a one-line error
        Files.writeString(f, json.replace("\"region_names\": {", "\"region_names\": {\"elbow\": {\"name\": \"Elbow\"},"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BodyMap.load(f));
        assertTrue(e.getMessage().contains("elbow") && !e.getMessage().contains("\n"), e.getMessage());
    }
}
