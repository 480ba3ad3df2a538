package io.tactus.cli;

import io.tactus.device.serial.PortException;
import io.tactus.device.serial.SerialDeviceEmulator;
import io.tactus.device.serial.SerialOptions;
import io.tactus.device.serial.SerialPorts;
import io.tactus.device.serial.WireFormat;
import io.tactus.device.sim.ScenarioStream;
import io.tactus.device.sim.Scenarios;
import io.tactus.device.sim.SimOptions;
import io.tactus.protocol.DeviceDescriptor;
import io.tactus.protocol.Packet;
import java.io.PrintWriter;
import java.util.Iterator;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `tactus simulate`: plays a simulated scenario on a serial port (e.g. one end of a socat pty pair), paced by
 * device time, answering the host's REQUEST_HELLO / STOP / START / SET_RATE.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Stream a simulated device session over a serial port, paced by device time.",
            "Exercises the real serial path without hardware, e.g. with a pty pair from socat:",
            "  socat -d -d pty,raw,echo=0,link=/tmp/dev pty,raw,echo=0,link=/tmp/host",
            "then run `tactus simulate --port /tmp/dev` and `tactus monitor --port /tmp/host`."})
public final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @CommandLine.Mixin
    SerialPortOptions serial = new SerialPortOptions();

    @Option(names = "--scenario", paramLabel = "NAME", completionCandidates = ScenarioNames.class,
            description = "Scenario: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    String scenario = Scenarios.DEFAULT;

    @Option(names = "--rate", paramLabel = "HZ", description = "Frames per second (default ${DEFAULT-VALUE}).")
    double rate = SimOptions.DEFAULT_RATE_HZ;

    @Option(names = "--sparse", description = "Send FRAME_SPARSE (zero-suppressed) instead of FRAME_DENSE.")
    boolean sparse;

    @Option(names = "--loop", description = "Restart the scenario at its end (sequence and device time continue).")
    boolean loop;

    @Option(names = "--grid", paramLabel = "RxC", description = "Mat size (default 32x32; ignored by the glove).")
    String grid;

    @Option(names = "--seed", paramLabel = "N", description = "Noise seed (same seed, same bytes).")
    Long seed;

    @Option(names = "--list-scenarios", description = "Print the scenarios and exit.")
    boolean list;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            for (String name : Scenarios.names()) {
                out.println(name + "  " + Scenarios.describe(name));
            }
            out.flush();
            return 0;
        }
        SerialOptions serialOptions = serial.check(spec.commandLine(), WireFormat.auto());
        String port = serial.port;
        ScenarioStream stream;
        try {
            SimOptions options = SimOptions.defaults().withRate(rate).withSparse(sparse).withLoop(loop);
            if (grid != null) {
                WireFormat size = WireFormat.parseText(grid);
                options = options.withGrid(size.rows(), size.cols());
            }
            if (seed != null) {
                options = options.withSeed(seed);
            }
            stream = ScenarioStream.open(scenario, options);
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }

        SerialDeviceEmulator device;
        try {
            device = SerialDeviceEmulator.open(port, serialOptions);
        } catch (PortException e) {
            throw new SimulateFailure(e.getMessage());
        }
        DeviceDescriptor d = stream.descriptor();
        out.printf("simulating %s: %s, %s Hz %s, %.1f s per pass%s, on %s (Ctrl-C to stop)%n", stream.scenarioName(),
                d.isGlove() ? "glove, " + d.cellCount() + " taxels" : d.rows() + "x" + d.cols() + " mat",
                fmt(rate), sparse ? "sparse" : "dense", stream.durationUs() / 1e6, loop ? " looping" : "", port);
        out.flush();

        CountDownLatch finished = new CountDownLatch(1);
        // Ctrl-C / SIGTERM: stop streaming and let the summary print before jSerialComm closes the port.
        SerialPorts.addShutdownHook(new Thread(() -> {
            device.stop();
            try {
                finished.await(3, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "simulate-shutdown"));
        try {
            SerialDeviceEmulator.Result r = device.run(new SerialDeviceEmulator.PacketStream() {
                @Override
                public Packet next() {
                    return stream.next();
                }

                @Override
                public boolean requestHello() {
                    stream.requestHello();
                    return true;
                }
            }, serial.runNanos());
            out.printf("sent %d packets (%d frames, %d bytes) in %.1f s; %d host commands%s%s%n", r.packets(),
                    r.frames(), r.bytes(), r.seconds(), r.commands(),
                    r.stalls() > 0 ? "; writes blocked " + r.stalls() + " times (host not reading)" : "",
                    r.streamEnded() ? "; scenario finished" : "");
            out.flush();
            if (r.portVanished()) {
                throw new SimulateFailure(r.vanished());
            }
            return 0;
        } finally {
            device.close();
            finished.countDown();
        }
    }

    private CommandLine.ParameterException bad(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    private static String fmt(double hz) {
        return hz == Math.rint(hz) ? Long.toString((long) hz) : Double.toString(hz);
    }

    /** Scenario names for --help and shell completion. */
    static final class ScenarioNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Scenarios.names().iterator();
        }
    }

    /** A port problem, printed by TactusCli as one line (exit 1). */
    static final class SimulateFailure extends RuntimeException {
        SimulateFailure(String message) {
            super(message, null, false, false);
        }
    }
}
