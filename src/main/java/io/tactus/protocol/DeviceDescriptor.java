package io.tactus.protocol;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;

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

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false);

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
        public static CalibrationSpec linear(double kpaPerCount, double offsetCounts) {
            return new CalibrationSpec("linear", kpaPerCount, offsetCounts, null, null, null);
        }

        public static CalibrationSpec power(double a, double b, double offsetCounts) {
            return new CalibrationSpec("power", null, offsetCounts, a, b, null);
        }

        public static CalibrationSpec table(double[][] points) {
            return new CalibrationSpec("table", null, null, null, null, points);
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
        DeviceDescriptor d;
        try {
            d = JSON.readValue(utf8, DeviceDescriptor.class);
        } catch (java.io.IOException e) {
            throw new DescriptorException("HELLO is not valid descriptor JSON: " + firstLine(e.getMessage()));
        }
        d.validate();
        return d;
    }

    public void validate() throws DescriptorException {
        if (protocol != 1) {
            throw new DescriptorException("unsupported protocol version " + protocol + " (expected 1)");
        }
        if (!LAYOUT_GRID.equals(layout) && !LAYOUT_GLOVE.equals(layout)) {
            throw new DescriptorException("layout must be \"grid\" or \"glove\", got " + layout);
        }
        if (rows <= 0 || cols <= 0 || (long) rows * cols > MAX_CELLS) {
            throw new DescriptorException("bad size " + rows + "x" + cols + " (1.." + MAX_CELLS + " cells)");
        }
        if (isGlove() && (taxels == null || taxels.size() != rows * cols)) {
            throw new DescriptorException("glove must list one taxel per cell (" + rows * cols + ")");
        }
        if (adcBits < 1 || adcBits > 16) {
            throw new DescriptorException("adc_bits must be 1..16, got " + adcBits);
        }
        if (!isGlove() && (pitchMm == null || pitchMm.length != 2 || !(pitchMm[0] > 0) || !(pitchMm[1] > 0))) {
            throw new DescriptorException("pitch_mm must be [x, y] with both > 0");
        }
        if (!(rateHz > 0) || rateHz > 100_000) {
            throw new DescriptorException("rate_hz must be in (0, 100000], got " + rateHz);
        }
    }

    public byte[] toJson() {
        try {
            return JSON.writeValueAsString(this).getBytes(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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
