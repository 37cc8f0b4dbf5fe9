package io.hallpass.realm.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A database of its own for one test run ({@code hallpass_it_<random>}), created through the server's
 * administrative connection and dropped by {@link #close()}. On H2 it is an in-memory database. Public for the
 * benchmarks in {@code src/bench/java}, which use it the same way.
 */
public final class ScratchDatabase implements AutoCloseable {

    public enum Kind { H2, POSTGRESQL, MARIADB }

    public final Kind kind;
    public final String name;
    public final String url;
    public final String user;
    public final String password;

    private ScratchDatabase(Kind kind, String name, String url, String user, String password) {
        this.kind = kind;
        this.name = name;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    public static ScratchDatabase create(Kind kind) {
        String name = "hallpass_it_" + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
        switch (kind) {
            case H2:
                return new ScratchDatabase(kind, name, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
            case POSTGRESQL:
            case MARIADB:
                ItServers.Server server = kind == Kind.POSTGRESQL ? ItServers.POSTGRESQL : ItServers.MARIADB;
                try (Connection admin = ItServers.adminConnection(server); Statement s = admin.createStatement()) {
                    s.execute("CREATE DATABASE " + name);
                } catch (SQLException e) {
                    throw new IllegalStateException("could not create " + name + " on " + kind, e);
                }
                return new ScratchDatabase(kind, name, withDatabase(server.url(), name), server.user(),
                        server.password());
            default:
                throw new IllegalArgumentException(kind.toString());
        }
    }

    /** The same JDBC URL with another database name: {@code jdbc:x://host:port/<name>?params}. */
    public static String withDatabase(String url, String database) {
        int hostStart = url.indexOf("//");
        int pathStart = url.indexOf('/', hostStart + 2);
        if (hostStart < 0 || pathStart < 0) {
            throw new IllegalArgumentException("can not find the database name in " + url.split("[?;]")[0]);
        }
        int end = pathStart + 1;
        while (end < url.length() && url.charAt(end) != '?' && url.charAt(end) != ';') {
            end++;
        }
        return url.substring(0, pathStart + 1) + database + url.substring(end);
    }

    public Connection connect() throws SQLException {
        return java.sql.DriverManager.getConnection(url, user, password);
    }

    public HikariDataSource pool(int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(2_000);
        config.setPoolName("it-" + name);
        return new HikariDataSource(config);
    }

    /** Drops the database. */
    @Override
    public void close() {
        try {
            switch (kind) {
                case H2 -> {
                    try (Connection c = connect(); Statement s = c.createStatement()) {
                        s.execute("SHUTDOWN");
                    }
                }
                case POSTGRESQL -> {
                    try (Connection admin = ItServers.POSTGRESQL.connect(); Statement s = admin.createStatement()) {
                        s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                    }
                }
                case MARIADB -> {
                    try (Connection admin = ItServers.MARIADB.connect(); Statement s = admin.createStatement()) {
                        s.execute("DROP DATABASE IF EXISTS " + name);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop " + name, e);
        }
    }

    @Override
    public String toString() {
        return kind + ":" + name;
    }
}
