package io.hallpass.bench.peers;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;

/**
 * Hallpass on {@code /app/hello} with {@code session-cache=off} on PostgreSQL over loopback: one network round trip
 * per request. Its tables go to a database of its own, {@code hp_bench}, dropped and created again at every start
 * (never the {@code test} database the test suites share). The server is {@code -Dbench.pg.url} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/}), user {@code -Dbench.pg.user} (default {@code postgres}), password
 * {@code -Dbench.pg.password} (default empty); the driver must be on the class path ({@code run-peers.sh} puts it
 * there).
 */
public final class HallpassPostgresVariant extends HallpassVariant {

    static final String DATABASE = "hp_bench";

    @Override
    public String name() {
        return "hallpass-postgres";
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("session-cache", "off");
    }

    @Override
    Database database() throws Exception {
        String server = System.getProperty("bench.pg.url", "jdbc:postgresql://127.0.0.1:5432/");
        String user = System.getProperty("bench.pg.user", "postgres");
        String password = System.getProperty("bench.pg.password", "");
        try (Connection c = DriverManager.getConnection(server + "postgres", user, password);
             Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + DATABASE);
        }
        return new Database(server + DATABASE, user, password);
    }
}
