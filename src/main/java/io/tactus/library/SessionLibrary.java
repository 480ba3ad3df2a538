package io.tactus.library;

import io.tactus.signal.store.TactusHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The session library: a DuckDB database file (default {@code ~/.tactus/library.duckdb}) indexing recordings in
 * chosen folders. It is only an index: the recordings stay where they are and remain the truth, so a library
 * from an older version is simply rebuilt. DuckDB lets one process write at a time: the app and the CLI open it
 * for the length of one operation, and a second writer gets a one-line "in use" error.
 */
public final class SessionLibrary implements AutoCloseable {

    public static final String FILE_NAME = "library.duckdb";

    private final Path file;
    private final Connection db;

    private SessionLibrary(Path file, Connection db) {
        this.file = file;
        this.db = db;
    }

    /** The default library file under the Tactus home folder. */
    public static Path defaultFile() {
        return TactusHome.resolve().resolve(FILE_NAME);
    }

    /** Opens (creating if needed) a library file. */
    public static SessionLibrary open(Path file) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        try {
            Files.createDirectories(abs.getParent());
        } catch (IOException e) {
            throw new IOException("cannot create the library folder " + abs.getParent() + ": " + e.getMessage(), e);
        }
        try {
            Connection c = Duck.open(abs.toString());
            SessionTables.create(c);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS folders (path VARCHAR PRIMARY KEY, added_utc VARCHAR)");
            }
            return new SessionLibrary(abs, c);
        } catch (SQLException e) {
            throw Duck.oneLine("cannot open the library " + abs, e);
        }
    }

    public Path file() {
        return file;
    }

    /** The database connection, for the indexer and queries on this thread. */
    Connection connection() {
        return db;
    }

    /** Registers folders (kept for {@link #refresh}) and indexes them. */
    public List<Indexer.Outcome> add(List<Path> folders, String profileId, int threads, Indexer.Progress progress)
            throws IOException {
        for (Path f : folders) {
            Indexer.recordings(f); // a missing folder fails before anything is registered
        }
        List<Indexer.Outcome> out = new ArrayList<>();
        try {
            for (Path f : folders) {
                try (PreparedStatement ps = db.prepareStatement("INSERT OR IGNORE INTO folders VALUES (?, ?)")) {
                    ps.setString(1, f.toAbsolutePath().normalize().toString());
                    ps.setString(2, Instant.now().toString());
                    ps.executeUpdate();
                }
                out.add(new Indexer(db, profileId, threads).index(f, progress));
            }
        } catch (SQLException e) {
            throw Duck.oneLine("library " + file, e);
        }
        return out;
    }

    /** Re-indexes every registered folder (changed files only). A folder that vanished is reported, not dropped. */
    public List<Indexer.Outcome> refresh(int threads, Indexer.Progress progress) throws IOException {
        List<Indexer.Outcome> out = new ArrayList<>();
        for (Path f : folders()) {
            if (Files.isDirectory(f)) {
                try {
                    out.add(new Indexer(db, null, threads).index(f, progress));
                } catch (SQLException e) {
                    throw Duck.oneLine("library " + file, e);
                }
            }
        }
        return out;
    }

    public List<Path> folders() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT path FROM folders ORDER BY path")) {
            while (rs.next()) {
                out.add(Path.of(rs.getString(1)));
            }
        } catch (SQLException e) {
            throw Duck.oneLine("library " + file, e);
        }
        return out;
    }

    /** Sessions, oldest first, filtered by what is non-null. */
    public List<LibraryEntry> list(Query q) throws IOException {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (q.trainee() != null) {
            where.add("trainee = ?");
            params.add(q.trainee());
        }
        if (q.profile() != null) {
            where.add("profile = ?");
            params.add(q.profile());
        }
        if (q.fromDate() != null) {
            where.add("start_utc >= ?");
            params.add(q.fromDate());
        }
        if (q.toDate() != null) {
            where.add("start_utc < ?"); // a date "2026-11-30" sorts before every time on that day: add one day
            params.add(java.time.LocalDate.parse(q.toDate()).plusDays(1).toString());
        }
        try {
            return SessionTables.entries(db, String.join(" AND ", where), params);
        } catch (SQLException e) {
            throw Duck.oneLine("library " + file, e);
        }
    }

    /** Trainee pseudonyms in the library, sorted. */
    public List<String> trainees() throws IOException {
        List<String> out = new ArrayList<>();
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT DISTINCT trainee FROM sessions WHERE trainee IS NOT NULL ORDER BY 1")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw Duck.oneLine("library " + file, e);
        }
        return out;
    }

    /**
     * A library search; null fields match everything.
     *
     * @param fromDate first day (yyyy-mm-dd, UTC), inclusive
     * @param toDate   last day, inclusive
     */
    public record Query(String trainee, String profile, String fromDate, String toDate) {
        public static final Query ALL = new Query(null, null, null, null);

        public static Query trainee(String t) {
            return new Query(t, null, null, null);
        }
    }

    @Override
    public void close() {
        try {
            db.close();
        } catch (SQLException ignored) {
            // closing: nothing left to lose
        }
    }
}
