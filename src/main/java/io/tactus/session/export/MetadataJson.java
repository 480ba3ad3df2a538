package io.tactus.session.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tactus.protocol.Json;
import io.tactus.signal.body.BodyMap;
import io.tactus.signal.body.BodyRegion;
import io.tactus.signal.flags.FlagType;
import java.io.IOException;
import java.nio.file.Path;

/** The metadata every format carries: a JSON sidecar for CSV/ASF, a JSON string inside .mat and HDF5. */
final class MetadataJson {

    static final ObjectMapper JSON = Json.MAPPER;
    static final int FORMAT_VERSION = 1;

    private MetadataJson() {
    }

    static ObjectNode build(ExportView view, ExportRun run, String format) throws IOException {
        ExportMetadata m = view.metadata();
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "tactus-export");
        root.put("format_version", FORMAT_VERSION);
        root.put("export_format", format);
        root.put("exported_by", "tactus " + io.tactus.session.export.AppVersion.get());
        ObjectNode s = root.putObject("session");
        s.put("start_time_utc", m.startTimeUtc() == null ? null : m.startTimeUtc().toString());
        s.put("start_time_shifted", view.timeShifted());
        s.put("anonymized", view.anonymized());
        s.put("trainee_pseudonym", m.traineePseudonym());
        s.put("receiver_pseudonym", m.receiverPseudonym());
        s.put("profile", m.profile());
        s.put("app_version", m.appVersion());
        if (!view.anonymized()) {
            s.put("notes", m.notes());
            s.put("source", m.sourceName());
        }
        s.put("frames", run.frameCount());
        s.put("duration_s", run.frameCount() > 0 ? run.seconds(run.lastTimeUs()) : 0.0);
        s.put("first_frame_device_time_us", run.firstTimeUs());
        root.set("device", JSON.readTree(view.descriptor().toJson()));
        // A recording's integrity as the export's pass found it: damage is never silent in an export.
        if (run.integrity() != null) {
            root.set("integrity", JSON.valueToTree(run.integrity().describe(run.firstTimeUs())));
        }
        ObjectNode t = root.putObject("time");
        t.put("time_s", "seconds from the first frame, on the device clock");
        t.put("start_time_utc", "wall-clock (UTC) time of time_s = 0; shifted when start_time_shifted is true");
        ObjectNode u = root.putObject("units");
        u.put("pressure", "kPa (calibrated, tared, filtered by the signal core)");
        u.put("force", "N");
        u.put("area", "cm^2");
        u.put("position", "mm");
        u.put("time", "s");
        ObjectNode g = root.putObject("grid");
        g.put("rows", view.descriptor().rows());
        g.put("cols", view.descriptor().cols());
        g.put("row_pitch_mm", view.descriptor().pitchYmm());
        g.put("col_pitch_mm", view.descriptor().pitchXmm());
        g.put("order", "row-major; row 0 = head end, column 0 = the receiver's left");
        // one name per thing: the app, analyze and the reports say "Lower back (left)" where the columns say lumbar_l
        ObjectNode regions = root.putObject("regions");
        for (BodyRegion r : BodyRegion.values()) {
            regions.put(r.id(), BodyMap.standard().displayName(r));
        }
        ArrayNode types = root.putArray("event_types");
        for (FlagType ft : FlagType.values()) {
            types.add(ft.id());
        }
        return root;
    }

    static void addColumns(ObjectNode file, String... nameUnitDescription) {
        ArrayNode cols = file.putArray("columns");
        for (int i = 0; i + 2 < nameUnitDescription.length; i += 3) {
            ObjectNode c = cols.addObject();
            c.put("name", nameUnitDescription[i]);
            c.put("unit", nameUnitDescription[i + 1]);
            c.put("description", nameUnitDescription[i + 2]);
        }
    }

    static void addSummaryColumns(ArrayNode cols) {
        for (SummaryColumns.Column c : SummaryColumns.ALL) {
            ObjectNode o = cols.addObject();
            o.put("name", c.name());
            o.put("unit", c.unit());
            o.put("description", c.description());
        }
    }

    static void write(ObjectNode root, Path path) throws IOException {
        Json.pretty().writeValue(path.toFile(), root);
    }

    static String toText(ObjectNode root) throws IOException {
        return Json.pretty().writeValueAsString(root);
    }
}
