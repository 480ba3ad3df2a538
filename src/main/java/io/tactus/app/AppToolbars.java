package io.tactus.app;

import io.tactus.app.live.LiveViewModel;
import io.tactus.app.replay.ReplayViewModel;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;

/** The Live and Replay toolbars, built from the window's {@link AppActions}; they only bind to view models. */
public final class AppToolbars {

    private AppToolbars() {
    }

    public static ToolBar live(AppActions a, LiveViewModel live) {
        Button connect = button("Connect...", "connectButton", a.pickDevice(),
                "Pick the simulator or a serial device (Ctrl+K)");
        connect.getStyleClass().add("big-button");
        Button disconnect = button("Disconnect", "disconnectButton", a.disconnect(), null);
        disconnect.disableProperty().bind(live.feedProperty().isNull());
        Button record = button("", "recordButton", a.toggleRecording(), null);
        record.textProperty().bind(Bindings.when(live.recorder().recordingProperty()).then("\u25a0 Stop recording (R)")
                .otherwise("\u25cf Record (R)"));
        record.disableProperty().bind(live.feedProperty().isNull());
        live.recorder().recordingProperty().addListener((o, was, r) -> {
            record.getStyleClass().remove("record-on");
            if (r) {
                record.getStyleClass().add("record-on");
            }
        });
        ToggleButton mute = new ToggleButton("Mute (M)");
        mute.setId("muteButton");
        mute.selectedProperty().bindBidirectional(live.mutedProperty());
        Button tare = button("Tare (T)", "tareButton", a.tare(),
                "Zero the mat: lift your hands off, then 3 s of baseline are recorded");
        tare.disableProperty().bind(live.feedProperty().isNull());
        Button calibrate = button("Calibrate...", "calibrateButton", a.calibrate(),
                "Calibrate with known weights on a known area (saved for this device)");
        calibrate.disableProperty().bind(live.feedProperty().isNull());
        Button trace = button("Trace the spine...", "traceButton", a.traceTheSpine(),
                "Register the body map on a mat that is not centred: run a finger up the spine");
        trace.disableProperty().bind(live.feedProperty().isNull());
        Label message = new Label();
        message.setId("liveMessage");
        message.textProperty().bind(live.messageTextProperty());
        message.getStyleClass().add("hint");
        // The full message is one hover away when the window is too narrow for it.
        message.tooltipProperty().bind(Bindings.createObjectBinding(() -> live.messageTextProperty().get().isEmpty()
                ? null : new Tooltip(live.messageTextProperty().get()), live.messageTextProperty()));
        return new ToolBar(connect, disconnect, new Separator(), record, mute, new Separator(), tare, calibrate,
                trace, new Separator(), message);
    }

    public static ToolBar replay(AppActions a, ReplayViewModel replay, MenuButton recent) {
        Button open = button("Open recording...", "openRecording", a.chooseRecording(), "Ctrl+O");
        open.getStyleClass().add("big-button");
        Button compare = button("Compare with...", "compareButton", a.chooseCompare(),
                "Open a second recording (e.g. an instructor's reference) synced by time");
        compare.disableProperty().bind(replay.documentProperty().isNull());
        Button closeCompare = button("Close comparison", "closeCompareButton", a.closeCompare(), null);
        closeCompare.disableProperty().bind(replay.compareProperty().isNull());
        Button export = button("Export...", "exportButton", a.export(), "CSV, MAT, HDF5 or ASF (Ctrl+E)");
        export.disableProperty().bind(replay.documentProperty().isNull());
        Button report = button("Report", "reportButton", a.report(),
                "Session report with your notes: HTML, opens in the browser (Ctrl+P)");
        report.disableProperty().bind(replay.documentProperty().isNull().or(replay.report().busyProperty()));
        return new ToolBar(open, recent, new Separator(), compare, closeCompare, new Separator(), export, report);
    }

    private static Button button(String text, String id, Runnable action, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        if (tip != null) {
            b.setTooltip(new Tooltip(tip));
        }
        return b;
    }
}
