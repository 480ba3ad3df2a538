package io.tactus.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.ExternalTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Compiles the portable C reference encoder with gcc (strict C99, warnings as errors) and runs its test program
 * against the shared vectors; also compiles the Arduino sketch on the host against a minimal Arduino stub, so a
 * change to the C API that breaks the sketch fails the build.
 */
class ReferenceEncoderCTest {

    private static final Path OUT = Path.of("target", "firmware-c");

    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!done) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + cmd);
        }
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + "\n" + out);
        return out;
    }

    @Tag("native")
    @Test
    void cEncoderProducesEveryVector() throws Exception {
        ExternalTool.require("gcc");
        Path fw = TestVectorsTest.firmwareDir().toAbsolutePath();
        Files.createDirectories(OUT);
        Path exe = OUT.resolve("test_vectors").toAbsolutePath();
        run(List.of("gcc", "-std=c99", "-Wall", "-Wextra", "-Werror", "-pedantic", "-O2",
                "-o", exe.toString(), fw.resolve("c/tactus_proto.c").toString(), fw.resolve("c/test_vectors.c").toString()));
        String out = run(List.of(exe.toString(), fw.resolve("test-vectors/vectors.txt").toString()));
        int expected = TestVectors.parse(fw.resolve("test-vectors/vectors.txt")).size();
        assertTrue(out.contains("OK " + expected + " vectors"), out);
    }

    @Tag("native")
    @Test
    void arduinoSketchCompilesOnTheHost() throws Exception {
        ExternalTool.require("g++");
        Path fw = TestVectorsTest.firmwareDir().toAbsolutePath();
        Path sketchDir = fw.resolve("arduino/TactusMat");
        Files.createDirectories(OUT);
        // Arduino's build copies the library files next to the sketch; do the same with a host stub of Arduino.h.
        Path build = Files.createDirectories(OUT.resolve("sketch")).toAbsolutePath();
        Files.copy(sketchDir.resolve("TactusMat.ino"), build.resolve("TactusMat.cpp"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        List<String> cmd = new ArrayList<>(List.of("g++", "-std=c++11", "-Wall", "-Wextra", "-Werror",
                "-fsyntax-only", "-include", fw.resolve("c/test/arduino_stub.h").toString(),
                "-I", fw.resolve("c").toString(), "-I", sketchDir.toString(), build.resolve("TactusMat.cpp").toString()));
        run(cmd);
    }
}
