package io.tactus.bench;

import io.tactus.device.serial.SerialDeviceEmulator;
import io.tactus.device.serial.SerialOptions;
import io.tactus.device.serial.SocatPair;
import io.tactus.device.sim.ScenarioStream;
import io.tactus.device.sim.Scenarios;
import io.tactus.device.sim.SimOptions;
import io.tactus.protocol.Packet;
import io.tactus.session.RecordedPacket;
import io.tactus.session.RecordingReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * How much data a `tactus record` killed with SIGKILL loses: a simulated mat (100 Hz, 32x32) streams over a socat
 * pty to a `record` child JVM; after a few seconds (plus a random fraction of a second, so the kill falls
 * anywhere in the writer's flush period) the child gets SIGKILL. Lost time = the kill instant minus the moment
 * the last frame found in the (recovered) file was written to the pty: everything the device sent after it is
 * lost. Trials alternate the recorder's write period: 10 ms (shipped) and 50 ms (before issue 8), as the
 * reference under the same load. Usage: KillLossMain [trials per setting] (bench/record-kill9.sh).
 */
public final class KillLossMain {

    private KillLossMain() {
    }

    public static void main(String[] args) throws Exception {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        Path dir = Files.createTempDirectory("tactus-kill9");
        // Interleaved, so both settings see the same machine load: the shipped 10 ms and the former 50 ms.
        long[] settings = {10, 50};
        Map<Long, List<Double>> lost = new java.util.TreeMap<>();
        for (int t = 0; t < trials; t++) {
            for (long every : settings) {
                double ms = trial(dir, t, every);
                lost.computeIfAbsent(every, k -> new ArrayList<>()).add(ms);
                System.out.printf(Locale.ROOT, "trial %d, write every %d ms: %.1f ms lost%n", t + 1, every, ms);
            }
        }
        lost.forEach((every, list) -> {
            List<Double> sorted = new ArrayList<>(list);
            sorted.sort(null);
            System.out.printf(Locale.ROOT, "kill -9 during record, write every %d ms, %d trials: median %.1f ms, "
                    + "min %.1f, max %.1f%n", every, sorted.size(), sorted.get(sorted.size() / 2), sorted.get(0),
                    sorted.get(sorted.size() - 1));
        });
    }

    private static double trial(Path dir, int n, long writeEveryMs) throws Exception {
        Path file = dir.resolve("kill" + n + "-" + writeEveryMs + ".tactus");
        Map<Long, Long> sentAt = new ConcurrentHashMap<>();
        try (SocatPair pair = SocatPair.start(dir.resolve("a" + n + "-" + writeEveryMs), dir.resolve("b" + n + "-" + writeEveryMs));
             SerialDeviceEmulator device = SerialDeviceEmulator.open(pair.a().toString(), SerialOptions.defaults())) {
            ScenarioStream s = ScenarioStream.open(Scenarios.GENTLE_ROUTINE, SimOptions.defaults());
            SerialDeviceEmulator.PacketStream timed = new SerialDeviceEmulator.PacketStream() {
                Packet previous;

                @Override
                public Packet next() {
                    // The emulator asks for the next packet right after writing the previous one.
                    if (previous != null && previous.type().isFrame()) {
                        sentAt.put(previous.deviceTimeUs(), System.nanoTime());
                    }
                    previous = s.next();
                    return previous;
                }
            };
            CompletableFuture<SerialDeviceEmulator.Result> run = CompletableFuture.supplyAsync(
                    () -> device.run(timed, TimeUnit.SECONDS.toNanos(60)));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process rec = new ProcessBuilder(java, "-Dtactus.recorder.writeEveryMs=" + writeEveryMs, "-cp",
                    System.getProperty("java.class.path"), "io.tactus.Launcher",
                    "record", "--port", pair.b().toString(), "--out", file.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!(Files.exists(file) && Files.size(file) > 50_000) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Thread.sleep(2000 + ThreadLocalRandom.current().nextInt(1000));
            long killNs = System.nanoTime();
            rec.destroyForcibly(); // SIGKILL
            rec.waitFor(30, TimeUnit.SECONDS);
            device.stop();
            run.get(30, TimeUnit.SECONDS);
            long lastUs = -1;
            try (RecordingReader r = RecordingReader.open(file)) {
                RecordingReader.Cursor c = r.cursor();
                RecordedPacket p;
                while ((p = c.next()) != null) {
                    if (p.timed().packet().type().isFrame()) {
                        lastUs = Math.max(lastUs, p.timed().packet().deviceTimeUs());
                    }
                }
            }
            Long at = sentAt.get(lastUs);
            if (at == null) {
                throw new IllegalStateException("the last recorded frame (" + lastUs + " us) was never sent");
            }
            return (killNs - at) / 1e6;
        }
    }
}
