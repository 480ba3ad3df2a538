package io.tactus.library;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Brings the tables up to date with folders of recordings: finds {@code *.tactus} files (recursively), skips those
 * whose size and modification time are unchanged, hashes the rest and analyses those whose content changed, on
 * all cores; rows are written by the calling thread only (one DuckDB connection, one writer). Files that vanished
 * from a folder are removed from it. A file that cannot be read becomes a row with its error: nothing is skipped
 * silently and no file stops the run.
 */
public final class Indexer {

    public static final String EXTENSION = ".tactus";

    /** Called on the indexing thread after each file. */
    public interface Progress {
        void update(int done, int total, Path file);
    }

    /**
     * @param found      recordings found in the folders
     * @param analysed   analysed now (new or changed content)
     * @param unchanged  skipped: same size and time, or same content hash
     * @param removed    rows dropped for files no longer there
     * @param damaged    analysed rows whose file is damaged or cut (analysed as far as readable)
     * @param unreadable rows whose file could not be analysed
     */
    public record Outcome(int found, int analysed, int unchanged, int removed, int damaged, int unreadable) {
    }

    private final Connection db;
    private final String profileId;
    private final int threads;

    /**
     * @param profileId profile for the flags (null: each recording's own)
     * @param threads   analysis threads (the CLI passes the number of cores)
     */
    public Indexer(Connection db, String profileId, int threads) {
        this.db = db;
        this.profileId = profileId;
        this.threads = Math.max(1, threads);
    }

    /** The recordings under a folder, sorted; a missing folder is an error (one line). */
    public static List<Path> recordings(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException(Files.exists(folder) ? "not a folder: " + folder : "no such folder: " + folder);
        }
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(p -> p.getFileName().toString().endsWith(EXTENSION))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(Files::isRegularFile).map(p -> p.toAbsolutePath().normalize()).sorted().toList();
        }
    }

    /** Indexes one folder (its rows carry the folder's absolute path). */
    public Outcome index(Path folder, Progress progress) throws IOException, SQLException {
        Path dir = folder.toAbsolutePath().normalize();
        List<Path> files = recordings(dir);
        Map<String, FileStamp> known = stamps(dir.toString());
        List<Path> todo = new ArrayList<>();
        int unchanged = 0;
        for (Path f : files) {
            FileStamp old = known.remove(f.toString());
            FileStamp now;
            try {
                now = FileStamp.stat(f);
            } catch (IOException e) {
                todo.add(f); // the worker turns it into an unreadable row
                continue;
            }
            if (now.sameStat(old) && old.sha256() != null) {
                unchanged++;
            } else {
                todo.add(f);
            }
        }
        int removed = 0;
        for (String gone : known.keySet()) {
            SessionTables.delete(db, gone);
            removed++;
        }
        int[] counts = new int[4]; // analysed, unchanged by hash, damaged, unreadable
        int total = files.size();
        int done = unchanged;
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "tactus-indexer");
            t.setDaemon(true);
            return t;
        });
        try {
            CompletionService<Work> cs = new ExecutorCompletionService<>(pool);
            Map<String, FileStamp> previous = stamps(dir.toString());
            Set<String> stored = storedPaths(); // in any folder: a path is one row
            for (Path f : todo) {
                FileStamp before = previous.get(f.toString());
                cs.submit(() -> work(f, before));
            }
            for (int i = 0; i < todo.size(); i++) {
                Work w = take(cs);
                if (w.row() == null) {
                    touch(w.stamp());
                    counts[1]++;
                } else {
                    if (stored.contains(w.stamp().path().toString())) {
                        SessionTables.put(db, w.row(), dir.toString());
                    } else {
                        SessionTables.add(db, w.row(), dir.toString()); // a new path: nothing to replace
                    }
                    counts[0]++;
                    if (SessionRow.DAMAGED.equals(w.row().status()) || SessionRow.CUT.equals(w.row().status())) {
                        counts[2]++;
                    } else if (SessionRow.UNREADABLE.equals(w.row().status())) {
                        counts[3]++;
                    }
                }
                done++;
                if (progress != null) {
                    progress.update(done, total, w.stamp().path());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new Outcome(files.size(), counts[0], unchanged + counts[1], removed, counts[2], counts[3]);
    }

    /** A worker's result: a new row, or (row null) a file whose content hash is unchanged. */
    private record Work(FileStamp stamp, SessionRow row) {
    }

    private Work work(Path f, FileStamp before) {
        FileStamp stamp;
        try {
            stamp = FileStamp.stat(f).hashed();
        } catch (IOException e) {
            FileStamp bare = new FileStamp(f, -1, -1, null);
            return new Work(bare, SessionRow.unreadable(bare, "cannot read: " + e.getMessage()));
        }
        if (before != null && stamp.sha256().equals(before.sha256())) {
            return new Work(stamp, null); // touched or copied over with the same bytes
        }
        return new Work(stamp, SessionRow.analyze(stamp, profileId));
    }

    private static Work take(CompletionService<Work> cs) throws IOException {
        try {
            Future<Work> f = cs.take();
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("indexing interrupted", e);
        } catch (ExecutionException e) {
            // work() catches everything a file can cause; this is a bug, so say so rather than swallow it
            throw new IllegalStateException("indexer worker failed", e.getCause());
        }
    }

    private Map<String, FileStamp> stamps(String folder) throws SQLException {
        Map<String, FileStamp> m = new HashMap<>();
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT path, size_bytes, mtime_ms, sha256 FROM sessions WHERE folder = ?")) {
            ps.setString(1, folder);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    m.put(rs.getString(1), new FileStamp(Path.of(rs.getString(1)), rs.getLong(2), rs.getLong(3),
                            rs.getString(4)));
                }
            }
        }
        return m;
    }

    private Set<String> storedPaths() throws SQLException {
        Set<String> paths = new HashSet<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT path FROM sessions");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                paths.add(rs.getString(1));
            }
        }
        return paths;
    }

    private void touch(FileStamp s) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(
                "UPDATE sessions SET size_bytes = ?, mtime_ms = ? WHERE path = ?")) {
            ps.setLong(1, s.size());
            ps.setLong(2, s.mtimeMillis());
            ps.setString(3, s.path().toString());
            ps.executeUpdate();
        }
    }
}
