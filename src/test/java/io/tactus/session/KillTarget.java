package io.tactus.session;

import io.tactus.device.LinkStats;
import io.tactus.device.PacketSink;
import io.tactus.device.PacketSource;
import io.tactus.device.TimedPacket;
import io.tactus.protocol.DeviceDescriptor;
import io.tactus.signal.SignalPipeline;
import java.nio.file.Path;

/**
 * Child process for {@link KillRecoveryTest}: records a paced 500 Hz 8x8 stream through a LiveSession and prints
 * "sent N" about every 20 ms, until it is killed with SIGKILL.
 */
public final class KillTarget {

    private KillTarget() {
    }

    public static void main(String[] args) throws Exception {
        DeviceDescriptor d = TestStreams.grid(8, 8, 500);
        PacedSource src = new PacedSource(d);
        LiveSession s = new LiveSession(src, SignalPipeline::new);
        s.start();
        s.startRecording(Path.of(args[0]), SessionMetadata.now().withDevice(d).withNotes("kill test"));
        src.go();
        while (true) {
            Thread.sleep(20);
            System.out.println("sent " + src.sent);
            System.out.flush();
        }
    }

    /** HELLO then frames at 500 Hz (bursts of 10 every 20 ms), host time stamped like a real reader. */
    static final class PacedSource implements PacketSource {
        private final DeviceDescriptor d;
        private volatile long sent;
        private volatile PacketSink sink;

        PacedSource(DeviceDescriptor d) {
            this.d = d;
        }

        @Override
        public String name() {
            return "paced";
        }

        @Override
        public void start(PacketSink sink) {
            this.sink = sink;
        }

        void go() {
            Thread t = new Thread(() -> {
                sink.onPacket(new TimedPacket(TestStreams.hello(d, 0, 0), System.nanoTime()));
                long next = System.nanoTime();
                int i = 0;
                while (true) {
                    for (int k = 0; k < 10; k++, i++) {
                        sink.onPacket(new TimedPacket(TestStreams.frame(d, i + 1, i * 2_000L, i), System.nanoTime()));
                        sent = i + 1;
                    }
                    next += 20_000_000L;
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        try {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            }, "paced");
            t.start();
        }

        @Override
        public LinkStats stats() {
            return LinkStats.EMPTY;
        }

        @Override
        public void close() {
        }
    }
}
