package io.hallpass.realm.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the integration suites (of the realm, and of the sample through this module's test jar) find PostgreSQL
 * and MariaDB, and what happens when one is not there: the suite is
 * skipped with a message that says what was not reachable and how to point it elsewhere, or, with
 * {@code -Dhallpass.it.require=true} (as {@code .ci/run} sets), the build fails with that message.
 */
public final class ItServers {

    /** Connection settings for one server, from {@code hallpass.it.<kind>.url|user|password}. */
    public record Server(String kind, String url, String user, String password) {

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }

    public static final Server POSTGRESQL = server("postgresql", "jdbc:postgresql://127.0.0.1:5432/test", "postgres");
    public static final Server MARIADB = server("mariadb", "jdbc:mariadb://127.0.0.1:3306/test", "root");

    private ItServers() {
    }

    public static boolean required() {
        return Boolean.getBoolean("hallpass.it.require");
    }

    private static Server server(String kind, String defaultUrl, String defaultUser) {
        String prefix = "hallpass.it." + kind + ".";
        return new Server(kind, System.getProperty(prefix + "url", defaultUrl),
                System.getProperty(prefix + "user", defaultUser), System.getProperty(prefix + "password", ""));
    }

    /**
     * An administrative connection to the server, or a skipped (or, if required, failed) test when there is none.
     */
    public static Connection adminConnection(Server server) {
        DriverManager.setLoginTimeout(5);
        try {
            return server.connect();
        } catch (SQLException e) {
            String message = server.kind() + " is not reachable at " + server.url() + " as user '" + server.user()
                    + "' (" + e.getClass().getSimpleName() + ": " + e.getMessage() + "), so the tests that need it do"
                    + " not run. Start it, or point -Dhallpass.it." + server.kind() + ".url|user|password at one;"
                    + " with -Dhallpass.it.require=true this is a failure instead of a skip.";
            if (required()) {
                fail(message, e);
            }
            System.err.println("SKIPPED: " + message);
            Assumptions.abort(message);
            throw new AssertionError("unreachable");
        }
    }
}
