package io.hallpass.sample.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallpass.realm.testing.ScratchDatabase;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The runnable jar on an empty PostgreSQL or MariaDB database: the first instance creates the schema and the demo
 * accounts, a second one started after it on the same database (on the other container) finds and shares them.
 * Each run uses a database of its own ({@code hallpass_it_<random>}), dropped afterwards. Where the server is not
 * reachable the test is skipped with a message, or fails under {@code -Dhallpass.it.require=true}.
 */
class PortalDatabasesIT {

    private static final Duration START_LIMIT = Duration.ofSeconds(180);

    @ParameterizedTest
    @EnumSource(value = ScratchDatabase.Kind.class, names = {"POSTGRESQL", "MARIADB"})
    void anEmptyDatabaseGetsItsSchemaAndDemoAccountsWhichASecondInstanceShares(ScratchDatabase.Kind kind)
            throws Exception {
        try (ScratchDatabase database = ScratchDatabase.create(kind)) {
            signInAs("alice", start(database, "tomcat", kind));
            assertEquals(4, count(database, "select count(*) from hp_account"), "the four demo accounts");
            int sessions = count(database, "select count(*) from hp_session");

            signInAs("casey", start(database, "jetty", kind));
            assertEquals(4, count(database, "select count(*) from hp_account"), "shared, not created twice");
            assertEquals(sessions + 1, count(database, "select count(*) from hp_session"));
        }
    }

    /** Starts an instance, signs in through it, stops it. */
    private static void signInAs(String user, PortalProcess portal) throws InterruptedException {
        try (portal) {
            URI base = portal.awaitUrl(START_LIMIT);
            Browser browser = new Browser(base, "PortalDatabasesIT/1.0");
            browser.login(user, user + "-demo-pw");
            Browser.Response me = browser.api().get("/api/me");
            assertEquals(200, me.status(), me::toString);
            assertTrue(me.body().contains("\"username\":\"" + user + "\""), me::toString);
        }
    }

    private static PortalProcess start(ScratchDatabase database, String server, ScratchDatabase.Kind kind) {
        Path folder = PortalProcess.newFolder("databases-" + kind.name().toLowerCase() + "-" + server);
        List<String> args = new ArrayList<>(List.of("--server", server, "--port", "0", "--jdbc-url", database.url,
                "--jdbc-user", database.user));
        if (!database.password.isEmpty()) {
            args.addAll(List.of("--jdbc-password", database.password));
        }
        return PortalProcess.start(folder, args.toArray(String[]::new));
    }

    private static int count(ScratchDatabase database, String sql) throws Exception {
        try (Connection c = database.connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }
}
