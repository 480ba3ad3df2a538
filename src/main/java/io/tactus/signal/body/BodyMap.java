package io.tactus.signal.body;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tactus.protocol.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The back template: ordered region rules in body coordinates (mm from the spine midline, x negative toward the
 * receiver's left; mm below the shoulder line), read from editable JSON ({@code body-map-default.json} is the
 * built-in one; docs/SIGNAL.md describes the format). Geometry only: where the body sits on the mat is a
 * {@link Registration}.
 *
 * @param name             label
 * @param about            free text for people editing the file
 * @param referenceSizeMm  [width, length] of the back the template was drawn for (used by {@link #scaledTo})
 * @param spineHalfWidthMm half width of the spine band (configurable, default 20 mm)
 * @param regions          rules, first match wins
 * @param regionNames      display names per region id ({@code region_names}): the one source of the words app, CLI
 *                         text, exports and reports show; ids stay the data keys. A map without them (or missing
 *                         one) uses the built-in map's names.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BodyMap(@JsonProperty("name") String name,
                      @JsonProperty("about") String about,
                      @JsonProperty("reference_size_mm") double[] referenceSizeMm,
                      @JsonProperty("spine_half_width_mm") double spineHalfWidthMm,
                      @JsonProperty("regions") List<Rule> regions,
                      @JsonProperty("region_names") java.util.Map<String, RegionName> regionNames) {

    private static final ObjectMapper JSON = Json.MAPPER;

    public static final String RESOURCE = "body-map-default.json";

    /**
     * What a region is called for people.
     *
     * @param name  full name with the side, e.g. "Lower back (left)" (left/right are the receiver's)
     * @param short name without the side, for places that show the side otherwise (a gauge column)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RegionName(@JsonProperty("name") String name, @JsonProperty("short") String shortName) {
    }

    /** One shape that claims the cells whose centre it contains. Ranges use null for unbounded. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Rule(@JsonProperty("region") String region,
                       @JsonProperty("shape") String shape,
                       @JsonProperty("x") Double[] x,
                       @JsonProperty("y") Double[] y,
                       @JsonProperty("center") double[] center,
                       @JsonProperty("semi_axes") double[] semiAxes,
                       @JsonProperty("points") double[][] points) {

        @JsonIgnore
        BodyRegion regionEnum() {
            return BodyRegion.fromId(region);
        }

        boolean contains(double bx, double by, double spineHalfWidth) {
            return switch (shape) {
                case "rect" -> inX(bx) && inY(by);
                case "spine_band" -> Math.abs(bx) <= spineHalfWidth && inY(by);
                case "ellipse" -> {
                    double u = (bx - center[0]) / semiAxes[0];
                    double v = (by - center[1]) / semiAxes[1];
                    yield u * u + v * v <= 1;
                }
                case "polygon" -> insidePolygon(bx, by);
                default -> false;
            };
        }

        private boolean inX(double v) {
            return x == null || ((x[0] == null || v >= x[0]) && (x[1] == null || v <= x[1]));
        }

        private boolean inY(double v) {
            return y == null || ((y[0] == null || v >= y[0]) && (y[1] == null || v < y[1]));
        }

        private boolean insidePolygon(double px, double py) {
            boolean in = false;
            for (int i = 0, j = points.length - 1; i < points.length; j = i++) {
                double xi = points[i][0];
                double yi = points[i][1];
                double xj = points[j][0];
                double yj = points[j][1];
                if ((yi > py) != (yj > py) && px < (xj - xi) * (py - yi) / (yj - yi) + xi) {
                    in = !in;
                }
            }
            return in;
        }

        void validate() {
            BodyRegion.fromId(region);
            switch (shape == null ? "" : shape) {
                case "rect", "spine_band" -> {
                    check(x == null || x.length == 2, "x must be [min, max]");
                    check(y == null || y.length == 2, "y must be [min, max]");
                }
                case "ellipse" -> check(center != null && center.length == 2 && semiAxes != null
                        && semiAxes.length == 2 && semiAxes[0] > 0 && semiAxes[1] > 0,
                        "ellipse needs center [x, y] and semi_axes [a, b] > 0");
                case "polygon" -> {
                    check(points != null && points.length >= 3, "polygon needs >= 3 points");
                    for (double[] p : points) {
                        check(p != null && p.length == 2, "polygon points must be [x, y]");
                    }
                }
                default -> throw new IllegalArgumentException("region " + region + ": unknown shape '" + shape
                        + "' (rect, ellipse, polygon, spine_band)");
            }
        }

        private void check(boolean ok, String msg) {
            if (!ok) {
                throw new IllegalArgumentException("region " + region + ": " + msg);
            }
        }

        Rule scaled(double sx, double sy) {
            return new Rule(region, shape, scale(x, sx), scale(y, sy),
                    center == null ? null : new double[] {center[0] * sx, center[1] * sy},
                    semiAxes == null ? null : new double[] {semiAxes[0] * sx, semiAxes[1] * sy},
                    points == null ? null : scalePoints(points, sx, sy));
        }

        private static Double[] scale(Double[] r, double s) {
            return r == null ? null : new Double[] {r[0] == null ? null : r[0] * s, r[1] == null ? null : r[1] * s};
        }

        private static double[][] scalePoints(double[][] p, double sx, double sy) {
            double[][] o = new double[p.length][];
            for (int i = 0; i < p.length; i++) {
                o[i] = new double[] {p[i][0] * sx, p[i][1] * sy};
            }
            return o;
        }
    }

    public BodyMap {
        regions = regions == null ? List.of() : List.copyOf(regions);
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("body map has no regions");
        }
        if (!(spineHalfWidthMm > 0) || spineHalfWidthMm > 200) {
            throw new IllegalArgumentException("spine_half_width_mm must be in (0, 200], got " + spineHalfWidthMm);
        }
        for (Rule r : regions) {
            r.validate();
        }
        if (referenceSizeMm == null || referenceSizeMm.length != 2) {
            referenceSizeMm = new double[] {400, 600};
        }
        regionNames = regionNames == null ? java.util.Map.of() : java.util.Map.copyOf(regionNames);
        for (java.util.Map.Entry<String, RegionName> e : regionNames.entrySet()) {
            BodyRegion.fromId(e.getKey());
            if (e.getValue() == null || e.getValue().name() == null || e.getValue().name().isBlank()) {
                throw new IllegalArgumentException("region_names." + e.getKey() + ": needs a non-empty name");
            }
        }
    }

    /** The built-in template, read once (records are immutable; the arrays inside are not handed out to edit). */
    public static BodyMap standard() {
        return Standard.MAP;
    }

    private static final class Standard {
        static final BodyMap MAP = defaultMap();
    }

    /** The region's display name ("Lower back (left)"): this map's, else the built-in map's, else its id. */
    public String displayName(BodyRegion r) {
        RegionName n = nameOf(r);
        return n == null ? r.id() : n.name();
    }

    /** The region's name without the side ("Lower back"), for places that show the side separately. */
    public String shortName(BodyRegion r) {
        RegionName n = nameOf(r);
        return n == null ? r.id() : n.shortName() == null || n.shortName().isBlank() ? n.name() : n.shortName();
    }

    private RegionName nameOf(BodyRegion r) {
        RegionName n = regionNames.get(r.id());
        if (n == null && this != Standard.MAP) {
            n = Standard.MAP.regionNames.get(r.id());
        }
        return n;
    }

    /** The built-in template. */
    public static BodyMap defaultMap() {
        try (InputStream in = BodyMap.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("built-in body map " + RESOURCE + " missing from the jar");
            }
            return JSON.readValue(in, BodyMap.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IllegalArgumentException with a one-line reason for a malformed file */
    public static BodyMap load(Path file) {
        try {
            if (Files.size(file) > 1_000_000) {
                throw new IllegalArgumentException("body map " + file + " is implausibly large");
            }
            return JSON.readValue(file.toFile(), BodyMap.class);
        } catch (IOException e) {
            Throwable c = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            throw new IllegalArgumentException("body map " + file + ": " + String.valueOf(c.getMessage()).split("\n")[0]);
        }
    }

    public void save(Path file) {
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** BodyRegion at a body point, or null (above the shoulder line or outside every rule). */
    public BodyRegion regionAt(double x, double y) {
        for (Rule r : regions) {
            if (r.contains(x, y, spineHalfWidthMm)) {
                return r.regionEnum();
            }
        }
        return null;
    }

    public BodyMap withSpineHalfWidth(double mm) {
        return new BodyMap(name, about, referenceSizeMm, mm, regions, regionNames);
    }

    /**
     * The template stretched to a back of {@code widthMm} x {@code lengthMm} (e.g. a child, or a mat that covers
     * a different span). The spine band keeps its absolute half width: it is a safety margin, not anatomy.
     */
    public BodyMap scaledTo(double widthMm, double lengthMm) {
        double sx = widthMm / referenceSizeMm[0];
        double sy = lengthMm / referenceSizeMm[1];
        List<Rule> out = new ArrayList<>();
        for (Rule r : regions) {
            out.add(r.scaled(sx, sy));
        }
        return new BodyMap(name + " (scaled)", about, new double[] {widthMm, lengthMm}, spineHalfWidthMm, out, regionNames);
    }
}
