package io.tactus.app.live;

import io.tactus.app.fx.Threads;
import io.tactus.device.serial.PortInfo;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** State of the device picker: which kind of source, the port list (loaded off the FX thread), the scenario. */
public final class DevicePickerViewModel {

    public enum Kind { SIMULATOR, SERIAL }

    private final Threads threads;
    private final Sources sources;
    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(Kind.SIMULATOR);
    private final ObservableList<String> ports = FXCollections.observableArrayList();
    private final ObservableList<String> scenarios = FXCollections.observableArrayList();
    private final StringProperty portPath = new SimpleStringProperty("");
    private final StringProperty scenario = new SimpleStringProperty();
    private final StringProperty portStatus = new SimpleStringProperty("");
    private final BooleanProperty listing = new SimpleBooleanProperty(false);

    public DevicePickerViewModel(Threads threads, Sources sources, String lastPort, String lastScenario) {
        this.threads = threads;
        this.sources = sources;
        scenarios.setAll(sources.scenarios());
        scenario.set(lastScenario != null && scenarios.contains(lastScenario) ? lastScenario
                : sources.defaultScenario());
        portPath.set(lastPort == null ? "" : lastPort);
        if (!sources.simulatorAvailable()) {
            kind.set(Kind.SERIAL);
        }
    }

    /** Lists serial ports in the background; the list updates on the FX thread when done. */
    public void refreshPorts() {
        listing.set(true);
        portStatus.set("Looking for serial ports...");
        threads.background().execute(() -> {
            List<String> found;
            String msg;
            try {
                List<PortInfo> l = sources.ports();
                found = l.stream().map(PortInfo::path).toList();
                msg = l.isEmpty() ? "No serial ports found. Type a path (e.g. a socat pty) instead."
                        : l.size() + (l.size() == 1 ? " port" : " ports") + " found. Virtual ports (pty) are not listed:"
                        + " type their path.";
            } catch (RuntimeException e) {
                found = List.of();
                msg = "Could not list ports: " + e.getMessage();
            }
            List<String> result = found;
            String status = msg;
            threads.fx().execute(() -> {
                ports.setAll(result);
                portStatus.set(status);
                listing.set(false);
                if (portPath.get().isBlank() && !result.isEmpty()) {
                    portPath.set(result.get(0));
                }
            });
        });
    }

    /** The choice to connect to, or null when incomplete. */
    public DeviceChoice choice() {
        return switch (kind.get()) {
            case SIMULATOR -> scenario.get() == null ? null : new DeviceChoice.Simulator(scenario.get());
            case SERIAL -> portPath.get() == null || portPath.get().isBlank() ? null
                    : new DeviceChoice.SerialPort(portPath.get().trim());
        };
    }

    public boolean simulatorAvailable() {
        return sources.simulatorAvailable();
    }

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    public ObservableList<String> ports() {
        return ports;
    }

    public ObservableList<String> scenarios() {
        return scenarios;
    }

    public StringProperty portPathProperty() {
        return portPath;
    }

    public StringProperty scenarioProperty() {
        return scenario;
    }

    public StringProperty portStatusProperty() {
        return portStatus;
    }

    public BooleanProperty listingProperty() {
        return listing;
    }
}
