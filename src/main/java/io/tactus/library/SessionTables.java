package io.tactus.library;

import io.tactus.report.Scores;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The library's tables in DuckDB, shared by the on-disk library and the in-memory cohort run: {@code sessions}
 * (one row per file: stamp, status, metadata, stream counts, scores), {@code regions} (one row per session and
 * region) and {@code events} (one row per flag or marker). The score columns are the keys of
 * {@link Scores#toMap()}, so the tables, `analyze --json` and the cohort files use one set of names.
 */
public final class SessionTables {

    /** Bumped when the layout changes; an older library is rebuilt from the recordings (it is only an index). */
    static final int SCHEMA_VERSION = 2;

    private static final Map<String, String> SCORE_COLUMNS = scoreColumns();

    /** The names of `analyze --json` "regions" (SessionMetrics.RegionMetrics), in its order. */
    private static final String[] REGION_COLUMNS = {"time_touched_s", "time_below_s", "time_within_s",
        "time_above_s", "pti_kpa_s", "impulse_ns", "peak_kpa"};

    private SessionTables() {
    }

    /** Score column -> SQL type, inferred from a fully populated Scores (ints stay integers). */
    private static Map<String, String> scoreColumns() {
        Map<String, String> m = new LinkedHashMap<>();
        new Scores(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, -1, -1).withRoutine(1, 1).toMap()
                .forEach((k, v) -> m.put(k, v instanceof Integer ? "INTEGER" : "DOUBLE"));
        return m;
    }

    public static List<String> scoreColumnNames() {
        return List.copyOf(SCORE_COLUMNS.keySet());
    }

    public static List<String> regionColumnNames() {
        return List.of(REGION_COLUMNS);
    }

    /** Creates the tables if missing; drops and recreates them when the schema version differs. */
    public static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS library_meta (key VARCHAR PRIMARY KEY, value VARCHAR)");
            String v = null;
            try (ResultSet rs = s.executeQuery("SELECT value FROM library_meta WHERE key = 'schema_version'")) {
                if (rs.next()) {
                    v = rs.getString(1);
                }
            }
            if (v != null && !v.equals(Integer.toString(SCHEMA_VERSION))) {
                s.execute("DROP TABLE IF EXISTS events");
                s.execute("DROP TABLE IF EXISTS regions");
                s.execute("DROP TABLE IF EXISTS sessions");
            }
            StringJoiner cols = new StringJoiner(", ");
            cols.add("path VARCHAR PRIMARY KEY").add("folder VARCHAR").add("file_name VARCHAR")
                    .add("size_bytes BIGINT").add("mtime_ms BIGINT").add("sha256 VARCHAR").add("indexed_utc VARCHAR")
                    .add("status VARCHAR NOT NULL").add("problem VARCHAR").add("trainee VARCHAR")
                    .add("receiver VARCHAR").add("start_utc VARCHAR").add("device VARCHAR").add("profile VARCHAR")
                    .add("frames BIGINT").add("dropped_packets BIGINT").add("corrupt BIGINT")
                    .add("recorder_lost BIGINT").add("frames_lost BIGINT").add("seconds_lost DOUBLE");
            SCORE_COLUMNS.forEach((k, t) -> cols.add(k + " " + t));
            s.execute("CREATE TABLE IF NOT EXISTS sessions (" + cols + ")");
            StringJoiner rc = new StringJoiner(", ");
            rc.add("path VARCHAR NOT NULL").add("region VARCHAR NOT NULL");
            for (String r : REGION_COLUMNS) {
                rc.add(r + " DOUBLE");
            }
            s.execute("CREATE TABLE IF NOT EXISTS regions (" + rc + ")");
            s.execute("CREATE TABLE IF NOT EXISTS events (path VARCHAR NOT NULL, idx INTEGER, type VARCHAR,"
                    + " start_s DOUBLE, end_s DOUBLE, region VARCHAR, peak_kpa DOUBLE, detail VARCHAR)");
            s.execute("INSERT OR REPLACE INTO library_meta VALUES ('schema_version', '" + SCHEMA_VERSION + "')");
        }
    }

    /** Replaces everything stored for the row's path. */
    public static void put(Connection c, SessionRow row, String folder) throws SQLException {
        delete(c, row.file().path().toString());
        add(c, row, folder);
    }

    /**
     * Stores a row whose path is not in the tables yet (the indexer's new files): no deletes first, and one
     * statement per table (a library add of 200 sessions made 3,000+ single-row statements before).
     */
    static void add(Connection c, SessionRow row, String folder) throws SQLException {
        String path = row.file().path().toString();
        List<Object> v = new ArrayList<>();
        FileStamp f = row.file();
        v.add(path);
        v.add(folder);
        v.add(row.name());
        v.add(f.size());
        v.add(f.mtimeMillis());
        v.add(f.sha256());
        v.add(Instant.now().toString());
        v.add(row.status());
        v.add(row.problem());
        v.add(row.trainee());
        v.add(row.receiver());
        v.add(row.startUtc());
        v.add(row.device());
        v.add(row.profile());
        v.add(row.frames());
        v.add(row.droppedPackets());
        v.add(row.corrupt());
        v.add(row.recorderLost());
        v.add(row.framesLost());
        v.add(row.secondsLost());
        Map<String, Object> scores = row.scores() == null ? Map.of() : row.scores().toMap();
        for (String k : SCORE_COLUMNS.keySet()) {
            v.add(scores.get(k));
        }
        insert(c, "sessions", List.of(v));
        List<List<Object>> regions = new ArrayList<>();
        for (SessionRow.RegionRow r : row.regions()) {
            regions.add(List.of(path, r.region(), r.timeTouchedS(), r.timeBelowS(), r.timeWithinS(),
                    r.timeAboveS(), r.ptiKpaS(), r.impulseNs(), r.peakKpa()));
        }
        insert(c, "regions", regions);
        List<List<Object>> events = new ArrayList<>();
        for (SessionRow.EventRow e : row.events()) {
            List<Object> ev = new ArrayList<>();
            ev.add(path);
            ev.add(e.index());
            ev.add(e.type());
            ev.add(e.startS());
            ev.add(e.endS());
            ev.add(e.region());
            ev.add(e.peakKpa());
            ev.add(e.detail());
            events.add(ev);
        }
        insert(c, "events", events);
    }

    public static void delete(Connection c, String path) throws SQLException {
        for (String t : new String[] {"events", "regions", "sessions"}) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + t + " WHERE path = ?")) {
                ps.setString(1, path);
                ps.executeUpdate();
            }
        }
    }

    /** Rows per INSERT statement (a session's events can be thousands; parameters stay bounded). */
    private static final int ROWS_PER_INSERT = 256;

    /** Inserts rows of the same width, in statements of up to {@link #ROWS_PER_INSERT} rows. */
    private static void insert(Connection c, String table, List<List<Object>> rows) throws SQLException {
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            List<List<Object>> batch = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
            StringJoiner tuple = new StringJoiner(", ", "(", ")");
            batch.get(0).forEach(x -> tuple.add("?"));
            StringJoiner q = new StringJoiner(", ", "INSERT INTO " + table + " VALUES ", "");
            batch.forEach(r -> q.add(tuple.toString()));
            try (PreparedStatement ps = c.prepareStatement(q.toString())) {
                int i = 1;
                for (List<Object> r : batch) {
                    for (Object x : r) {
                        if (x instanceof Double d && !Double.isFinite(d)) {
                            x = null; // NaN (no data) is SQL NULL, like JSON null
                        }
                        ps.setObject(i++, x);
                    }
                }
                ps.executeUpdate();
            }
        }
    }

    /** Sessions matching a WHERE clause (with ? parameters), oldest first. */
    public static List<LibraryEntry> entries(Connection c, String where, List<Object> params) throws SQLException {
        String sql = "SELECT * FROM sessions" + (where == null || where.isBlank() ? "" : " WHERE " + where)
                + " ORDER BY start_utc NULLS LAST, path";
        List<LibraryEntry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(entry(rs));
                }
            }
        }
        return out;
    }

    private static LibraryEntry entry(ResultSet rs) throws SQLException {
        String status = rs.getString("status");
        Scores scores = SessionRow.UNREADABLE.equals(status) ? null : new Scores(d(rs, "duration_s"),
                rs.getInt("spine_contacts"), d(rs, "spine_contacts_per_min"), d(rs, "spine_contact_s"),
                rs.getInt("bone_contacts"), d(rs, "bone_contact_s"), d(rs, "excess_s"), rs.getInt("excess_events"),
                rs.getInt("too_much_markers"), d(rs, "time_in_band"), d(rs, "time_below_band"),
                d(rs, "time_above_band"), d(rs, "left_share"), i(rs, "routine_steps_done"), i(rs, "routine_steps"));
        return new LibraryEntry(java.nio.file.Path.of(rs.getString("path")), status, rs.getString("problem"),
                rs.getString("trainee"), rs.getString("receiver"), rs.getString("start_utc"), rs.getString("device"),
                rs.getString("profile"), scores, rs.getString("sha256"));
    }

    private static double d(ResultSet rs, String col) throws SQLException {
        double v = rs.getDouble(col);
        return rs.wasNull() ? Double.NaN : v;
    }

    private static int i(ResultSet rs, String col) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? -1 : v;
    }
}
