package io.tactus.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.protocol.DeviceDescriptor.CalibrationSpec;
import io.tactus.protocol.DeviceDescriptor.DescriptorException;
import io.tactus.protocol.DeviceDescriptor.Taxel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceDescriptorTest {

    private static final String GRID = """
            {"protocol":1,"device":"TactusMat","serial":"M-0001","firmware":"1.2.0","layout":"grid",
             "rows":32,"cols":32,"pitch_mm":[15.0,15.0],"adc_bits":12,"rate_hz":100,
             "calibration":{"model":"linear","kpa_per_count":0.05,"offset_counts":40}}""";

    private static final String GLOVE = """
            {"protocol":1,"device":"TactusGlove","serial":"G-7","firmware":"0.3","layout":"glove",
             "rows":1,"cols":3,"adc_bits":10,"rate_hz":200,
             "taxels":[{"id":0,"hand":"right","zone":"thumb_tip"},{"id":1,"hand":"right","zone":"palm_heel"},
                       {"id":2,"hand":"left","zone":"knuckles"}]}""";

    private static DeviceDescriptor parse(String json) throws DescriptorException {
        return DeviceDescriptor.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Parses and expects a rejection whose message is one short line containing {@code fragment}. */
    private static String rejected(String json, String fragment) {
        DescriptorException e = assertThrows(DescriptorException.class, () -> parse(json));
        String m = e.getMessage();
        assertFalse(m.contains("\n") || m.contains("\r"), "one line: " + m);
        assertTrue(m.length() < 300, "short: " + m);
        assertTrue(m.contains(fragment), "message '" + m + "' should mention '" + fragment + "'");
        return m;
    }

    private static String with(String json, String field, String value) {
        String out = json.replaceFirst("\"" + field + "\":(\\[[^\\]]*\\]|\\{[^}]*\\}|\"[^\"]*\"|[^,}]+)",
                "\"" + field + "\":" + value);
        assertFalse(out.equals(json), "test bug: field " + field + " not replaced");
        return out;
    }

    private static String without(String json, String field) {
        String value = "\"" + field + "\":(\\[[^\\]]*\\]|\\{[^}]*\\}|\"[^\"]*\"|[^,}]+)";
        String out = json.replaceFirst(",\\s*" + value, "");
        if (out.equals(json)) {
            out = json.replaceFirst(value + "\\s*,?", "");
        }
        assertFalse(out.equals(json), "test bug: field " + field + " not removed");
        return out;
    }

    @Test
    void gridParses() throws Exception {
        DeviceDescriptor d = parse(GRID);
        assertEquals(32, d.rows());
        assertEquals(1024, d.cellCount());
        assertEquals(15.0, d.pitchXmm());
        assertEquals(15.0, d.pitchYmm());
        assertEquals(12, d.adcBits());
        assertEquals(100.0, d.rateHz());
        assertFalse(d.isGlove());
        assertEquals(CalibrationSpec.linear(0.05, 40), d.calibration());
    }

    @Test
    void gloveParses() throws Exception {
        DeviceDescriptor d = parse(GLOVE);
        assertTrue(d.isGlove());
        assertEquals(3, d.cellCount());
        assertEquals(new Taxel(0, "right", "thumb_tip"), d.taxels().get(0));
        assertEquals("knuckles", d.taxels().get(2).zone());
    }

    @Test
    void toJsonRoundTrips() throws Exception {
        for (String json : List.of(GRID, GLOVE)) {
            DeviceDescriptor d = parse(json);
            assertEquals(d, DeviceDescriptor.parse(d.toJson()));
        }
        DeviceDescriptor table = new DeviceDescriptor(1, "x", null, null, "grid", 2, 2, new double[] {10, 12}, 10, 50,
                null, CalibrationSpec.table(new double[][] {{0, 0}, {100, 5}, {1023, 80}}));
        assertEquals(table, DeviceDescriptor.parse(table.toJson()));
        assertEquals(12.0, table.pitchYmm());
    }

    @Test
    void unknownFieldsAreIgnored() throws Exception {
        assertEquals(32, parse(GRID.replace("\"rows\"", "\"vendor_extra\":{\"a\":[1,2]},\"rows\"")).rows());
    }

    @Test
    void eachCalibrationModel() throws Exception {
        assertEquals("linear", parse(GRID).calibration().model());
        DeviceDescriptor p = parse(with(GRID, "calibration", "{\"model\":\"power\",\"a\":0.8,\"b\":1.3,\"offset_counts\":12}"));
        assertEquals(CalibrationSpec.power(0.8, 1.3, 12), p.calibration());
        DeviceDescriptor t = parse(with(GRID, "calibration", "{\"model\":\"table\",\"points\":[[0,0],[512,20],[4095,150]]}"));
        assertEquals(3, t.calibration().points().length);
        assertEquals(150.0, t.calibration().points()[2][1]);
        assertEquals(null, parse(without(GRID, "calibration")).calibration());
    }

    @Test
    void badCalibrationsAreRejected() {
        rejected(with(GRID, "calibration", "{\"model\":\"linear\",\"offset_counts\":1}"), "kpa_per_count");
        rejected(with(GRID, "calibration", "{\"model\":\"linear\",\"kpa_per_count\":-1,\"offset_counts\":1}"), "> 0");
        rejected(with(GRID, "calibration", "{\"model\":\"power\",\"a\":1,\"offset_counts\":0}"), "finite b");
        rejected(with(GRID, "calibration", "{\"model\":\"power\",\"a\":1,\"b\":0,\"offset_counts\":0}"), "b > 0");
        rejected(with(GRID, "calibration", "{\"model\":\"table\",\"points\":[[0,0]]}"), "points");
        rejected(with(GRID, "calibration", "{\"model\":\"table\",\"points\":[[0,0],[10]]}"), "point 1");
        rejected(with(GRID, "calibration", "{\"model\":\"table\",\"points\":[[0,0],[10,5],[5,6]]}"), "increasing");
        rejected(with(GRID, "calibration", "{\"model\":\"table\",\"points\":[[0,9],[10,5]]}"), "non-decreasing");
        rejected(with(GRID, "calibration", "{\"model\":\"cubic\"}"), "unknown calibration model");
        rejected(with(GRID, "calibration", "{\"kpa_per_count\":1}"), "model");
        rejected(with(GRID, "calibration", "{\"model\":\"linear\",\"kpa_per_count\":1e999,\"offset_counts\":0}"),
                "finite");
    }

    @Test
    void gloveRules() {
        rejected(without(GLOVE, "taxels"), "one taxel per cell");
        rejected(with(GLOVE, "cols", "4"), "one taxel per cell (4), got 3");
        rejected(with(GLOVE, "rows", "3"), "rows = 1");
        rejected(GLOVE.replace("\"id\":1", "\"id\":0"), "appears twice");
        rejected(GLOVE.replace("\"hand\":\"left\"", "\"hand\":\"middle\""), "hand");
        rejected(GLOVE.replace("{\"id\":0,", "null,{\"id\":9,"), "one taxel per cell");
    }

    @ParameterizedTest
    @ValueSource(strings = {"protocol", "layout", "rows", "cols", "adc_bits", "rate_hz"})
    void missingRequiredFields(String field) {
        rejected(without(GRID, field), "missing \"" + field + "\"");
    }

    @Test
    void gridNeedsPitch() {
        rejected(without(GRID, "pitch_mm"), "pitch_mm");
        rejected(with(GRID, "pitch_mm", "[15]"), "pitch_mm");
        rejected(with(GRID, "pitch_mm", "[0,15]"), "pitch_mm");
        rejected(with(GRID, "pitch_mm", "[15,1e308]"), "pitch_mm");
    }

    @Test
    void hostileSizesAndRanges() {
        rejected(with(GRID, "rows", "100000"), "bad size");
        rejected(with(GRID, "rows", "2147483647"), "bad size");
        rejected(with(GRID, "rows", "99999999999999999999"), "rows");
        rejected(with(GRID, "cols", "-3"), "bad size");
        rejected(with(GRID, "rows", "0"), "bad size");
        rejected(with(GRID, "adc_bits", "17"), "adc_bits");
        rejected(with(GRID, "rate_hz", "0"), "rate_hz");
        rejected(with(GRID, "rate_hz", "1e9"), "rate_hz");
        rejected(with(GRID, "protocol", "2"), "protocol version 2");
        rejected(with(GRID, "layout", "\"sphere\""), "layout");
        assertEquals(DeviceDescriptor.MAX_CELLS, 32768);
    }

    @Test
    void wrongTypes() {
        rejected(with(GRID, "rows", "\"32\""), "rows");
        rejected(with(GRID, "rows", "32.5"), "rows");
        rejected(with(GRID, "rows", "true"), "rows");
        rejected(with(GRID, "pitch_mm", "\"wide\""), "pitch_mm");
        rejected(with(GRID, "layout", "7"), "layout");
        rejected(with(GRID, "calibration", "[1,2]"), "calibration");
        rejected(with(GLOVE, "taxels", "{\"id\":1}"), "taxels");
        rejected(with(GRID, "rows", "null"), "missing \"rows\"");
    }

    @Test
    void notJsonOrNotAnObject() {
        rejected("", "");
        rejected("{", "not valid JSON");
        rejected("[1,2,3]", "JSON object");
        rejected("\"hello\"", "JSON object");
        rejected(GRID + " trailing", "not valid JSON");
        rejected("\u0000\u0001\u00ff garbage", "not valid JSON");
        rejected("[".repeat(5000), "not valid JSON");
        String longKey = "{\"" + "k".repeat(60_000) + "\":";
        rejected(longKey, "not valid JSON");
    }

    @Test
    void hugeStringsAreClippedInMessages() {
        String m = rejected(with(GRID, "layout", "\"" + "x".repeat(50_000) + "\""), "layout");
        assertTrue(m.length() < 300);
    }
}
