package io.hallpass.realm.jpa;

import io.hallpass.realm.RealmException;
import io.hallpass.realm.RealmUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The shipped DDL ({@code io/hallpass/realm/ddl/<database>.sql}) and the databases it is written for.
 */
enum Schema {
    H2("h2"),
    POSTGRESQL("postgresql"),
    MARIADB("mariadb");

    private final String file;

    /**
     * On PostgreSQL, nodes creating the schema at once queue on a session-level advisory lock (a fixed key of the
     * realm's own): the catalog race of {@code IF NOT EXISTS} hits every one of the ten tables in turn, and under load two
     * nodes in step could lose it on more tables than {@link #createIfMissing} retries.
     */
    private static final String LOCK_POSTGRESQL = "select pg_advisory_lock(112233445566)";
    private static final String UNLOCK_POSTGRESQL = "select pg_advisory_unlock(112233445566)";

    Schema(String file) {
        this.file = file;
    }

    /** The class-path resource holding this database's DDL. */
    String resource() {
        return "/io/hallpass/realm/ddl/" + file + ".sql";
    }

    /**
     * Creates an empty counter of an account's failures (parameter: the account key). Its last failure lies in the
     * past, so the first count starts afresh. On its own it fails if the row exists; see {@link #ignoringExisting}.
     */
    static final String INSERT_ACCOUNT_COUNTER = "INSERT INTO hp_account_throttle (account_key, failures,"
            + " last_failure_at) VALUES (?, 0, TIMESTAMP '1970-01-01 00:00:00')";

    /** Creates an empty counter of one client's failures on an account (parameters: its key, the account key). */
    static final String INSERT_CLIENT_COUNTER = "INSERT INTO hp_sign_in_throttle (throttle_key, account_key,"
            + " failures, last_failure_at) VALUES (?, ?, 0, TIMESTAMP '1970-01-01 00:00:00')";

    /**
     * An insert made to do nothing, rather than fail, when the row with its primary key {@code key} exists or
     * another transaction creates it at the same moment; null where only the plain insert and a savepoint will do.
     *
     * @param anyColumn a column the MariaDB form sets to itself
     */
    String ignoringExisting(String insert, String key, String anyColumn) {
        return switch (this) {
            case POSTGRESQL -> insert + " ON CONFLICT (" + key + ") DO NOTHING";
            // not INSERT IGNORE: its shared lock on an existing row, upgraded by the SELECT ... FOR UPDATE that
            // follows, deadlocks two concurrent attempts; this takes the exclusive lock at once
            case MARIADB -> insert + " ON DUPLICATE KEY UPDATE " + anyColumn + " = " + anyColumn;
            case H2 -> null;
        };
    }

    /** Which shipped DDL fits a database, by the product name its driver reports; null if none does. */
    static Schema forProduct(String productName) {
        String name = productName.toLowerCase(Locale.ROOT);
        if (name.contains("h2")) {
            return H2;
        }
        if (name.contains("postgresql")) {
            return POSTGRESQL;
        }
        if (name.contains("mariadb")) {
            return MARIADB;
        }
        return null;
    }

    /** Connects once to learn which database this is. */
    static String productName(DataSource dataSource, java.time.Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try (Connection connection = dataSource.getConnection()) {
                return connection.getMetaData().getDatabaseProductName();
            } catch (SQLException | RuntimeException e) {
                // at start-up a busy machine may need longer than one connection timeout to open the first
                // connection (an H2 file being recovered, a database still starting): keep trying for a while
                if (System.nanoTime() - deadline >= 0) {
                    throw new RealmUnavailableException("the realm's database can not be reached", e);
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new RealmUnavailableException("interrupted while waiting for the realm's database", e);
                }
            }
        }
    }

    /**
     * Runs every statement of this database's DDL, each creating a table or an index only if it is missing. Two
     * nodes doing so at the same moment can still collide ({@code IF NOT EXISTS} checks, then creates: on
     * PostgreSQL the loser fails on a catalog unique key, on H2 with "object already exists"); the loser then runs
     * the script again and finds everything there. A failure that is not such a race repeats and is reported.
     */
    void createIfMissing(DataSource dataSource) {
        for (int attempt = 1; ; attempt++) {
            try {
                runStatements(dataSource);
                return;
            } catch (RealmUnavailableException e) {
                throw e;
            } catch (RealmException e) {
                if (attempt == 5) {
                    throw e;
                }
                try {
                    Thread.sleep(20L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private void runStatements(DataSource dataSource) {
        List<String> statements = statements();
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(true); // DDL commits implicitly on MariaDB anyway; keep every database alike
            try (Statement statement = connection.createStatement()) {
                boolean locked = this == POSTGRESQL && statement.execute(LOCK_POSTGRESQL);
                try {
                    for (String sql : statements) {
                        statement.execute(sql);
                    }
                } finally {
                    if (locked) {
                        statement.execute(UNLOCK_POSTGRESQL);
                    }
                }
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            if (Transactions.isConnectionFailure(e)) {
                throw new RealmUnavailableException("the realm's database can not be reached", e);
            }
            throw new RealmException("could not create the realm's tables with " + resource() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The statements of the DDL file: comments dropped, split at semicolons that end a line. */
    List<String> statements() {
        String text;
        try (InputStream in = Schema.class.getResourceAsStream(resource())) {
            if (in == null) {
                throw new IllegalStateException(resource() + " is missing from the class path");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("could not read " + resource(), e);
        }
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            int comment = line.indexOf("--");
            String code = (comment >= 0 ? line.substring(0, comment) : line).strip();
            if (code.isEmpty()) {
                continue;
            }
            if (code.endsWith(";")) {
                current.append(code, 0, code.length() - 1);
                statements.add(current.toString());
                current.setLength(0);
            } else {
                current.append(code).append('\n');
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalStateException(resource() + " ends without a semicolon");
        }
        return statements;
    }
}
