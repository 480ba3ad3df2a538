package io.tactus.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.app.replay.ReplayViewModel;
import io.tactus.app.sound.AlertSound;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * What a newcomer sees before doing anything: the replay tab with no recording open, the live tab with no device.
 * Only what can be used is drawn as usable (the controls that would do nothing are disabled, and a disabled control
 * is drawn unmistakably dimmer than an enabled one, measured on the rendered pixels), and the empty view says what
 * to do in the words of the menu it points to.
 */
@Tag("fx")
@ExtendWith(ApplicationExtension.class)
class EmptyStateFxTest {

    /** A disabled control's brightest pixel against its darkest stays under this contrast (WCAG ratio)... */
    private static final double DISABLED_MAX_CONTRAST = 3.0;
    /** ...and an enabled one's text stands out at least this much. */
    private static final double ENABLED_MIN_CONTRAST = 6.0;

    private AppController app;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        // a fresh home: no recent files, nothing connected
        Path home = Files.createTempDirectory("tactus-empty");
        app = FxApp.show(stage, home, TestSources.synthetic(32, 32, 100), new AlertSound.Silent(), 1366, 768);
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.setupFixture(app::shutdown);
    }

    @Test
    void theEmptyReplayViewOffersOnlyOpeningAndSaysHow(FxRobot robot) {
        robot.interact(() -> app.root().showReplay());
        AtomicReference<List<String>> problems = new AtomicReference<>();
        AtomicReference<List<String>> enabled = new AtomicReference<>();
        AtomicReference<String> hint = new AtomicReference<>();
        AtomicReference<String> status = new AtomicReference<>();
        AtomicReference<String> time = new AtomicReference<>();
        AtomicReference<String> notesPlaceholder = new AtomicReference<>();
        robot.interact(() -> {
            Parent view = app.replayView();
            view.applyCss();
            view.layout();
            enabled.set(usable(view));
            problems.set(drawnAsTheyAre(view));
            hint.set(texts(app.replayView().heatmap()).toString());
            status.set(((Label) view.lookup("#replayStatus")).getText());
            time.set(((Label) view.lookup("#replayTime")).getText());
            notesPlaceholder.set(((Label) ((ListView<?>) view.lookup(".list-view")).getPlaceholder()).getText());
        });
        assertEquals(List.of("openRecording"), enabled.get(),
                "with no recording open only Open recording... can do something (Recent has nothing yet)");
        assertEquals(List.of(), problems.get());
        assertTrue(hint.get().contains(ReplayViewModel.OPEN_HINT), hint.get());
        assertTrue(fileMenuItems().contains("Open recording..."), fileMenuItems().toString());
        assertTrue(ReplayViewModel.OPEN_HINT.contains("File > Open recording... (Ctrl+O)"),
                "the hint names the menu item as the File menu spells it");
        assertEquals("No recording open", status.get());
        assertEquals("", time.get(), "no time shown for a recording that is not there");
        assertTrue(notesPlaceholder.get().contains("recording"), notesPlaceholder.get());
    }

    @Test
    void theLiveViewBeforeConnectingDrawsItsUnusableControlsAsDisabled(FxRobot robot) {
        AtomicReference<List<String>> problems = new AtomicReference<>();
        AtomicReference<List<String>> enabled = new AtomicReference<>();
        robot.interact(() -> {
            Parent view = (Parent) app.root().tabs().getTabs().get(0).getContent();
            view.applyCss();
            view.layout();
            enabled.set(usable(view));
            List<String> p = new ArrayList<>(drawnAsTheyAre(view));
            // every gauge says "No data", wider than a number: the panel keeps every gauge inside the window
            var root = stage.getScene().getRoot();
            p.addAll(LayoutChecks.outside(root, stage.getScene().getWidth(), stage.getScene().getHeight()));
            p.addAll(LayoutChecks.truncatedLabels(root));
            // the status bar names no device and shows no placeholder dashes for its rate, counters, calibration
            for (Node n : view.lookupAll(".status-bar .label")) {
                Label l = (Label) n;
                if (l.isVisible() && (l.getText().isBlank() || l.getText().matches("[-\u2014 ]+"))) {
                    p.add("status bar shows '" + l.getText() + "' (" + l.getId() + ")");
                }
            }
            problems.set(p);
        });
        assertFalse(enabled.get().contains("recordButton"), enabled.get().toString());
        assertFalse(enabled.get().contains("routineStart"), "a routine needs a device: " + enabled.get());
        assertFalse(enabled.get().contains("routineLoad"), enabled.get().toString());
        assertTrue(robot.lookup("#routineConnectFirst").queryAs(Label.class).isVisible(), "and the panel says so");
        assertTrue(enabled.get().contains("connectButton"), enabled.get().toString());
        assertEquals(List.of(), problems.get());
    }

    @Test
    void theLibrarysEmptySearchFieldsSayWhatTheyAreForAndItsHeadingsAreWhole(FxRobot robot) throws Exception {
        robot.interact(() -> app.root().tabs().getSelectionModel().select(2));
        // showing the tab searches the (empty) library; the search fields are disabled meanwhile
        org.testfx.util.WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS,
                () -> !app.libraryViewModel().busyProperty().get());
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<List<String>> problems = new AtomicReference<>();
        robot.interact(() -> {
            Parent view = (Parent) app.root().tabs().getTabs().get(2).getContent();
            view.applyCss();
            view.layout();
            WritableImage shot = stage.getScene().snapshot(null);
            List<String> p = new ArrayList<>();
            int prompts = 0;
            for (Node n : view.lookupAll(".text-field")) {
                javafx.scene.control.TextField f = (javafx.scene.control.TextField) n;
                if (f.isVisible() && !f.isDisabled() && (f.getText() == null || f.getText().isEmpty())
                        && f.getPromptText() != null && !f.getPromptText().isEmpty()) {
                    prompts++;
                    double c = contrast(shot.getPixelReader(), f.localToScene(f.getLayoutBounds()));
                    if (c < 4.5) {
                        p.add(String.format(Locale.ROOT, "prompt '%s' hardly visible (contrast %.1f)",
                                f.getPromptText(), c));
                    }
                }
            }
            if (prompts < 3) {
                p.add("only " + prompts + " empty fields with a prompt (trainee, profile, from, to expected)");
            }
            p.addAll(LayoutChecks.truncatedLabels(view));
            problems.set(p);
        });
        assertEquals(List.of(), problems.get());
    }

    @Test
    void theLegendSaysWhereAHardMaximumBeyondTheScaleIs(FxRobot robot) {
        // The default profile's hard maxima (shoulders 88 kPa, mid and lower back 150 kPa) are far above its auto
        // scale's top (50 kPa). Both ends are named: "Hard max 150" alone was wrong for the shoulders, where the
        // banner says "limit 88 kPa".
        String text = robot.lookup("#legendHardMax").queryAs(Label.class).getText();
        assertEquals("Hard max 88-150 (off scale)", text);
    }

    /** Ids (or texts) of the buttons, combo boxes and menu buttons under {@code root} that are shown and enabled. */
    private static List<String> usable(Parent root) {
        List<String> out = new ArrayList<>();
        for (Control c : controls(root)) {
            if (!c.isDisabled()) {
                out.add(name(c));
            }
        }
        return out;
    }

    /**
     * Every shown control is drawn as what it is, measured on the scene's pixels: a disabled one's brightest pixel
     * against its darkest under {@link #DISABLED_MAX_CONTRAST}, an enabled one's over {@link #ENABLED_MIN_CONTRAST}.
     */
    private List<String> drawnAsTheyAre(Parent root) {
        WritableImage shot = stage.getScene().snapshot(null);
        List<String> problems = new ArrayList<>();
        for (Control c : controls(root)) {
            double contrast = contrast(shot.getPixelReader(), c.localToScene(c.getLayoutBounds()));
            if (c.isDisabled() && contrast >= DISABLED_MAX_CONTRAST) {
                problems.add(String.format(Locale.ROOT, "%s is disabled but drawn like an enabled control "
                        + "(contrast %.1f)", name(c), contrast));
            } else if (!c.isDisabled() && contrast <= ENABLED_MIN_CONTRAST) {
                problems.add(String.format(Locale.ROOT, "%s is enabled but drawn dim (contrast %.1f)", name(c),
                        contrast));
            }
        }
        return problems;
    }

    private static double contrast(PixelReader px, Bounds b) {
        double lo = 1;
        double hi = 0;
        for (int y = (int) Math.ceil(b.getMinY()) + 2; y < (int) b.getMaxY() - 2; y++) {
            for (int x = (int) Math.ceil(b.getMinX()) + 2; x < (int) b.getMaxX() - 2; x++) {
                double l = luminance(px.getArgb(x, y));
                lo = Math.min(lo, l);
                hi = Math.max(hi, l);
            }
        }
        return (hi + 0.05) / (lo + 0.05);
    }

    /** WCAG relative luminance of an sRGB pixel. */
    private static double luminance(int argb) {
        double r = linear((argb >> 16) & 0xff);
        double g = linear((argb >> 8) & 0xff);
        double b = linear(argb & 0xff);
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    }

    private static double linear(int c) {
        double s = c / 255.0;
        return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }

    /** The visible buttons, toggle buttons, menu buttons and combo boxes, in scene order. */
    private static List<Control> controls(Parent root) {
        List<Control> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node n, List<Control> out) {
        if (!n.isVisible() || n.getScene() == null) {
            return;
        }
        if ((n instanceof ButtonBase || n instanceof ComboBoxBase<?>) && n.getLayoutBounds().getWidth() > 4) {
            out.add((Control) n);
            return;
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }

    private static String name(Control c) {
        return c.getId() != null ? c.getId() : c instanceof javafx.scene.control.Labeled l ? l.getText()
                : c.getClass().getSimpleName();
    }

    private static List<String> texts(Node n) {
        List<String> out = new ArrayList<>();
        if (n instanceof Text t && t.isVisible()) {
            out.add(t.getText());
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> out.addAll(texts(c)));
        }
        return out;
    }

    private List<String> fileMenuItems() {
        MenuBar bar = (MenuBar) stage.getScene().getRoot().lookup(".menu-bar");
        return bar.getMenus().get(0).getItems().stream().map(MenuItem::getText).toList();
    }
}
