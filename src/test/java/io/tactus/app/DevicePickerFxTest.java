package io.tactus.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.app.fx.Threads;
import io.tactus.app.live.DeviceChoice;
import io.tactus.app.live.DevicePickerDialog;
import io.tactus.app.live.DevicePickerViewModel;
import io.tactus.app.live.FrameFeed;
import io.tactus.app.live.Sources;
import io.tactus.device.serial.PortInfo;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The device picker (Ctrl+K) answers its port listing after it is shown, with a longer text than "Looking for
 * serial ports...": the answer is shown whole (it was cut to "... type thei..." in the real window), and the
 * dialog stays inside a 1366 x 768 screen.
 */
@Tag("fx")
@ExtendWith(ApplicationExtension.class)
class DevicePickerFxTest {

    private final CountDownLatch listed = new CountDownLatch(1);
    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.Pane(), 400, 300));
        stage.show();
    }

    /** One serial port, listed only when the test says so (a slow USB enumeration). */
    private final Sources oneSlowPort = new Sources() {
        @Override
        public List<String> scenarios() {
            return List.of("mistakes");
        }

        @Override
        public String defaultScenario() {
            return "mistakes";
        }

        @Override
        public boolean simulatorAvailable() {
            return true;
        }

        @Override
        public List<PortInfo> ports() {
            try {
                listed.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of(new PortInfo("/dev/ttyS0", "", "", 0, 0, "", ""));
        }

        @Override
        public FrameFeed open(DeviceChoice choice) {
            throw new UnsupportedOperationException("not connected in this test");
        }
    };

    @Test
    void thePortListingsAnswerIsShownWhole(FxRobot robot) throws Exception {
        AtomicReference<DevicePickerDialog> dialog = new AtomicReference<>();
        robot.interact(() -> {
            DevicePickerDialog d = new DevicePickerDialog(new DevicePickerViewModel(Threads.javafx(), oneSlowPort,
                    null, "mistakes"));
            d.initOwner(owner);
            d.show();
            dialog.set(d);
        });
        listed.countDown();
        Parent pane = dialog.get().getDialogPane();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> ((Label) pane.lookup("#portStatus")).getText().contains("found"));
        WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<List<String>> cut = new AtomicReference<>();
        AtomicReference<String> status = new AtomicReference<>();
        AtomicReference<Window> window = new AtomicReference<>();
        robot.interact(() -> {
            cut.set(LayoutChecks.truncatedLabels(pane));
            status.set(((Label) pane.lookup("#portStatus")).getText());
            window.set(pane.getScene().getWindow());
        });
        assertEquals("1 port found. Virtual ports (pty) are not listed: type their path.", status.get());
        assertEquals(List.of(), cut.get(), "no text of the device picker is cut");
        assertTrue(window.get().getWidth() <= 1366 && window.get().getHeight() <= 768,
                window.get().getWidth() + " x " + window.get().getHeight());
        robot.interact(() -> dialog.get().close());
    }
}
