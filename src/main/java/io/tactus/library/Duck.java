package io.tactus.library;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Opening DuckDB with this machine's limits, and its errors as one line. */
final class Duck {

    private Duck() {
    }

    /**
     * @param path database file, or null for an in-memory database
     */
    static Connection open(String path) throws SQLException {
        Connection c = DriverManager.getConnection(path == null ? "jdbc:duckdb:" : "jdbc:duckdb:" + path);
        try (Statement s = c.createStatement()) {
            // DuckDB would take 80 % of RAM and every core for itself; the analysis is the heavy part here, the
            // tables are small (a few hundred bytes per session)
            s.execute("SET memory_limit = '256MB'");
            s.execute("SET threads = 2");
        }
        return c;
    }

    /** One line for a database error; "in use" when another process holds the file. */
    static IOException oneLine(String what, SQLException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
        if (m.contains("Could not set lock") || m.contains("Conflicting lock")) {
            return new IOException(what + ": in use by another Tactus process (close it, or use another --db)", e);
        }
        return new IOException(what + ": " + m, e);
    }
}
