package io.tactus.cli;

import io.tactus.device.serial.SerialOptions;
import io.tactus.device.serial.WireFormat;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * `--port PATH [--baud N] [--duration S]`: the serial options of monitor, record and simulate, defined and checked
 * once. --port is checked here rather than marked required, so `simulate --list-scenarios` runs without one.
 */
final class SerialPortOptions {

    @Option(names = "--port", paramLabel = "PATH",
            description = "Serial port path, listed by `tactus ports`, or a pty path typed in (e.g. one end of a socat pair).")
    String port;

    @Option(names = "--baud", paramLabel = "N",
            description = "Line speed for USB-UART bridges (default ${DEFAULT-VALUE}; USB CDC devices and ptys ignore it).")
    int baud = SerialOptions.DEFAULT_BAUD;

    @Option(names = "--duration", paramLabel = "S",
            description = "Stop after S seconds of wall time (default: until Ctrl-C).")
    Double duration;

    /**
     * Checks the options and returns the port settings with the given wire format.
     *
     * @throws CommandLine.ParameterException one line, exit 2
     */
    SerialOptions check(CommandLine cl, WireFormat format) {
        if (port == null || port.isBlank()) {
            throw new CommandLine.ParameterException(cl, "--port PATH is required");
        }
        if (duration != null && !(duration > 0 && duration < 1e7)) {
            throw new CommandLine.ParameterException(cl, "--duration must be > 0 seconds");
        }
        if (baud <= 0) {
            throw new CommandLine.ParameterException(cl, "--baud must be > 0");
        }
        return SerialOptions.defaults().withFormat(format).withBaud(baud);
    }

    /** How long to run: the --duration in nanoseconds, or Long.MAX_VALUE until Ctrl-C. */
    long runNanos() {
        return duration == null ? Long.MAX_VALUE : (long) (duration * 1e9);
    }
}
