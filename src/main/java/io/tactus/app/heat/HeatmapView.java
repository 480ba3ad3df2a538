package io.tactus.app.heat;

import io.tactus.render.BackAnatomy;
import io.tactus.render.Interpolation;
import io.tactus.render.HeatmapRaster;
import io.tactus.render.ColorMap;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Rectangle2D;
import javafx.scene.Group;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Path;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.transform.Scale;

/**
 * The heatmap with the back drawn over it. Pixels go into a {@link WritableImage} backed by a
 * {@link PixelBuffer} of the raster's fixed size (cells x scale); the mat pane is then scaled as a whole to fit,
 * so per-frame cost is independent of the window. Vector overlays (back outline, region boundaries, spine band,
 * alert outlines) are built once per layout and only toggled afterwards. Call {@link #draw} on the FX thread.
 */
public final class HeatmapView extends Region {

    private static final Color ALERT = Color.web("#ff1744");

    private final Pane mat = new Pane();
    private final Group scaled = new Group(mat);
    private final Scale fit = new Scale(1, 1, 0, 0);
    private final ImageView imageView = new ImageView();
    private final AnatomyLayer anatomyLayer = new AnatomyLayer();
    private final Group overlay = new Group();
    private final TrailLayer trails = new TrailLayer();
    private final Map<io.tactus.signal.body.BodyRegion, Group> alertOutlines = new EnumMap<>(io.tactus.signal.body.BodyRegion.class);
    private final Text placeholder = new Text();
    private HeatmapRaster raster;
    private IntBuffer buffer;
    private PixelBuffer<IntBuffer> pixelBuffer;
    private RegionLayout layout;
    private boolean flashOn;
    /** Shown height per raster pixel of width: the cells' pitch ratio, so the back keeps its true proportions. */
    private double aspect = 1;
    private final javafx.beans.property.DoubleProperty widthPerHeight =
            new javafx.beans.property.SimpleDoubleProperty(1);
    private BackAnatomy anatomy;
    private float floorKpa = 0.5f;
    private float contourKpa = Float.NaN;
    private boolean stale;
    private final javafx.scene.effect.ColorAdjust greyed = new javafx.scene.effect.ColorAdjust(0, -1, -0.35, 0);

    private float[] drawnKpa;

    public HeatmapView() {
        // The back under the pressure: a light, skin-neutral ground so that even the colour map's darkest (lowest
        // pressure) colour stands out, and zero pressure is simply no colour.
        mat.getChildren().addAll(anatomyLayer, imageView, overlay, trails);
        mat.setBackground(new javafx.scene.layout.Background(new javafx.scene.layout.BackgroundFill(
                AnatomyLayer.argb(BackAnatomy.GROUND_ARGB), null, null)));
        scaled.getTransforms().add(fit);
        placeholder.setFill(Color.web("#c8d0d8"));
        placeholder.setFont(Font.font(null, FontWeight.BOLD, 22));
        placeholder.setTextAlignment(javafx.scene.text.TextAlignment.CENTER); // a hint may take two lines
        getChildren().addAll(scaled, placeholder);
        getStyleClass().add("heatmap");
        setMinSize(200, 200);
        showPlaceholder("No device connected");
    }

    /** Shown instead of the heatmap (no device, glove, not available yet...). */
    public void showPlaceholder(String text) {
        placeholder.setText(text);
        placeholder.setVisible(true);
        scaled.setVisible(false);
        requestLayout();
    }

    /**
     * The back illustration (from the body map and registration, in raster pixels), drawn under the pressure;
     * null for none (a glove, no body map).
     */
    public void setAnatomy(BackAnatomy a) {
        if (a != anatomy) {
            anatomy = a;
            buildAnatomy();
        }
    }

    /**
     * The mat's true proportions: shown height per width unit of the raster (pitch y / pitch x); text in the
     * overlay is scaled back so it is not stretched.
     */
    public void setAspect(double yPerX) {
        double a = yPerX > 0 && Double.isFinite(yPerX) ? yPerX : 1;
        if (a != aspect) {
            aspect = a;
            unstretchText();
            updateRatio();
            requestLayout();
        }
    }

    /** Width of the drawn mat per unit of height, for sizing the space around it. */
    public javafx.beans.property.ReadOnlyDoubleProperty widthPerHeightProperty() {
        return widthPerHeight;
    }

    private void updateRatio() {
        if (raster != null) {
            widthPerHeight.set(raster.width() / (raster.height() * aspect));
        }
    }

    private void unstretchText() {
        for (javafx.scene.Node n : overlay.getChildren()) {
            if (n instanceof Text t) {
                t.setScaleY(1 / aspect);
            }
        }
    }

    /** Pressure at or below {@code kpa} (the noise floor) is not coloured: the back shows through. */
    public void setFloorKpa(float kpa) {
        floorKpa = kpa;
    }

    /** Draws the contact contour (iso-line) at {@code kpa}; NaN for none. */
    public void setContourKpa(float kpa) {
        contourKpa = kpa;
    }

    /** Centre-of-pressure trails, one polyline per contact in raster pixels; an empty list clears them. */
    public void showTrails(java.util.List<double[]> polylines) {
        trails.show(polylines);
    }

    /** The back illustration drawn under the pressure now (null: none). */
    public BackAnatomy anatomy() {
        return anatomy;
    }

    /** Whether the contact contour is drawn (a contact level is set). */
    public boolean contourOn() {
        return !Float.isNaN(contourKpa);
    }

    /** How many centre-of-pressure trails show (for tests). */
    public int trailsShown() {
        return trails.shown();
    }

    /**
     * Renders a mat frame as the live and replay views both show it: over the back of {@code back} (illustration,
     * proportions, floor), with the contact contour and the trails when {@code display} asks for them.
     *
     * @param back   the core's drawing at this frame (the live core's, or the replay engine's at the playhead)
     * @param trails centre-of-pressure trails in raster pixels (see {@link io.tactus.render.CopTrails})
     */
    public void drawOnBack(io.tactus.signal.FrameSnapshot s, io.tactus.render.BackDrawing back, RegionLayout layout,
                           java.util.List<double[]> trails, DisplayOptions display) {
        if (back != null) {
            setAspect(back.aspect());
            setAnatomy(back.anatomy());
            setFloorKpa((float) back.floorKpa());
            setContourKpa(display.contourProperty().get() ? (float) back.contactKpa() : Float.NaN);
        }
        showTrails(display.trailsProperty().get() ? trails : java.util.List.of());
        draw(s.kpa(), s.rows(), s.cols(), (float) display.scaleMaxKpaProperty().get(),
                display.colorMapProperty().get(), display.interpolationProperty().get(), layout);
    }

    /** Renders a frame; rebuilds the image and overlays when the grid or layout changes. */
    public void draw(float[] kpa, int rows, int cols, float maxKpa, ColorMap map, Interpolation interp,
                     RegionLayout newLayout) {
        if (raster == null || raster.rows() != rows || raster.cols() != cols) {
            allocate(rows, cols);
        }
        if (newLayout != layout) {
            layout = newLayout;
            buildOverlay();
        }
        raster.render(kpa, maxKpa, map, interp, floorKpa, contourKpa);
        drawnKpa = kpa;
        pixelBuffer.updateBuffer(pb -> {
            buffer.clear();
            buffer.put(raster.pixels());
            return null; // whole image dirty
        });
        if (!scaled.isVisible()) {
            placeholder.setVisible(false);
            scaled.setVisible(true);
            requestLayout();
        }
    }

    /** How long an alert outline keeps each of its two colours (the live and replay views flash alike). */
    public static final long FLASH_NANOS = 250_000_000L;

    /** The flash's colour phase at {@code nanos}: true for the alert colour. */
    public static boolean flashPhase(long nanos) {
        return (nanos / FLASH_NANOS) % 2 == 0;
    }

    /** Shows the outlines of flagged regions; {@code flash} alternates the colour so it catches the eye. */
    public void showAlerts(Set<io.tactus.signal.body.BodyRegion> regions, boolean flash) {
        flashOn = flash;
        for (Map.Entry<io.tactus.signal.body.BodyRegion, Group> e : alertOutlines.entrySet()) {
            boolean on = regions.contains(e.getKey());
            e.getValue().setVisible(on);
            if (on) {
                ((Path) e.getValue().getChildren().get(1)).setStroke(flash ? ALERT : Color.WHITE);
            }
        }
    }

    /**
     * Frames stopped: the last picture stays for orientation but drained of colour, so stale pressure never
     * reads as live. The whole map greys, not only the pressure: the hands' trails and the contour kept their
     * colours and still looked live beside a "No data" banner. Cheap to call every pulse.
     */
    public void setStale(boolean on) {
        if (on != stale) {
            stale = on;
            mat.setEffect(on ? greyed : null);
            imageView.setOpacity(on ? 0.45 : 1);
        }
    }

    /** The text shown instead of the map, or null while the map is shown. */
    public String placeholderText() {
        return placeholder.isVisible() ? placeholder.getText() : null;
    }

    public boolean stale() {
        return stale;
    }

    /** The pressure drawn last (the frame's own array), null before the first: tests check it against the gauges. */
    public float[] drawnKpa() {
        return drawnKpa;
    }

    /** The regions whose alert outline is showing now. */
    public java.util.Set<io.tactus.signal.body.BodyRegion> outlined() {
        java.util.Set<io.tactus.signal.body.BodyRegion> on = java.util.EnumSet.noneOf(io.tactus.signal.body.BodyRegion.class);
        alertOutlines.forEach((r, g) -> {
            if (g.isVisible()) {
                on.add(r);
            }
        });
        return on;
    }

    /** Size of the raster in pixels (0 before the first frame). */
    public int rasterWidth() {
        return raster == null ? 0 : raster.width();
    }

    boolean flashOn() {
        return flashOn;
    }

    private void allocate(int rows, int cols) {
        raster = new HeatmapRaster(rows, cols);
        buffer = ByteBuffer.allocateDirect(raster.width() * raster.height() * 4).order(ByteOrder.nativeOrder())
                .asIntBuffer();
        pixelBuffer = new PixelBuffer<>(raster.width(), raster.height(), buffer,
                PixelFormat.getIntArgbPreInstance());
        imageView.setImage(new WritableImage(pixelBuffer));
        imageView.setViewport(new Rectangle2D(0, 0, raster.width(), raster.height()));
        mat.setPrefSize(raster.width(), raster.height());
        mat.setMinSize(raster.width(), raster.height());
        mat.setMaxSize(raster.width(), raster.height());
        layout = null;
        buildOverlay();
        buildAnatomy();
        updateRatio();
        requestLayout();
    }

    private void buildOverlay() {
        overlay.getChildren().clear();
        alertOutlines.clear();
        if (raster == null) {
            return;
        }
        double w = raster.width();
        double h = raster.height();
        overlay.getChildren().add(new Rectangle(0, 0, w, h) {
            {
                setFill(Color.TRANSPARENT);
                setStroke(Color.web("#5a6470"));
                setStrokeWidth(2);
            }
        });
        if (layout == null || layout.rows() != raster.rows() || layout.cols() != raster.cols()) {
            return;
        }
        double s = raster.scale();
        Path boundaries = new Path(RegionPaths.boundaryElements(layout, s));
        boundaries.setStroke(Color.color(0.25, 0.28, 0.32, 0.35));
        boundaries.setStrokeWidth(1.5);
        boundaries.getStrokeDashArray().setAll(6.0, 5.0);
        overlay.getChildren().add(boundaries);
        // The spine band as an outline only: it never hides the pressure under it.
        Path spine = new Path(RegionPaths.edgeElements(layout, io.tactus.signal.body.BodyRegion.SPINE, s));
        spine.setStroke(Color.web("#c62828"));
        spine.setStrokeWidth(2);
        spine.getStrokeDashArray().setAll(8.0, 6.0);
        overlay.getChildren().add(spine);
        overlay.getChildren().add(label("SPINE", w / 2, 18, Color.web("#c62828")));
        for (io.tactus.signal.body.BodyRegion r : layout.regions()) {
            Path fill = new Path(RegionPaths.fillElements(layout, r, s));
            fill.setStroke(null);
            fill.setFill(Color.color(1, 0.09, 0.27, 0.28));
            Path edge = new Path(RegionPaths.edgeElements(layout, r, s));
            edge.setStroke(ALERT);
            edge.setStrokeWidth(7);
            edge.setStrokeLineCap(StrokeLineCap.ROUND);
            Group g = new Group(fill, edge);
            g.setVisible(false);
            alertOutlines.put(r, g);
            overlay.getChildren().add(g);
        }
        overlay.getChildren().add(label("LEFT", 30, h - 10, Color.web("#37474f")));
        overlay.getChildren().add(label("RIGHT", w - 34, h - 10, Color.web("#37474f")));
        unstretchText();
    }

    private static Text label(String s, double cx, double baseline, Color color) {
        Text t = new Text(s);
        t.setFont(Font.font(null, FontWeight.BOLD, 16));
        t.setFill(color);
        t.setX(cx - t.getLayoutBounds().getWidth() / 2);
        t.setY(baseline);
        return t;
    }

    private void buildAnatomy() {
        anatomyLayer.show(raster == null ? null : anatomy);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (raster != null) {
            double k = Math.min(w / raster.width(), h / (raster.height() * aspect));
            fit.setX(k);
            fit.setY(k * aspect);
            scaled.relocate((w - raster.width() * k) / 2, (h - raster.height() * k * aspect) / 2);
        }
        mat.autosize();
        var b = placeholder.getLayoutBounds();
        placeholder.relocate((w - b.getWidth()) / 2, (h - b.getHeight()) / 2);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 560;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 560;
    }
}
