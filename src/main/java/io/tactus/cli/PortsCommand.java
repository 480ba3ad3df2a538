package io.tactus.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tactus.device.serial.PortInfo;
import io.tactus.device.serial.SerialPorts;
import io.tactus.protocol.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `tactus ports`: the serial ports the OS reports, with what identifies a USB device across replugs. */
@Command(name = "ports", mixinStandardHelpOptions = true,
        description = {"List serial ports: path, USB VID:PID, USB serial number, description.",
            "Pseudo-terminals (e.g. socat pairs) are never listed; use them by typing their path."})
public final class PortsCommand implements Callable<Integer> {

    static final String NONE_FOUND = "no serial ports found";
    static final String HINT = "hint: a port that is not listed (e.g. a socat pty) still works by its path:"
            + " tactus monitor --port /path/to/port";

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "One JSON object per port, one per line.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<PortInfo> ports = SerialPorts.list();
        if (json) {
            ObjectMapper mapper = Json.MAPPER;
            for (PortInfo p : ports) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("path", p.path());
                m.put("description", p.description());
                m.put("manufacturer", p.manufacturer());
                m.put("vid_pid", p.vidPid());
                m.put("serial", p.serialNumber());
                m.put("location", p.location());
                out.println(mapper.writeValueAsString(m));
            }
        } else if (ports.isEmpty()) {
            out.println(NONE_FOUND);
            out.println(HINT);
        } else {
            out.print(table(ports));
        }
        out.flush();
        return 0;
    }

    static String table(List<PortInfo> ports) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"PATH", "VID:PID", "SERIAL", "DESCRIPTION"});
        for (PortInfo p : ports) {
            String desc = p.manufacturer().isEmpty() || p.description().contains(p.manufacturer())
                    ? p.description() : p.description() + " (" + p.manufacturer() + ")";
            rows.add(new String[] {p.path(), dash(p.vidPid()), dash(p.serialNumber()), dash(desc)});
        }
        int[] w = new int[4];
        for (String[] r : rows) {
            for (int i = 0; i < 4; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            sb.append(String.format("%-" + w[0] + "s  %-" + w[1] + "s  %-" + w[2] + "s  %s", (Object[]) r).stripTrailing())
                    .append(System.lineSeparator());
        }
        return sb.toString();
    }

    private static String dash(String s) {
        return s.isEmpty() ? "-" : s;
    }
}
