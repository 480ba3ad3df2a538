package io.tactus.app.live;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Device picker: the simulator (default) with a scenario, or a serial port from the list or typed by hand. */
public final class DevicePickerDialog extends Dialog<DeviceChoice> {

    public DevicePickerDialog(DevicePickerViewModel vm) {
        setTitle("Connect a device");
        setHeaderText("Where do the pressure frames come from?");
        ToggleGroup group = new ToggleGroup();
        RadioButton sim = new RadioButton("Built-in simulator (no hardware needed)");
        RadioButton serial = new RadioButton("Serial port (USB mat or glove, DIY grid)");
        sim.setToggleGroup(group);
        serial.setToggleGroup(group);
        sim.setId("pickSimulator");
        serial.setId("pickSerial");
        ComboBox<String> scenario = new ComboBox<>(vm.scenarios());
        scenario.valueProperty().bindBidirectional(vm.scenarioProperty());
        scenario.setId("pickScenario");
        Label simNote = new Label(vm.simulatorAvailable() ? "Scenario:" : "Simulator: not available in this build yet.");
        sim.setDisable(!vm.simulatorAvailable());
        scenario.setDisable(!vm.simulatorAvailable());
        ComboBox<String> port = new ComboBox<>(vm.ports());
        port.setEditable(true);
        port.setPromptText("/dev/ttyACM0, COM3, or a pty path");
        port.getEditor().textProperty().bindBidirectional(vm.portPathProperty());
        port.setPrefWidth(320);
        port.setId("pickPort");
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> vm.refreshPorts());
        refresh.disableProperty().bind(vm.listingProperty());
        Label portStatus = new Label();
        portStatus.textProperty().bind(vm.portStatusProperty());
        portStatus.getStyleClass().add("hint");
        portStatus.setId("portStatus");
        // The listing's answer comes after the dialog is shown and is longer than "Looking...": it wraps within
        // the dialog's width, and the dialog grows to show its lines, rather than end in an ellipsis.
        portStatus.setWrapText(true);
        portStatus.setMinHeight(Label.USE_PREF_SIZE);
        portStatus.setPrefWidth(0);
        portStatus.setMaxWidth(Double.MAX_VALUE);
        portStatus.textProperty().addListener((o, a, t) -> javafx.application.Platform.runLater(() -> {
            if (getDialogPane().getScene() != null && getDialogPane().getScene().getWindow() != null) {
                getDialogPane().getScene().getWindow().sizeToScene();
            }
        }));
        group.selectToggle(vm.kindProperty().get() == DevicePickerViewModel.Kind.SIMULATOR ? sim : serial);
        group.selectedToggleProperty().addListener((o, a, t) ->
                vm.kindProperty().set(t == sim ? DevicePickerViewModel.Kind.SIMULATOR : DevicePickerViewModel.Kind.SERIAL));
        VBox box = new VBox(8, sim, new HBox(8, simNote, scenario), serial, new HBox(8, port, refresh), portStatus,
                new Label("A recording opens in the Replay tab (File > Open recording...)."));
        box.setPadding(new Insets(12));
        getDialogPane().setContent(box);
        ButtonType connect = new ButtonType("Connect", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(connect, ButtonType.CANCEL);
        setResultConverter(b -> b == connect ? vm.choice() : null);
        vm.refreshPorts();
    }
}
