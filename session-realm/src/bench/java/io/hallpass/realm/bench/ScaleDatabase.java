package io.hallpass.realm.bench;

import io.hallpass.realm.PasswordCost;
import io.hallpass.realm.Realm;
import io.hallpass.realm.RealmBuilder;
import io.hallpass.realm.SchemaAction;
import io.hallpass.realm.testing.ItServers;
import io.hallpass.realm.testing.ScratchDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Where the scale benchmarks keep their million rows: a file database of H2 under {@code target/scale/} (a million
 * sessions do not belong in the heap that is being measured), or the PostgreSQL database {@code hp_scale}, which
 * {@code src/bench/run-scale.sh} creates and drops with {@code psql} (the server is found through
 * {@code hallpass.it.postgresql.url|user|password}, as the integration tests find it), in a schema of its own
 * named after the benchmark's label. Each benchmark starts from empty tables: {@link #clear()} deletes the H2 files
 * or drops the schema and creates it again.
 */
final class ScaleDatabase {

    static final String POSTGRESQL_DATABASE = "hp_scale";

    enum Kind { H2, POSTGRESQL }

    final Kind kind;
    final String url;
    final String user;
    final String password;
    private final Path h2File;
    private final String schema;

    private ScaleDatabase(Kind kind, String url, String user, String password, Path h2File, String schema) {
        this.kind = kind;
        this.url = url;
        this.user = user;
        this.password = password;
        this.h2File = h2File;
        this.schema = schema;
    }

    /** {@code h2} (a file named {@code label} under {@code target/scale/}) or {@code postgresql} ({@code hp_scale}). */
    static ScaleDatabase of(String database, String label) {
        switch (database.toLowerCase(Locale.ROOT)) {
            case "h2" -> {
                Path file = Path.of(System.getProperty("hallpass.scale.dir", "target/scale"), label).toAbsolutePath();
                // e.g. -Dhallpass.scale.h2.options=;CACHE_SIZE=262144 (KiB; H2's default page cache is 16 MiB)
                String options = System.getProperty("hallpass.scale.h2.options", "");
                return new ScaleDatabase(Kind.H2, "jdbc:h2:file:" + file + options, "sa", "", file, null);
            }
            case "postgresql" -> {
                ItServers.Server server = ItServers.POSTGRESQL;
                String url = ScratchDatabase.withDatabase(server.url(), POSTGRESQL_DATABASE);
                // a schema per benchmark, so that two can run at once: the realm creates its tables in the first
                // schema of the search path
                url += (url.contains("?") ? "&" : "?") + "currentSchema=" + label.replaceAll("[^a-z0-9]", "_");
                return new ScaleDatabase(Kind.POSTGRESQL, url, server.user(), server.password(), null,
                        label.replaceAll("[^a-z0-9]", "_"));
            }
            default -> throw new IllegalArgumentException("database '" + database + "': h2 or postgresql");
        }
    }

    Connection connect() throws SQLException {
        try {
            return DriverManager.getConnection(url, user, password);
        } catch (SQLException e) {
            if (kind == Kind.POSTGRESQL) {
                throw new IllegalStateException("PostgreSQL database " + POSTGRESQL_DATABASE + " is not reachable at "
                        + url + " (" + e.getMessage() + "); create it first, e.g. psql -h 127.0.0.1 -U postgres -d test"
                        + " -c 'CREATE DATABASE " + POSTGRESQL_DATABASE + "' (src/bench/run-scale.sh does)", e);
            }
            throw e;
        }
    }

    /** A realm builder on this database with the benchmarks' settings: no cache unless asked, cheap hashing. */
    RealmBuilder realm() {
        return Realm.builder().jdbcUrl(url).credentials(user, password).schemaAction(SchemaAction.CREATE_IF_MISSING)
                .idleTimeout(SessionLoad.IDLE_TIMEOUT).absoluteTimeout(SessionLoad.ABSOLUTE_TIMEOUT)
                .passwordCost(new PasswordCost(64, 1, 1)).noSessionCache();
    }

    /** Empties the database: deletes H2's files, or drops and creates again this benchmark's schema of {@code hp_scale}. */
    void clear() throws SQLException {
        if (kind == Kind.H2) {
            try {
                Files.createDirectories(h2File.getParent());
                Files.deleteIfExists(Path.of(h2File + ".mv.db"));
                Files.deleteIfExists(Path.of(h2File + ".trace.db"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        }
    }

    /** Bytes on disk: H2's file, or the tables and indexes of this benchmark's schema. */
    long bytesOnDisk() throws SQLException {
        if (kind == Kind.H2) {
            try {
                return Files.size(Path.of(h2File + ".mv.db"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try (Connection c = connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select sum(pg_total_relation_size(c.oid)) from pg_class c"
                        + " join pg_namespace n on n.oid = c.relnamespace where n.nspname = current_schema()"
                        + " and c.relkind = 'r'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public String toString() {
        return kind == Kind.H2 ? "H2 file " + h2File + ".mv.db" : "PostgreSQL " + POSTGRESQL_DATABASE;
    }
}
