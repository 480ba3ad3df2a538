package io.tactus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tactus.Await;
import io.tactus.device.serial.SerialDeviceEmulator;
import io.tactus.device.serial.SerialOptions;
import io.tactus.device.serial.SocatPair;
import io.tactus.device.sim.ScenarioStream;
import io.tactus.device.sim.Scenarios;
import io.tactus.device.sim.SimOptions;
import io.tactus.protocol.Packet;
import io.tactus.protocol.PacketType;
import io.tactus.session.RecordedPacket;
import io.tactus.session.RecordingReader;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `tactus record` over a socat pty fed by the simulator, in process and as a child JVM stopped by SIGTERM. */
@Timeout(value = 300, unit = TimeUnit.SECONDS) // a hang guard: a busy machine takes longer
class RecordCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run tactus(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = TactusCli.newCommandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /**
     * The spine-contact scenario with its uneventful middle cut out, so the first spine contact comes about 4 s
     * in: the first 2 s (unloaded, the core tares on them), then from 33 s on, with device time and sequence
     * made continuous again. Starts once the host has connected (its handshake arrived).
     */
    static SerialDeviceEmulator.PacketStream shortenedSpineContact(SerialDeviceEmulator device) {
        ScenarioStream s = ScenarioStream.open(Scenarios.SPINE_CONTACT, SimOptions.defaults().withSparse(true));
        long cutFrom = 2_000_000;
        long cutTo = 33_000_000;
        return new SerialDeviceEmulator.PacketStream() {
            int seq;
            boolean started;

            @Override
            public Packet next() {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (!started && device.commandsReceived() == 0 && System.nanoTime() < deadline) {
                    LockSupport.parkNanos(1_000_000);
                }
                started = true;
                Packet p;
                do {
                    p = s.next();
                } while (p != null && p.type() != PacketType.HELLO && p.deviceTimeUs() >= cutFrom
                        && p.deviceTimeUs() < cutTo);
                if (p == null) {
                    return null;
                }
                long t = p.deviceTimeUs() >= cutTo ? p.deviceTimeUs() - (cutTo - cutFrom) : p.deviceTimeUs();
                return new Packet(p.type(), seq++ & 0xFFFF, t, p.payload());
            }
        };
    }

    /**
     * A child JVM records until the first live flag has printed and is then stopped by SIGTERM, as Ctrl-C would:
     * the test waits on the outcome, not on a --duration that a busy machine may fill before any flag comes.
     */
    @Tag("pty")
    @Test
    void recordsExactlyTheOutFilePrintsLiveFlagsAndSigtermCompletesTheFile() throws Exception {
        Path file = dir.resolve("sub dir").resolve("my session.tactus");
        Files.createDirectories(file.getParent());
        try (SocatPair pair = SocatPair.start(dir);
             SerialDeviceEmulator device = SerialDeviceEmulator.open(pair.a().toString(), SerialOptions.defaults())) {
            CompletableFuture<SerialDeviceEmulator.Result> run = CompletableFuture.supplyAsync(
                    () -> device.run(shortenedSpineContact(device), TimeUnit.SECONDS.toNanos(120)));
            Process rec = recordInChildJvm("--port", pair.b().toString(), "--out", file.toString(),
                    "--trainee", "T-07", "--receiver", "R-01", "--notes", "pty test");
            Lines out = new Lines(rec.getInputStream());
            Lines err = new Lines(rec.getErrorStream());
            try {
                Await.until("a live flag line", () -> out.has("Spine contact"), () -> out + " / " + err);
                rec.toHandle().destroy(); // SIGTERM
                assertTrue(rec.waitFor(60, TimeUnit.SECONDS), "record ends on SIGTERM");
            } finally {
                rec.destroyForcibly();
            }
            device.stop();
            run.get(60, TimeUnit.SECONDS);
            Await.until("the summary after SIGTERM", () -> out.has("recorded "), out::toString);
            assertTrue(out.lines.stream().anyMatch(l -> l.matches(".*Spine contact\\s+Spine\\s+peak .* kPa.*")),
                    "a live flag line, named as in the app: what, where, peak: " + out);
            assertTrue(out.lines.get(0).startsWith("recording "), out.toString());
            try (var listing = Files.list(file.getParent())) {
                assertEquals(List.of(file), listing.toList(), "exactly the --out path, nothing else");
            }
        }
        Run info = tactus("info", file.toString(), "--json", "--verify");
        assertEquals(0, info.code(), info.err());
        JsonNode i = JSON.readTree(info.out());
        assertEquals("ok", i.get("integrity").get("status").asText(), "closed normally, index and trailer: " + i);
        assertTrue(i.get("frames").asLong() > 300, i.toString());
        assertTrue(i.toString().contains("T-07") && i.toString().contains("pty test"), i.toString());

        Run analyze = tactus("analyze", file.toString(), "--json");
        assertEquals(0, analyze.code(), analyze.err());
        JsonNode a = JSON.readTree(analyze.out());
        assertTrue(a.get("events").toString().contains("spine_contact"), a.toString());

        Run again = tactus("record", "--port", "/nonexistent", "--out", file.toString(), "--duration", "1");
        assertEquals(1, again.code(), "a non-empty file is not overwritten without --force");
        assertTrue(again.err().contains("already exists"), again.err());
    }

    /** `tactus record ARGS` in a child JVM on the test class path (stopped by the test with SIGTERM). */
    private static Process recordInChildJvm(String... args) throws java.io.IOException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new java.util.ArrayList<>(List.of(javaBin, "-cp", System.getProperty("java.class.path"),
                "io.tactus.Launcher", "record"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).start();
    }

    /**
     * The recorder runs in a child JVM without --duration and is stopped by SIGTERM once the test has seen the
     * outcome: with a fixed recording length a busy machine could end the recording before the reconnect.
     */
    @Tag("pty")
    @Test
    void anUnplugIsANoticeAndTheRecordingContinuesAfterTheReconnect() throws Exception {
        Path a = dir.resolve("dev");
        Path b = dir.resolve("host");
        Path file = dir.resolve("unplugged.tactus");
        SocatPair first = SocatPair.start(a, b);
        SerialDeviceEmulator device = SerialDeviceEmulator.open(a.toString(), SerialOptions.defaults());
        CompletableFuture<SerialDeviceEmulator.Result> run = CompletableFuture.supplyAsync(
                () -> device.run(shortenedSpineContact(device), TimeUnit.SECONDS.toNanos(120)));
        Process rec = recordInChildJvm("--port", b.toString(), "--out", file.toString());
        Lines out = new Lines(rec.getInputStream());
        Lines err = new Lines(rec.getErrorStream());
        try {
            Await.until("20 kB recorded before the unplug", () -> size(file) > 20_000, () -> size(file) + " B " + err);
            first.close(); // unplug
            Await.until("the unplug notice", () -> err.has("vanished"), err::toString);
            run.get(60, TimeUnit.SECONDS);
            device.close();
            try (SocatPair second = SocatPair.start(a, b);
                 SerialDeviceEmulator again = SerialDeviceEmulator.open(a.toString(), SerialOptions.defaults())) {
                CompletableFuture<SerialDeviceEmulator.Result> run2 = CompletableFuture.supplyAsync(
                        () -> again.run(shortenedSpineContact(again), TimeUnit.SECONDS.toNanos(120)));
                Await.until("the reconnect notice", () -> err.has("reconnected"), err::toString);
                long atReconnect = size(file);
                Await.until("10 kB more after the reconnect", () -> size(file) > atReconnect + 10_000,
                        () -> size(file) + " B");
                rec.toHandle().destroy(); // SIGTERM: the shutdown hook completes the file
                assertTrue(rec.waitFor(60, TimeUnit.SECONDS), "record ends on SIGTERM");
                again.stop();
                run2.get(60, TimeUnit.SECONDS);
            }
        } finally {
            rec.destroyForcibly();
        }
        Await.until("the summary", () -> out.has("recorded "), out::toString);
        Run info = tactus("info", file.toString(), "--json", "--verify");
        assertEquals(0, info.code(), info.err());
        JsonNode i = JSON.readTree(info.out());
        assertEquals("ok", i.get("integrity").get("status").asText(), i.toString());
        // The second connection's stream (its device clock starts again) is in the file.
        long afterRestart = 0;
        try (RecordingReader r = RecordingReader.open(file)) {
            RecordingReader.Cursor c = r.cursor();
            long last = -1;
            boolean restarted = false;
            RecordedPacket p;
            while ((p = c.next()) != null) {
                Packet pk = p.timed().packet();
                if (pk.type() == PacketType.FRAME_DENSE || pk.type() == PacketType.FRAME_SPARSE) {
                    restarted |= last >= 0 && pk.deviceTimeUs() < last;
                    afterRestart += restarted ? 1 : 0;
                    last = pk.deviceTimeUs();
                }
            }
        }
        assertTrue(afterRestart > 50, "frames recorded after the reconnect: " + afterRestart);
    }

    private static long size(Path f) {
        try {
            return Files.exists(f) ? Files.size(f) : 0;
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /** A child's output, collected line by line on a background thread so the test can wait on it. */
    private static final class Lines {
        private final List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();

        Lines(java.io.InputStream in) {
            Thread t = new Thread(() -> new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines().forEach(lines::add), "child-output");
            t.setDaemon(true);
            t.start();
        }

        boolean has(String text) {
            return lines.stream().anyMatch(l -> l.contains(text));
        }

        @Override
        public String toString() {
            return String.join(" | ", lines);
        }
    }

    @Tag("pty")
    @Test
    void asciiRecordsADiyTextGridAsAnOrdinaryRecording() throws Exception {
        Path file = dir.resolve("text.tactus");
        try (SocatPair pair = SocatPair.start(dir)) {
            Thread writer = new Thread(() -> {
                // 8x8, one frame per line; a press on the two middle columns (the spine band) in frames 60-139.
                try (java.io.FileOutputStream out = new java.io.FileOutputStream(pair.a().toFile())) {
                    for (int f = 0; f < 220; f++) {
                        StringBuilder b = new StringBuilder();
                        for (int i = 0; i < 64; i++) {
                            int col = i % 8;
                            boolean press = f >= 60 && f < 140 && (col == 3 || col == 4) && i / 8 >= 2 && i / 8 < 5;
                            b.append(i == 0 ? "" : ",").append(press ? 600 : 0);
                        }
                        out.write((b + "\n").getBytes(StandardCharsets.US_ASCII));
                        Thread.sleep(10);
                    }
                } catch (Exception e) {
                    // socat gone at the end of the test
                }
            });
            writer.setDaemon(true);
            writer.start();
            Run r = tactus("record", "--port", pair.b().toString(), "--ascii", "8x8", "--out", file.toString(),
                    "--duration", "4");
            writer.join(10_000);
            assertEquals(0, r.code(), r.out() + r.err());
        }
        Run info = tactus("info", file.toString(), "--json", "--verify");
        assertEquals(0, info.code(), info.err());
        JsonNode i = JSON.readTree(info.out());
        assertEquals("ok", i.get("integrity").get("status").asText(), i.toString());
        assertTrue(i.get("layout").asText().endsWith("8x8"), i.toString());
        assertTrue(i.get("frames").asLong() > 100, i.toString());
        JsonNode a = JSON.readTree(tactus("analyze", file.toString(), "--json").out());
        assertTrue(a.get("events").toString().contains("spine_contact"), a.get("events").toString());
    }

    @Test
    void badArgumentsAndMissingPorts() throws Exception {
        assertEquals(2, tactus("record").code(), "--port is required");
        Run profile = tactus("record", "--port", "/dev/null", "--profile", "nope", "--out",
                dir.resolve("x.tactus").toString());
        assertEquals(2, profile.code());
        assertTrue(profile.err().contains("gentle"), profile.err());
        assertEquals(2, tactus("record", "--port", "/dev/null", "--duration", "0").code());
        assertEquals(2, tactus("record", "--port", "/dev/null", "--ascii", "sixteen").code());

        Path out = dir.resolve("never.tactus");
        Run missing = tactus("record", "--port", dir.resolve("ttyGONE").toString(), "--out", out.toString(),
                "--duration", "5");
        assertEquals(1, missing.code(), missing.out() + missing.err());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
        assertFalse(Files.exists(out), "no empty session file is left behind");

        Run noDir = tactus("record", "--port", "/dev/null", "--out", dir.resolve("nodir/x.tactus").toString());
        assertEquals(1, noDir.code());
        assertTrue(noDir.err().contains("no such directory"), noDir.err());
        Run device = tactus("record", "--port", "/dev/null", "--out", "/dev/full", "--force");
        assertEquals(1, device.code(), "a device node is never a recording's target: " + device.err());
        assertEquals(1, device.err().strip().lines().count(), device.err());
        assertTrue(device.err().contains("not a regular file"), device.err());
    }

    @Test
    void forceWithAMistypedPortKeepsTheEarlierRecording() throws Exception {
        Path file = dir.resolve("earlier.tactus");
        byte[] earlier = "an earlier session, not to be lost".getBytes(StandardCharsets.UTF_8);
        Files.write(file, earlier);
        Run r = tactus("record", "--port", dir.resolve("ttyTYPO").toString(), "--out", file.toString(), "--force",
                "--duration", "5");
        assertEquals(1, r.code(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(java.util.Arrays.equals(earlier, Files.readAllBytes(file)), "the earlier file is untouched");
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(file), listing.toList(), "no staging file left behind");
        }
    }
}
