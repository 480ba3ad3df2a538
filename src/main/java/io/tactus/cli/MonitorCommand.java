package io.tactus.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tactus.device.FrameAssembler;
import io.tactus.device.FrameListener;
import io.tactus.device.LinkStats;
import io.tactus.device.PacketSink;
import io.tactus.device.RawFrame;
import io.tactus.device.SourceState;
import io.tactus.device.SourceStatus;
import io.tactus.device.TimedPacket;
import io.tactus.device.serial.SerialOptions;
import io.tactus.device.serial.SerialPacketSource;
import io.tactus.device.serial.SerialPorts;
import io.tactus.protocol.Corruption;
import io.tactus.protocol.DeviceDescriptor;
import io.tactus.protocol.Json;
import io.tactus.protocol.Packet;
import io.tactus.protocol.PacketType;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `tactus monitor`: connects to a device and prints link health once a second, then a summary (also on
 * Ctrl-C / SIGTERM through a shutdown hook). The serial reader only queues packets; a separate thread
 * assembles frames, so printing never delays reading.
 */
@Command(name = "monitor", mixinStandardHelpOptions = true,
        description = {"Connect to a device and print its link statistics once a second.",
            "Each line: frames, frame rate, dropped frames (sequence gaps), corrupt packets by kind and the peak raw",
            "count. A summary at the end (also on Ctrl-C)."})
public final class MonitorCommand implements Callable<Integer> {

    private static final int QUEUE = 16_384;

    @Spec
    CommandSpec spec;

    @CommandLine.Mixin
    SerialPortOptions serial = new SerialPortOptions();

    @CommandLine.Mixin
    DeviceTextOption text = new DeviceTextOption();

    @Option(names = "--json", description = "One JSON object per line; the last one has \"summary\":true.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        SerialOptions options = serial.check(spec.commandLine(), text.format(spec.commandLine()));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Consumer consumer = new Consumer(err);
        SerialPacketSource source = new SerialPacketSource(serial.port, options);
        Report report = new Report(out, json, source, consumer);
        // Ctrl-C / SIGTERM: summary first, then jSerialComm's own clean-up closes the port (a plain Runtime hook
        // would race it and the reader would report a vanished port). A no-op once the command has finished.
        SerialPorts.addShutdownHook(new Thread(() -> {
            if (!report.isFinished()) {
                consumer.quiet();
                source.close();
                consumer.stop();
                report.summary();
            }
        }, "monitor-shutdown"));
        try {
            consumer.start();
            source.start(consumer);
            return report.loop(serial.runNanos());
        } finally {
            source.close();
            consumer.stop();
        }
    }

    /** Prints the per-second lines and the summary; serialised so a Ctrl-C never interleaves two lines. */
    private static final class Report {
        private final PrintWriter out;
        private final boolean json;
        private final SerialPacketSource source;
        private final Consumer consumer;
        private final ObjectMapper mapper = Json.MAPPER;
        private final AtomicBoolean finished = new AtomicBoolean();
        private final long startNanos = System.nanoTime();
        private long lastNanos = startNanos;
        private long lastFrames;
        private static final int HELLO_RETRY_TICKS = 2;
        private long ticksWithoutHello;
        private long framesWithoutHelloAtLastAsk;
        private volatile long helloRequests;

        Report(PrintWriter out, boolean json, SerialPacketSource source, Consumer consumer) {
            this.out = out;
            this.json = json;
            this.source = source;
            this.consumer = consumer;
        }

        int loop(long durationNanos) throws InterruptedException {
            long end = durationNanos == Long.MAX_VALUE ? Long.MAX_VALUE : startNanos + durationNanos;
            long nextTick = startNanos + TimeUnit.SECONDS.toNanos(1);
            while (true) {
                long now = System.nanoTime();
                if (source.status().state() == SourceState.FAILED) {
                    // FAILED is final (not a serial port, permission...): one line from TactusCli, no summary.
                    finished.set(true);
                    throw new MonitorFailure(source.status().message());
                }
                if (now >= end) {
                    summary();
                    return 0;
                }
                if (now >= nextTick) {
                    tick(now);
                    nextTick += TimeUnit.SECONDS.toNanos(1);
                    continue;
                }
                long wait = Math.min(Math.min(end, nextTick) - now, TimeUnit.MILLISECONDS.toNanos(50));
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }

        boolean isFinished() {
            return finished.get();
        }

        synchronized void tick(long now) {
            if (finished.get()) {
                return;
            }
            long frames = consumer.frames;
            askForHelloIfNeeded();
            double rate = (frames - lastFrames) / ((now - lastNanos) / 1e9);
            lastFrames = frames;
            lastNanos = now;
            print(line(now, rate, consumer.takeIntervalPeak(), false));
        }

        /**
         * Joined mid-stream (frames but no HELLO yet): the source asked for a HELLO on connect; ask again every
         * {@link #HELLO_RETRY_TICKS} seconds while frames keep arriving without one (a device busy booting, or a
         * request lost on the line).
         */
        private void askForHelloIfNeeded() {
            long waiting = consumer.framesWithoutHello;
            if (consumer.descriptor == null && waiting > framesWithoutHelloAtLastAsk
                    && ++ticksWithoutHello % HELLO_RETRY_TICKS == 0) {
                source.send(new Packet(PacketType.REQUEST_HELLO, 0, 0, new byte[0]));
                helloRequests++;
                framesWithoutHelloAtLastAsk = waiting;
            }
        }

        synchronized void summary() {
            if (!finished.compareAndSet(false, true)) {
                return;
            }
            long now = System.nanoTime();
            double seconds = (now - startNanos) / 1e9;
            print(line(now, seconds > 0 ? consumer.frames / seconds : 0, consumer.peak, true));
        }

        private Map<String, Object> line(long now, double rate, int peak, boolean summary) {
            LinkStats link = source.stats();
            Map<Corruption, Long> byKind = new EnumMap<>(Corruption.class);
            byKind.putAll(link.corrupt());
            if (consumer.badPayload > 0) {
                byKind.merge(Corruption.BAD_PAYLOAD, consumer.badPayload, Long::sum);
            }
            long corrupt = byKind.values().stream().mapToLong(Long::longValue).sum();
            Map<String, Object> m = new LinkedHashMap<>();
            if (summary) {
                m.put("summary", true);
            }
            m.put("t_s", Math.round((now - startNanos) / 1e8) / 10.0);
            m.put("frames", consumer.frames);
            m.put("rate_hz", Math.round(rate * 10) / 10.0);
            m.put("dropped", consumer.dropped);
            m.put("corrupt", corrupt);
            Map<String, Long> kinds = new LinkedHashMap<>();
            byKind.forEach((k, v) -> kinds.put(k.name(), v));
            m.put("corrupt_by_kind", kinds);
            m.put(summary ? "peak" : "peak_1s", peak);
            m.put("frames_without_hello", consumer.framesWithoutHello);
            m.put("waiting_for_hello", consumer.descriptor == null);
            m.put("hello_requests", helloRequests);
            m.put("queue_full", consumer.queueFull);
            m.put("bytes", link.bytes());
            m.put("packets", link.packets());
            m.put("reconnects", link.reconnects());
            m.put("state", source.status().state().name());
            m.put("port", source.name());
            DeviceDescriptor d = consumer.descriptor;
            if (d != null) {
                m.put("device", io.tactus.protocol.PrintableText.oneLine(d.device()) + " " + d.rows() + "x" + d.cols());
            }
            return m;
        }

        private void print(Map<String, Object> m) {
            if (json) {
                try {
                    out.println(mapper.writeValueAsString(m));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            } else {
                out.println(text(m));
            }
            out.flush();
        }

        @SuppressWarnings("unchecked")
        private static String text(Map<String, Object> m) {
            boolean summary = m.containsKey("summary");
            StringBuilder sb = new StringBuilder(summary ? "summary: " : "");
            sb.append(String.format("%6.1f s  frames %d  rate %.1f Hz  dropped %d  corrupt %d", m.get("t_s"),
                    m.get("frames"), m.get("rate_hz"), m.get("dropped"), m.get("corrupt")));
            Map<String, Long> kinds = (Map<String, Long>) m.get("corrupt_by_kind");
            if (!kinds.isEmpty()) {
                sb.append(" ").append(kinds.toString().replace('=', ' ').replace('{', '(').replace('}', ')'));
            }
            sb.append("  peak ").append(summary ? m.get("peak") : m.get("peak_1s"));
            if ((long) m.get("queue_full") > 0) {
                sb.append("  queue-full ").append(m.get("queue_full"));
            }
            if (!m.containsKey("device") && (long) m.get("frames_without_hello") > 0) {
                sb.append("  waiting for HELLO (requested on connect");
                long asked = (long) m.get("hello_requests");
                sb.append(asked > 0 ? ", asked again " + asked + "x)" : ")");
                sb.append(": ").append(m.get("frames_without_hello"))
                        .append(" frames cannot be decoded without it (skipped)");
            } else if ((long) m.get("frames_without_hello") > 0) {
                sb.append("  ").append(m.get("frames_without_hello")).append(" frames before the first HELLO (skipped)");
            }
            sb.append("  [").append(m.get("state")).append("]");
            if (summary) {
                sb.append("  ").append(m.get("port")).append(m.containsKey("device") ? ", " + m.get("device") : "");
                sb.append(", ").append(m.get("bytes")).append(" bytes, ").append(m.get("reconnects")).append(" reconnects");
            }
            return sb.toString();
        }
    }

    /**
     * The sink: the reader thread only offers packets to a bounded queue (a full queue drops the packet and
     * counts it as queue_full); the consumer thread assembles frames and publishes counters.
     */
    private static final class Consumer implements PacketSink, FrameListener {
        private final BlockingQueue<TimedPacket> queue = new ArrayBlockingQueue<>(QUEUE);
        private final FrameAssembler assembler = new FrameAssembler(this);
        private final PrintWriter err;
        private final Thread thread = new Thread(this::run, "monitor-consumer");
        private volatile boolean running = true;
        private volatile long queueFull;
        private volatile long frames;
        private volatile long dropped;
        private volatile long badPayload;
        private volatile long framesWithoutHello;
        private volatile int peak;
        private volatile int intervalPeak;
        private volatile DeviceDescriptor descriptor;
        private boolean connectedOnce;
        private volatile boolean quiet;

        Consumer(PrintWriter err) {
            this.err = err;
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        /** No more notices: the port closing at shutdown is not news. */
        void quiet() {
            quiet = true;
        }

        void stop() {
            running = false;
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void onPacket(TimedPacket packet) {
            if (!queue.offer(packet)) {
                queueFull++; // written by the reader thread only
            }
        }

        @Override
        public void onStatus(SourceStatus status) {
            // Notices after the first connect (vanished, reconnected, "text detected, give --ascii") go to stderr
            // so that --json output stays one object per line. Opening and the first connect are silent; a
            // FAILED status becomes the command's one-line error; STOPPED is the end.
            boolean notice = connectedOnce && status.state() != SourceState.FAILED
                    && status.state() != SourceState.STOPPED;
            connectedOnce |= status.state() == SourceState.CONNECTED;
            if (notice && !quiet) {
                synchronized (err) {
                    err.println("tactus: " + status.message());
                    err.flush();
                }
            }
        }

        private void run() {
            while (running || !queue.isEmpty()) {
                try {
                    TimedPacket p = queue.poll(50, TimeUnit.MILLISECONDS);
                    if (p != null) {
                        assembler.accept(p);
                        dropped = assembler.dropped();
                        badPayload = assembler.badPayload();
                        framesWithoutHello = assembler.framesWithoutHello();
                    }
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        @Override
        public void onDescriptor(DeviceDescriptor d) {
            descriptor = d;
        }

        @Override
        public void onFrame(RawFrame frame) {
            int max = 0;
            for (int c : frame.counts()) {
                max = Math.max(max, c);
            }
            if (max > intervalPeak) {
                intervalPeak = max;
            }
            if (max > peak) {
                peak = max;
            }
            frames = assembler.frames(); // counted by the assembler just before this callback
        }

        int takeIntervalPeak() {
            int p = intervalPeak;
            intervalPeak = 0; // a racing frame's peak may land in either second; harmless for a display
            return p;
        }
    }

    /** A final source failure, printed by TactusCli as one line (exit 1). */
    static final class MonitorFailure extends RuntimeException {
        MonitorFailure(String message) {
            super(message, null, false, false);
        }
    }
}
