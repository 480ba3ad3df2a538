package io.tactus.session.export;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tactus.ExternalTool;
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

    /** Runs the script with the first interpreter that has {@code modules}. */
    static JsonNode run(Path dir, List<String> modules, String script, String... args)
            throws IOException, InterruptedException {
        String python = ExternalTool.pythonWith(modules.toArray(String[]::new));
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
