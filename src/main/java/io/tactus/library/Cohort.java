package io.tactus.library;

import io.tactus.signal.body.BodyRegion;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Cohort tables for researchers: the library's indexer run over folders into an in-memory DuckDB (all cores for
 * the analyses), then one {@code COPY} to CSV or Parquet. One row per session (file stamp, status and problem,
 * metadata, stream counts, scores, then {@code REGION_COLUMN} for every region and statistic), or with
 * {@code events} one row per flag event (with the session's identifying columns; a session without events, or an
 * unreadable one, still has one row with empty event columns so no file disappears from the table).
 */
public final class Cohort {

    /** Output formats, chosen by the file extension. */
    public enum Format { CSV, PARQUET }

    /**
     * @param rows       rows written
     * @param sessions   files found
     * @param unreadable files that could not be analysed (rows with their error)
     * @param damaged    damaged or cut recordings (analysed as far as readable)
     */
    public record Result(Path file, int rows, int sessions, int unreadable, int damaged) {
    }

    private Cohort() {
    }

    /** The format for an output file name (.csv or .parquet), or an error naming both. */
    public static Format formatOf(Path out) {
        String n = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".csv")) {
            return Format.CSV;
        }
        if (n.endsWith(".parquet")) {
            return Format.PARQUET;
        }
        throw new IllegalArgumentException("the output must end in .csv or .parquet: " + out);
    }

    public static Result write(List<Path> folders, Path out, boolean events, String profileId, int threads,
                               Indexer.Progress progress) throws IOException {
        Format format = formatOf(out);
        for (Path f : folders) {
            Indexer.recordings(f); // fail on a missing folder before any work
        }
        Path abs = out.toAbsolutePath().normalize();
        Path part = abs.resolveSibling("." + abs.getFileName() + ".part");
        try (Connection c = Duck.open(null)) {
            SessionTables.create(c);
            int found = 0;
            int unreadable = 0;
            int damaged = 0;
            for (Path f : folders) {
                Indexer.Outcome o = new Indexer(c, profileId, threads).index(f, progress);
                found += o.found();
                unreadable += o.unreadable();
                damaged += o.damaged();
            }
            String query = events ? eventsQuery() : sessionsQuery();
            int rows;
            try (Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM (" + query + ")")) {
                    rs.next();
                    rows = rs.getInt(1);
                }
                Files.deleteIfExists(part);
                s.execute("COPY (" + query + ") TO '" + part.toString().replace("'", "''") + "' ("
                        + (format == Format.CSV ? "FORMAT CSV, HEADER" : "FORMAT PARQUET, COMPRESSION SNAPPY") + ")");
            }
            try {
                Files.move(part, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            return new Result(abs, rows, found, unreadable, damaged);
        } catch (SQLException e) {
            throw Duck.oneLine("cohort " + out, e);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** One row per session: the sessions table, then per region one column per statistic. */
    static String sessionsQuery() {
        StringJoiner cols = new StringJoiner(", ");
        cols.add("s.*");
        StringBuilder joins = new StringBuilder();
        for (BodyRegion r : BodyRegion.values()) {
            String a = "r_" + r.id();
            for (String c : SessionTables.regionColumnNames()) {
                cols.add(a + "." + c + " AS " + r.id() + "_" + c);
            }
            joins.append(" LEFT JOIN (SELECT * FROM regions WHERE region = '").append(r.id()).append("') ")
                    .append(a).append(" ON ").append(a).append(".path = s.path");
        }
        return "SELECT " + cols + " FROM sessions s" + joins + " ORDER BY s.path";
    }

    /** One row per event, with the session's identifying columns. */
    static String eventsQuery() {
        return "SELECT s.path, s.file_name, s.sha256, s.status, s.problem, s.trainee, s.receiver, s.start_utc,"
                + " s.device, s.profile, e.idx AS event_index, e.type, e.start_s, e.end_s, e.region, e.peak_kpa,"
                + " e.detail FROM sessions s LEFT JOIN events e ON e.path = s.path ORDER BY s.path, e.idx";
    }
}
