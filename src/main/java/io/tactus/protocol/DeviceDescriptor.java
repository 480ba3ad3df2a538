package io.tactus.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The HELLO descriptor a device sends at boot and on request (PROTOCOL.md, section HELLO). For a glove
 * {@code rows} is 1 and {@code cols} is the number of taxels; frame cell i is taxel i.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeviceDescriptor(
        @JsonProperty("protocol") int protocol,
        @JsonProperty("device") String device,
        @JsonProperty("serial") String serial,
        @JsonProperty("firmware") String firmware,
        @JsonProperty("layout") String layout,
        @JsonProperty("rows") int rows,
        @JsonProperty("cols") int cols,
        @JsonProperty("pitch_mm") double[] pitchMm,
        @JsonProperty("adc_bits") int adcBits,
        @JsonProperty("rate_hz") double rateHz,
        @JsonProperty("taxels") List<Taxel> taxels,
        @JsonProperty("calibration") CalibrationSpec calibration) {

    public static final String LAYOUT_GRID = "grid";
    public static final String LAYOUT_GLOVE = "glove";
    /** Largest grid accepted: a dense frame of 256x128 u16 cells fills the 65,536-byte payload. */
    public static final int MAX_CELLS = Packet.MAX_PAYLOAD / 2;

    /** Longest reason text put into a {@link DescriptorException} (the JSON comes from an untrusted device). */
    private static final int MAX_REASON = 160;
    /** Most calibration table points accepted. */
    public static final int MAX_TABLE_POINTS = 4096;

    // Strict on types: "rows": "16" or 16.5 is a firmware bug worth reporting, not something to guess at.
    // (The shared mapper already refuses "16" for a number; a HELLO is also refused floats for ints, nulls for
    // primitives and anything after the object.)
    private static final ObjectReader JSON = Json.MAPPER.reader()
            .without(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private static final List<String> REQUIRED = List.of("protocol", "layout", "rows", "cols", "adc_bits", "rate_hz");

    /** One glove sensing point. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Taxel(@JsonProperty("id") int id, @JsonProperty("hand") String hand,
                        @JsonProperty("zone") String zone) {
    }

    /**
     * Factory calibration carried in HELLO: {@code linear} (kpa_per_count, offset_counts), {@code power}
     * (kPa = a * (count - offset)^b) or {@code table} (points [[count, kPa], ...], monotone).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CalibrationSpec(@JsonProperty("model") String model,
                                  @JsonProperty("kpa_per_count") Double kpaPerCount,
                                  @JsonProperty("offset_counts") Double offsetCounts,
                                  @JsonProperty("a") Double a,
                                  @JsonProperty("b") Double b,
                                  @JsonProperty("points") double[][] points) {
        public static final String LINEAR = "linear";
        public static final String POWER = "power";
        public static final String TABLE = "table";

        public static CalibrationSpec linear(double kpaPerCount, double offsetCounts) {
            return new CalibrationSpec("linear", kpaPerCount, offsetCounts, null, null, null);
        }

        public static CalibrationSpec power(double a, double b, double offsetCounts) {
            return new CalibrationSpec("power", null, offsetCounts, a, b, null);
        }

        public static CalibrationSpec table(double[][] points) {
            return new CalibrationSpec("table", null, null, null, null, points);
        }

        /** Checks that the fields the model needs are present, finite and usable. */
        public void validate() throws DescriptorException {
            if (model == null) {
                throw new DescriptorException("calibration needs a \"model\" (linear, power or table)");
            }
            switch (model) {
                case LINEAR -> {
                    requireFinite("kpa_per_count", kpaPerCount);
                    requireFinite("offset_counts", offsetCounts);
                    if (kpaPerCount <= 0) {
                        throw new DescriptorException("calibration kpa_per_count must be > 0, got " + kpaPerCount);
                    }
                }
                case POWER -> {
                    requireFinite("a", a);
                    requireFinite("b", b);
                    requireFinite("offset_counts", offsetCounts);
                    if (a <= 0 || b <= 0) {
                        throw new DescriptorException("calibration power needs a > 0 and b > 0, got a=" + a + " b=" + b);
                    }
                }
                case TABLE -> validateTable();
                default -> throw new DescriptorException(
                        "unknown calibration model " + clip(model) + " (linear, power or table)");
            }
        }

        private void validateTable() throws DescriptorException {
            if (points == null || points.length < 2 || points.length > MAX_TABLE_POINTS) {
                throw new DescriptorException("calibration table needs 2.." + MAX_TABLE_POINTS + " points [count, kPa]");
            }
            for (int i = 0; i < points.length; i++) {
                double[] pt = points[i];
                if (pt == null || pt.length != 2 || !Double.isFinite(pt[0]) || !Double.isFinite(pt[1])) {
                    throw new DescriptorException("calibration table point " + i + " must be [count, kPa]");
                }
                if (i > 0 && (pt[0] <= points[i - 1][0] || pt[1] < points[i - 1][1])) {
                    throw new DescriptorException("calibration table must have increasing counts and "
                            + "non-decreasing kPa (point " + i + ")");
                }
            }
        }

        private static void requireFinite(String name, Double v) throws DescriptorException {
            if (v == null || !Double.isFinite(v)) {
                throw new DescriptorException("calibration needs a finite " + name);
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof CalibrationSpec c && Objects.equals(model, c.model)
                    && Objects.equals(kpaPerCount, c.kpaPerCount) && Objects.equals(offsetCounts, c.offsetCounts)
                    && Objects.equals(a, c.a) && Objects.equals(b, c.b) && Arrays.deepEquals(points, c.points);
        }

        @Override
        public int hashCode() {
            return Objects.hash(model, kpaPerCount, offsetCounts, a, b, Arrays.deepHashCode(points));
        }

        @Override
        public String toString() {
            return "CalibrationSpec[" + model + " kpa_per_count=" + kpaPerCount + " offset=" + offsetCounts + " a=" + a
                    + " b=" + b + " points=" + (points == null ? 0 : points.length) + "]";
        }
    }

    @JsonIgnore
    public int cellCount() {
        return rows * cols;
    }

    @JsonIgnore
    public boolean isGlove() {
        return LAYOUT_GLOVE.equals(layout);
    }

    /** Physical pitch along columns (x, across the back) in mm. */
    @JsonIgnore
    public double pitchXmm() {
        return pitchMm != null && pitchMm.length > 0 ? pitchMm[0] : 0;
    }

    /** Physical pitch along rows (y, head to feet) in mm. */
    @JsonIgnore
    public double pitchYmm() {
        return pitchMm != null && pitchMm.length > 1 ? pitchMm[1] : pitchXmm();
    }

    /**
     * Parses and validates a HELLO payload.
     *
     * @throws DescriptorException with a one-line reason if the JSON is malformed or the layout is unusable
     */
    public static DeviceDescriptor parse(byte[] utf8) throws DescriptorException {
        JsonNode tree;
        try {
            tree = JSON.readTree(utf8);
        } catch (java.io.IOException e) {
            throw new DescriptorException("HELLO is not valid JSON: " + clip(firstLine(
                    e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage())));
        }
        return parse(tree);
    }

    /**
     * Validates a descriptor already read as JSON (a recording's metadata carries one) exactly like a HELLO
     * payload, without writing it out and reading it again: in {@code tactus info} that round trip was the
     * serializer's only use, started up for it alone.
     *
     * @throws DescriptorException with a one-line reason if the layout is unusable
     */
    public static DeviceDescriptor parse(JsonNode tree) throws DescriptorException {
        if (tree == null || !tree.isObject()) {
            throw new DescriptorException("HELLO must be a JSON object");
        }
        for (String field : REQUIRED) {
            if (!tree.hasNonNull(field)) {
                throw new DescriptorException("HELLO is missing \"" + field + "\"");
            }
        }
        for (String field : List.of("protocol", "rows", "cols", "adc_bits")) {
            JsonNode n = tree.get(field);
            if (!n.isIntegralNumber() || !n.canConvertToInt()) {
                throw new DescriptorException("HELLO field \"" + field + "\" must be an integer, got " + clip(n.toString()));
            }
        }
        if (!tree.get("rate_hz").isNumber()) {
            throw new DescriptorException("HELLO field \"rate_hz\" must be a number, got " + clip(tree.get("rate_hz").toString()));
        }
        if (!tree.get("layout").isTextual()) {
            throw new DescriptorException("HELLO field \"layout\" must be a string, got " + clip(tree.get("layout").toString()));
        }
        DeviceDescriptor d;
        try {
            d = JSON.treeToValue(tree, DeviceDescriptor.class);
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new DescriptorException(describe(e));
        }
        d.validate();
        return d;
    }

    private static String describe(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()) {
                return "HELLO field " + path(m) + " has the wrong type or value: " + clip(firstLine(m.getOriginalMessage()));
            }
        }
        return "HELLO is not a valid descriptor: " + clip(firstLine(e.getMessage()));
    }

    private static String path(com.fasterxml.jackson.databind.JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "(root)" : "\"" + clip(sb.toString()) + "\"";
    }

    public void validate() throws DescriptorException {
        if (protocol != 1) {
            throw new DescriptorException("unsupported protocol version " + protocol + " (expected 1)");
        }
        if (!LAYOUT_GRID.equals(layout) && !LAYOUT_GLOVE.equals(layout)) {
            throw new DescriptorException("layout must be \"grid\" or \"glove\", got " + clip(layout));
        }
        if (rows <= 0 || cols <= 0 || (long) rows * cols > MAX_CELLS) {
            throw new DescriptorException("bad size " + rows + "x" + cols + " (1.." + MAX_CELLS + " cells)");
        }
        if (isGlove() && rows != 1) {
            throw new DescriptorException("a glove has rows = 1 (one cell per taxel), got " + rows);
        }
        if (isGlove() && (taxels == null || taxels.size() != rows * cols)) {
            throw new DescriptorException("glove must list one taxel per cell (" + rows * cols + "), got "
                    + (taxels == null ? "none" : taxels.size()));
        }
        if (taxels != null) {
            validateTaxels();
        }
        if (adcBits < 1 || adcBits > 16) {
            throw new DescriptorException("adc_bits must be 1..16, got " + adcBits);
        }
        if (!isGlove() && (pitchMm == null || pitchMm.length != 2 || !validPitch(pitchMm[0]) || !validPitch(pitchMm[1]))) {
            throw new DescriptorException("pitch_mm must be [x, y] with both in (0, 1000] mm");
        }
        if (isGlove() && pitchMm != null && (pitchMm.length != 2 || !validPitch(pitchMm[0]) || !validPitch(pitchMm[1]))) {
            throw new DescriptorException("pitch_mm, when given, must be [x, y] with both in (0, 1000] mm");
        }
        if (!(rateHz > 0) || rateHz > 100_000) {
            throw new DescriptorException("rate_hz must be in (0, 100000], got " + rateHz);
        }
        if (calibration != null) {
            calibration.validate();
        }
    }

    private static boolean validPitch(double mm) {
        return mm > 0 && mm <= 1000;
    }

    private void validateTaxels() throws DescriptorException {
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < taxels.size(); i++) {
            Taxel t = taxels.get(i);
            if (t == null) {
                throw new DescriptorException("taxel " + i + " is null");
            }
            if (!ids.add(t.id())) {
                throw new DescriptorException("taxel id " + t.id() + " appears twice");
            }
            if (t.hand() != null && !t.hand().equals("left") && !t.hand().equals("right")) {
                throw new DescriptorException("taxel " + t.id() + " hand must be \"left\" or \"right\", got "
                        + clip(t.hand()));
            }
        }
    }

    /**
     * True when {@code o} describes the same sensor, whatever its frame rate: a device re-sends its HELLO after
     * SET_RATE with only {@code rate_hz} changed. Layout, size, pitch, ADC, calibration, taxels and identity
     * (device, serial, firmware) must all match.
     */
    public boolean sameSensorAs(DeviceDescriptor o) {
        if (o == null) {
            return false;
        }
        DeviceDescriptor a = new DeviceDescriptor(protocol, device, serial, firmware, layout, rows, cols, pitchMm,
                adcBits, 1, taxels, calibration);
        DeviceDescriptor b = new DeviceDescriptor(o.protocol, o.device, o.serial, o.firmware, o.layout, o.rows, o.cols,
                o.pitchMm, o.adcBits, 1, o.taxels, o.calibration);
        return Arrays.equals(a.toJson(), b.toJson()); // JSON: the calibration table is an array (no deep equals)
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeviceDescriptor d && protocol == d.protocol && rows == d.rows && cols == d.cols
                && adcBits == d.adcBits && Double.compare(rateHz, d.rateHz) == 0 && Objects.equals(device, d.device)
                && Objects.equals(serial, d.serial) && Objects.equals(firmware, d.firmware)
                && Objects.equals(layout, d.layout) && Arrays.equals(pitchMm, d.pitchMm)
                && Objects.equals(taxels, d.taxels) && Objects.equals(calibration, d.calibration);
    }

    @Override
    public int hashCode() {
        return Objects.hash(protocol, device, serial, firmware, layout, rows, cols, Arrays.hashCode(pitchMm), adcBits,
                rateHz, taxels, calibration);
    }

    @Override
    public String toString() {
        return "DeviceDescriptor[" + device + " serial=" + serial + " fw=" + firmware + " " + layout + " " + rows + "x"
                + cols + " pitch=" + Arrays.toString(pitchMm) + " adc_bits=" + adcBits + " rate=" + rateHz + "Hz"
                + (taxels == null ? "" : " taxels=" + taxels.size()) + (calibration == null ? "" : " " + calibration)
                + "]";
    }

    public byte[] toJson() {
        try {
            return Json.MAPPER.writeValueAsString(this).getBytes(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String clip(String s) {
        String t = s == null ? "null" : s.replaceAll("\\p{Cntrl}", " ");
        return t.length() <= MAX_REASON ? t : t.substring(0, MAX_REASON) + "...";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** A descriptor that cannot be used, with a user-readable one-line reason. */
    public static final class DescriptorException extends Exception {
        public DescriptorException(String message) {
            super(message);
        }
    }
}
