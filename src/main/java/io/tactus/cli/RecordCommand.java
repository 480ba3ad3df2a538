package io.tactus.cli;

import io.tactus.device.LinkStats;
import io.tactus.device.PacketSink;
import io.tactus.device.PacketSource;
import io.tactus.device.SourceState;
import io.tactus.device.SourceStatus;
import io.tactus.device.TimedPacket;
import io.tactus.device.serial.SerialOptions;
import io.tactus.device.serial.SerialPacketSource;
import io.tactus.device.serial.SerialPorts;
import io.tactus.protocol.Corruption;
import io.tactus.protocol.Packet;
import io.tactus.protocol.PacketType;
import io.tactus.protocol.PrintableText;
import io.tactus.session.LiveListener;
import io.tactus.session.LiveSession;
import io.tactus.session.LiveStats;
import io.tactus.session.RecordingStatus;
import io.tactus.session.SessionMetadata;
import io.tactus.session.export.FileExport;
import io.tactus.signal.flags.FlagEvent;
import io.tactus.signal.flags.Profiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * `tactus record`: a {@link LiveSession} over a serial port, recording what comes off the wire to one file and
 * printing flags as the core confirms them. Ctrl-C / SIGTERM ends the recording normally (index and trailer
 * written, forced to disk) through a shutdown hook that runs before jSerialComm closes the port.
 */
@Command(name = "record", mixinStandardHelpOptions = true,
        description = {"Record a session from a serial device to a Tactus recording, printing flags as they happen.",
            "Each flag line: seconds from the first frame, type, region, peak so far.",
            "Ctrl-C / SIGTERM stops and completes the file."})
public final class RecordCommand implements Callable<Integer> {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    @Spec
    CommandSpec spec;

    @CommandLine.Mixin
    SerialPortOptions serial = new SerialPortOptions();

    @CommandLine.Mixin
    DeviceTextOption text = new DeviceTextOption();

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write exactly this file (default: tactus-YYYYMMDD-HHMMSS.tactus in the current directory).")
    Path out;

    @Option(names = "--profile", paramLabel = "NAME", completionCandidates = ProfileIds.class,
            description = "Detection profile for the live flags: ${COMPLETION-CANDIDATES} (default: "
                    + Profiles.DEFAULT_ID + ").")
    String profile;

    @Option(names = "--trainee", paramLabel = "P", description = "Trainee pseudonym (never a real name).")
    String trainee;

    @Option(names = "--receiver", paramLabel = "P", description = "Receiver pseudonym.")
    String receiver;

    @Option(names = "--notes", paramLabel = "T", description = "Free notes stored in the metadata.")
    String notes;

    @Option(names = "--force", description = "Overwrite FILE if it exists and is not empty.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        SerialOptions serialOptions = serial.check(spec.commandLine(), text.format(spec.commandLine()));
        String port = serial.port;
        if (profile != null) {
            try {
                profile = Profiles.byId(profile).id();
            } catch (IllegalArgumentException e) {
                throw bad("--profile: " + e.getMessage());
            }
        }
        Path file = out != null ? out : Path.of("tactus-" + LocalDateTime.now().format(STAMP) + ".tactus");
        if (Files.isDirectory(file)) {
            throw new RecordFailure(file + " is a directory");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new RecordFailure("no such directory: " + parent);
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new RecordFailure(file + " is not a regular file");
        }
        // An empty file (e.g. made by mktemp) is taken over; a non-empty one may be an earlier session. Either is
        // replaced only once the new recording has its first frame (RecordingWriter writes to a staging name).
        if (Files.exists(file) && !force && Files.size(file) > 0) {
            throw new RecordFailure(file + " already exists and is not empty (give --force to overwrite)");
        }
        boolean existedBefore = Files.exists(file);

        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        FirstFrame clock = new FirstFrame(new SerialPacketSource(port, serialOptions));
        LiveSession session = new LiveSession(clock, FileExport.pipelines(profile));
        Printer printer = new Printer(stdout, stderr, clock);
        session.addListener(printer);
        SessionMetadata metadata = SessionMetadata.now().withSource(port).withProfile(profile)
                .withTrainee(trainee).withReceiver(receiver).withNotes(notes);
        try {
            // Before the source starts, so the device's first HELLO is in the file.
            session.startRecording(file, metadata);
        } catch (IOException e) {
            throw new RecordFailure(e.getMessage()); // the writer's message names the file and the reason
        }
        Finisher finisher = new Finisher(session, printer, stdout, existedBefore ? null : file);
        // Ctrl-C / SIGTERM: complete the file and print the summary before jSerialComm closes the port (a plain
        // Runtime hook would race that clean-up). A no-op once the command has finished by itself.
        SerialPorts.addShutdownHook(new Thread(() -> {
            printer.quiet();
            finisher.finish(null);
        }, "record-shutdown"));

        stdout.printf("recording %s to %s%s (Ctrl-C to stop)%n", port, file,
                serial.duration == null ? "" : String.format(Locale.ROOT, " for %s s", serial.duration));
        stdout.flush();
        session.start();
        long end = serial.duration == null ? Long.MAX_VALUE : System.nanoTime() + serial.runNanos();
        String failure = null;
        try {
            while (System.nanoTime() < end && !finisher.isFinished()) {
                LiveStats s = session.stats();
                if (s.state() == SourceState.FAILED) {
                    failure = s.statusMessage(); // final: not a serial port, permission...
                    break;
                }
                printer.recordingProblem(s.recording());
                TimeUnit.MILLISECONDS.sleep(Math.max(1, Math.min(50, (end - System.nanoTime()) / 1_000_000)));
            }
        } finally {
            finisher.finish(failure);
        }
        if (failure != null) {
            throw new RecordFailure(failure);
        }
        return finisher.recordingError() == null ? 0 : 1;
    }

    private CommandLine.ParameterException bad(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** Stops the session once (from the main thread or the shutdown hook, whichever comes first) and reports. */
    private static final class Finisher {
        private final LiveSession session;
        private final Printer printer;
        private final PrintWriter out;
        private final Path created;
        private boolean finished;
        private volatile String recordingError;

        /** @param created the recording's path if this run creates it (else null: the file is not ours to delete) */
        Finisher(LiveSession session, Printer printer, PrintWriter out, Path created) {
            this.session = session;
            this.printer = printer;
            this.out = out;
            this.created = created;
        }

        boolean isFinished() {
            synchronized (this) {
                return finished;
            }
        }

        String recordingError() {
            return recordingError;
        }

        synchronized void finish(String sourceFailure) {
            if (finished) {
                return;
            }
            finished = true;
            printer.quiet();
            session.close(); // source, then recorder (index + trailer + force), then processing
            RecordingStatus rec = session.stats().recording();
            recordingError = rec.error();
            if (sourceFailure != null && rec.packets() == 0) {
                // Nothing came off the wire (e.g. not a serial port): do not leave an empty session behind. A file
                // that was there before was never touched (the writer replaces it only at the first frame).
                if (created != null) {
                    try {
                        Files.deleteIfExists(created);
                    } catch (IOException ignored) {
                        // the error line says what went wrong; a stray header-only file is harmless
                    }
                }
                return;
            }
            LiveStats s = session.stats();
            synchronized (out) {
                out.printf(Locale.ROOT, "recorded %.1f s, %d packets, %d bytes to %s%n", rec.seconds(), rec.packets(),
                        rec.bytes(), rec.file());
                out.printf(Locale.ROOT, "frames %d, dropped %d (sequence gaps), corrupt %d, queue drops %d, "
                                + "lost by the recorder %d, reconnects %d, flags %d%n", s.frames(), s.dropped(),
                        s.corruptTotal(), s.queueDrops(), rec.lostPackets(), linkReconnects(session),
                        printer.flags());
                if (rec.error() != null && !printer.recordingErrorShown()) {
                    out.println("recording error: " + rec.error()); // not yet said as a notice (once is enough)
                }
                out.flush();
            }
        }

        private static long linkReconnects(LiveSession session) {
            LinkStats l = session.source().stats();
            return l.reconnects();
        }
    }

    /** Prints flags (stdout) and connection notices (stderr) as they happen, on the processing thread. */
    private static final class Printer implements LiveListener {
        private final PrintWriter out;
        private final PrintWriter err;
        private final FirstFrame clock;
        private final AtomicInteger flags = new AtomicInteger();
        private volatile boolean quiet;
        private volatile boolean problemShown;
        private volatile boolean errorShown;
        private boolean connectedOnce;

        Printer(PrintWriter out, PrintWriter err, FirstFrame clock) {
            this.out = out;
            this.err = err;
            this.clock = clock;
        }

        void quiet() {
            quiet = true;
        }

        int flags() {
            return flags.get();
        }

        boolean recordingErrorShown() {
            return errorShown;
        }

        @Override
        public void onFlagStart(FlagEvent e) {
            flags.incrementAndGet();
            if (quiet) {
                return;
            }
            synchronized (out) {
                out.printf(Locale.ROOT, "%8.2f s  %-16s %-22s peak %6.1f kPa%s%n", clock.seconds(e.startUs()),
                        e.type().label(), e.region() == null ? "-" : io.tactus.signal.body.BodyMap.standard().displayName(e.region()), e.peakKpa(),
                        e.detail() == null || e.detail().isEmpty() ? "" : "  " + PrintableText.oneLine(e.detail()));
                out.flush();
            }
        }

        @Override
        public void onStatus(SourceStatus status) {
            boolean notice = connectedOnce && status.state() != SourceState.FAILED
                    && status.state() != SourceState.STOPPED;
            connectedOnce |= status.state() == SourceState.CONNECTED;
            if (notice && !quiet) {
                notice("tactus: " + status.message());
            }
        }

        @Override
        public void onRecordingStopped(RecordingStatus status) {
            if (status.error() != null && !quiet) {
                problemShown = true;
                errorShown = true;
                notice("tactus: " + status.error() + " (Ctrl-C to end)");
            }
        }

        /** A recorder that loses packets (queue overflow) says so once, while it keeps recording. */
        void recordingProblem(RecordingStatus s) {
            if (!problemShown && s.lostPackets() > 0) {
                problemShown = true;
                notice("tactus: the recorder is falling behind: " + s.lostPackets()
                        + " packets lost so far (written as LOSS records)");
            }
        }

        private void notice(String line) {
            synchronized (err) {
                err.println(line);
                err.flush();
            }
        }
    }

    /**
     * Passes packets through and remembers the first frame's device time, so flags print as seconds from the
     * first frame like `tactus analyze` does (flag times are unwrapped device microseconds; the first frame's
     * raw time is its unwrapped time).
     */
    private static final class FirstFrame implements PacketSource {
        private final PacketSource source;
        private final AtomicLong firstUs = new AtomicLong(-1);

        FirstFrame(PacketSource source) {
            this.source = source;
        }

        double seconds(long deviceTimeUs) {
            long first = firstUs.get();
            return first < 0 ? 0 : (deviceTimeUs - first) / 1e6;
        }

        @Override
        public String name() {
            return source.name();
        }

        @Override
        public void start(PacketSink sink) {
            source.start(new PacketSink() {
                @Override
                public void onPacket(TimedPacket packet) {
                    Packet p = packet.packet();
                    if (firstUs.get() < 0 && (p.type() == PacketType.FRAME_DENSE || p.type() == PacketType.FRAME_SPARSE)) {
                        firstUs.set(p.deviceTimeUs());
                    }
                    sink.onPacket(packet);
                }

                @Override
                public void onCorrupt(Corruption kind, int bytes) {
                    sink.onCorrupt(kind, bytes);
                }

                @Override
                public void onStatus(SourceStatus status) {
                    sink.onStatus(status);
                }
            });
        }

        @Override
        public void send(Packet command) {
            source.send(command);
        }

        @Override
        public LinkStats stats() {
            return source.stats();
        }

        @Override
        public void close() {
            source.close();
        }
    }

    /** A port or file problem, printed by TactusCli as one line (exit 1). */
    static final class RecordFailure extends RuntimeException {
        RecordFailure(String message) {
            super(message, null, false, false);
        }
    }
}
