package io.hallpass.realm.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A database of its own for one benchmark trial: in-memory H2, or {@code hallpass_bench_<random>} on the PostgreSQL
 * named by {@code hallpass.it.postgresql.url|user|password} (the integration tests' settings), dropped afterwards.
 */
record BenchDatabase(String kind, String name, String url, String user, String password, String adminUrl) {

    static BenchDatabase create(String kind) {
        String name = "hallpass_bench_" + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
        if (kind.equals("h2")) {
            return new BenchDatabase(kind, name, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "", null);
        }
        if (!kind.equals("postgresql")) {
            throw new IllegalArgumentException("no benchmark database " + kind);
        }
        String admin = System.getProperty("hallpass.it.postgresql.url", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = System.getProperty("hallpass.it.postgresql.user", "postgres");
        String password = System.getProperty("hallpass.it.postgresql.password", "");
        try (Connection c = DriverManager.getConnection(admin, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is not reachable at " + admin + " (" + e.getMessage()
                    + "); set -Dhallpass.it.postgresql.url|user|password", e);
        }
        int slash = admin.indexOf('/', admin.indexOf("//") + 2);
        int end = admin.indexOf('?', slash);
        String url = admin.substring(0, slash + 1) + name + (end < 0 ? "" : admin.substring(end));
        return new BenchDatabase(kind, name, url, user, password, admin);
    }

    void drop() {
        try {
            if (adminUrl == null) {
                try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                    s.execute("SHUTDOWN");
                }
            } else {
                try (Connection c = DriverManager.getConnection(adminUrl, user, password);
                     Statement s = c.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop " + name, e);
        }
    }
}
