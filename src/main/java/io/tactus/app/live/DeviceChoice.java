package io.tactus.app.live;

/** What the user picked in the device picker. */
public sealed interface DeviceChoice {

    String label();

    record Simulator(String scenario) implements DeviceChoice {
        public String label() {
            return "Simulator: " + scenario;
        }
    }

    record SerialPort(String path) implements DeviceChoice {
        public String label() {
            return path;
        }
    }

    /** Opens in the replay view rather than live. */
    record Recording(java.nio.file.Path file) implements DeviceChoice {
        public String label() {
            return "Recording: " + file.getFileName();
        }
    }
}
