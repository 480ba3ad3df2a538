package io.tactus.session.export;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a python3 script as an independent reader of an export and parses the JSON it prints. */
final class PythonReader {

    private PythonReader() {
    }

    /** Interpreters tried in order: the one on PATH, then the system one (Debian's python3-h5py lives there). */
    private static final List<String> PYTHONS = List.of("python3", "/usr/bin/python3");

    /** The first python3 that can import all the given modules, or null. */
    static String find(String... modules) {
        for (String py : PYTHONS) {
            if (imports(py, modules)) {
                return py;
            }
        }
        return null;
    }

    static boolean available(String... modules) {
        return find(modules) != null;
    }

    private static boolean imports(String python, String... modules) {
        try {
            List<String> cmd = new ArrayList<>(List.of(python, "-c", "import " + String.join(", ", modules)));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs the script with the first interpreter that has {@code modules}. */
    static JsonNode run(Path dir, List<String> modules, String script, String... args)
            throws IOException, InterruptedException {
        String python = find(modules.toArray(String[]::new));
        if (python == null) {
            throw new IOException("no python3 with " + modules);
        }
        Path py = dir.resolve("reader.py");
        Files.writeString(py, script, StandardCharsets.UTF_8);
        List<String> cmd = new ArrayList<>(List.of(python, py.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("python reader did not finish");
        }
        if (p.exitValue() != 0) {
            throw new IOException("python reader failed with exit " + p.exitValue() + ": "
                    + new String(out, StandardCharsets.UTF_8));
        }
        return JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build().readTree(out);
    }
}
