package io.tactus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tactus.device.serial.SerialDeviceEmulator;
import io.tactus.device.serial.SerialOptions;
import io.tactus.device.serial.SocatPair;
import io.tactus.protocol.DeviceDescriptor;
import io.tactus.protocol.Packet;
import io.tactus.protocol.PacketType;
import io.tactus.protocol.Payloads;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Timeout(value = 300, unit = TimeUnit.SECONDS) // a hang guard: a busy machine takes longer
class MonitorCommandTest {

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

    private static final DeviceDescriptor GRID = new DeviceDescriptor(1, "TestGrid", "M-1", "1.0", "grid", 4, 4,
            new double[] {10, 10}, 12, 200, null, null);

    /**
     * HELLO and then frames at 200 Hz of device time; frame 100 goes missing (a sequence gap). Starts once the
     * host has connected (its handshake arrived), so no packet is written before anyone reads.
     */
    static SerialDeviceEmulator.PacketStream stream(SerialDeviceEmulator device) {
        AtomicInteger i = new AtomicInteger();
        return () -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (i.get() == 0 && device.commandsReceived() == 0 && System.nanoTime() < deadline) {
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
            }
            int k = i.getAndIncrement();
            if (k == 100) {
                k = i.getAndIncrement();
            }
            if (k == 0) {
                return new Packet(PacketType.HELLO, 0, 0, GRID.toJson());
            }
            int[] c = new int[16];
            c[k % 16] = 100 + k % 900;
            return new Packet(PacketType.FRAME_DENSE, k & 0xFFFF, k * 5000L, Payloads.dense(c));
        };
    }

    @Tag("pty")
    @Test
    void jsonLinesCarryTheRequiredKeysAndTheLastIsTheSummary() throws Exception {
        try (SocatPair pair = SocatPair.start(dir);
             SerialDeviceEmulator device = SerialDeviceEmulator.open(pair.a().toString(), SerialOptions.defaults())) {
            CompletableFuture<SerialDeviceEmulator.Result> run = CompletableFuture.supplyAsync(
                    () -> device.run(stream(device), TimeUnit.SECONDS.toNanos(20)));
            Run r = tactus("monitor", "--port", pair.b().toString(), "--duration", "2.5", "--json");
            device.stop();
            run.get(10, TimeUnit.SECONDS);
            assertEquals(0, r.code(), r.err());
            ObjectMapper json = new ObjectMapper();
            List<JsonNode> lines = new ArrayList<>();
            for (String line : r.out().split("\n")) {
                lines.add(json.readTree(line));
            }
            assertTrue(lines.size() >= 3, r.out());
            for (JsonNode n : lines) {
                for (String key : List.of("frames", "dropped", "corrupt", "rate_hz")) {
                    assertTrue(n.has(key), key + " missing in " + n);
                }
            }
            JsonNode last = lines.get(lines.size() - 1);
            assertTrue(last.path("summary").asBoolean(), last.toString());
            lines.subList(0, lines.size() - 1).forEach(n -> assertFalse(n.has("summary")));
            assertTrue(last.get("frames").asLong() > 50, last.toString());
            assertEquals(1, last.get("dropped").asLong(), "the one missing frame is a sequence gap");
            assertEquals(0, last.get("corrupt").asLong());
            assertTrue(last.get("peak").asInt() >= 100);
            assertTrue(lines.get(1).get("rate_hz").asDouble() > 0, "frames flowing: " + lines.get(1));
            assertTrue(lines.get(1).get("rate_hz").asDouble() < 300, "paced at 200 Hz: " + lines.get(1));
        }
    }

    @Tag("pty")
    @Test
    void joinedMidStreamItSaysItIsWaitingForHelloAndAsksAgain() throws Exception {
        try (SocatPair pair = SocatPair.start(dir);
             SerialDeviceEmulator device = SerialDeviceEmulator.open(pair.a().toString(), SerialOptions.defaults())) {
            AtomicInteger i = new AtomicInteger();
            // A device that is past its boot HELLO and does not answer REQUEST_HELLO: frames only.
            SerialDeviceEmulator.PacketStream framesOnly = () -> {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (i.get() == 0 && device.commandsReceived() == 0 && System.nanoTime() < deadline) {
                    java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
                }
                int k = i.incrementAndGet();
                int[] c = new int[16];
                c[k % 16] = 100;
                return new Packet(PacketType.FRAME_DENSE, k & 0xFFFF, k * 5000L, Payloads.dense(c));
            };
            CompletableFuture<SerialDeviceEmulator.Result> run = CompletableFuture.supplyAsync(
                    () -> device.run(framesOnly, TimeUnit.SECONDS.toNanos(20)));
            Run r = tactus("monitor", "--port", pair.b().toString(), "--duration", "4.5");
            device.stop();
            run.get(10, TimeUnit.SECONDS);
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("waiting for HELLO (requested on connect, asked again"), r.out());
            assertTrue(r.out().contains("frames cannot be decoded without it"), r.out());
            // REQUEST_HELLO and START on connect, then at least one more REQUEST_HELLO.
            assertTrue(device.commandsReceived() >= 3, "commands received: " + device.commandsReceived());
        }
    }

    @Tag("pty")
    @Test
    void sigtermPrintsTheSummary() throws Exception {
        try (SocatPair pair = SocatPair.start(dir);
             SerialDeviceEmulator device = SerialDeviceEmulator.open(pair.a().toString(), SerialOptions.defaults())) {
            CompletableFuture<SerialDeviceEmulator.Result> run = CompletableFuture.supplyAsync(
                    () -> device.run(stream(device), TimeUnit.SECONDS.toNanos(30)));
            String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), "io.tactus.Launcher",
                    "monitor", "--port", pair.b().toString(), "--json")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine(); // a per-second line: the monitor is running
            assertTrue(first != null && first.contains("\"frames\""), String.valueOf(first));
            p.toHandle().destroy(); // SIGTERM (Process.destroy would also close our end of its stdout)
            List<String> rest = out.lines().toList();
            assertTrue(p.waitFor(20, TimeUnit.SECONDS));
            device.stop();
            run.get(10, TimeUnit.SECONDS);
            assertFalse(rest.isEmpty(), "a summary after SIGTERM");
            JsonNode last = new ObjectMapper().readTree(rest.get(rest.size() - 1));
            assertTrue(last.path("summary").asBoolean(), last.toString());
            assertTrue(last.get("frames").asLong() > 0, last.toString());
        }
    }

    @Tag("pty")
    @Test
    void asciiModeMonitorsADiyTextGrid() throws Exception {
        try (SocatPair pair = SocatPair.start(dir)) {
            Thread writer = new Thread(() -> {
                try (java.io.FileOutputStream out = new java.io.FileOutputStream(pair.a().toFile())) {
                    for (int k = 0; k < 100; k++) {
                        out.write((k + " 1 2\n3 4 " + (500 + k) + "\n\n").getBytes(StandardCharsets.US_ASCII));
                        Thread.sleep(15);
                    }
                } catch (Exception e) {
                    // socat gone at the end of the test
                }
            });
            writer.setDaemon(true);
            writer.start();
            Run r = tactus("monitor", "--port", pair.b().toString(), "--ascii", "2x3", "--duration", "2.5", "--json");
            writer.join(10_000);
            assertEquals(0, r.code(), r.err());
            String[] lines = r.out().split("\n");
            JsonNode last = new ObjectMapper().readTree(lines[lines.length - 1]);
            assertTrue(last.get("summary").asBoolean());
            assertTrue(last.get("frames").asLong() > 10, last.toString());
            assertEquals(0, last.get("dropped").asLong());
            assertTrue(last.get("device").asText().endsWith("2x3"), last.toString());
            assertTrue(last.get("peak").asInt() >= 500, last.toString());
        }
    }

    @Test
    void aPathThatIsNotASerialPortIsOneLineAndExitOne() throws Exception {
        Path file = Files.writeString(dir.resolve("readme.txt"), "x");
        Run r = tactus("monitor", "--port", file.toString(), "--duration", "5");
        assertEquals(1, r.code());
        assertEquals("tactus: " + file + ": not a serial port", r.err().strip());
        assertEquals("", r.out());
    }

    @Test
    void aMissingPortIsOneLineAndExitOne() {
        Run r = tactus("monitor", "--port", dir.resolve("ttyGONE").toString(), "--json");
        assertEquals(1, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("no such serial port"), r.err());
    }

    @Test
    void badArgumentsExitTwo() {
        assertEquals(2, tactus("monitor").code(), "--port is required");
        assertEquals(2, tactus("monitor", "--port", "/dev/null", "--ascii", "sixteen").code());
        assertEquals(2, tactus("monitor", "--port", "/dev/null", "--duration", "-1").code());
    }
}
