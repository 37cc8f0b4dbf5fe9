package io.hallpass.realm.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The tool in this process, for what needs no database: help, and failures found before connecting (each one
 * line on standard error, nothing on standard output). The commands themselves run as a real process against real
 * databases in the {@code *AdminToolIT} suites.
 */
class AdminToolTest {

    /** Nothing listens on port 1: were anything here to connect, it would fail with exit 3, not 2. */
    private static final String NOWHERE = "jdbc:postgresql://127.0.0.1:1/nowhere";

    record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new AdminTool(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]),
                FakeTerminal.none(), Map.of(), Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC),
                "hallpass-admin:test").run(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Run refused(int exit, String... args) {
        Run run = run(args);
        assertEquals(exit, run.exit(), run.err());
        assertEquals("", run.out());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("hallpass-admin: "), run.err());
        return run;
    }

    @Test
    void helpOfTheToolOfEveryGroupAndOfEveryCommandExitsZero() {
        List<List<String>> topics = new ArrayList<>();
        topics.add(List.of());
        for (String word : Command.firstWords()) {
            topics.add(List.of(word));
        }
        for (Command command : Command.values()) {
            topics.add(List.of(command.words.split(" ")));
        }
        for (List<String> topic : topics) {
            List<String> args = new ArrayList<>(topic);
            args.add("--help");
            Run run = run(args.toArray(String[]::new));
            assertEquals(0, run.exit(), String.join(" ", args));
            assertEquals("", run.err());
            assertTrue(run.out().startsWith("Usage: java -jar hallpass-admin.jar "), run.out());
            assertTrue(run.out().lines().allMatch(line -> line.length() <= 100), run.out());
        }
    }

    @Test
    void helpShowsTheReadmesH2UrlWhichWorksBesideTheRunningApplication() {
        String tool = run("--help").out();
        assertTrue(tool.contains("--jdbc-url 'jdbc:h2:file:/var/lib/hallpass/hallpass;AUTO_SERVER=TRUE'"), tool);
    }

    @Test
    void helpTellsWhatEachCommandAndOptionIs() {
        String tool = run("--help").out();
        for (Command command : Command.values()) {
            assertTrue(tool.contains("  " + command.words + command.synopsis() + "\n"), command.words);
        }
        for (Option option : Option.values()) {
            assertTrue(tool.contains(option.spelling()), option.spelling());
        }
        assertTrue(tool.contains("HALLPASS_JDBC_PASSWORD"));
        assertTrue(tool.contains("3 database unreachable"));
        assertTrue(run("audit", "--help").out().contains("LOGIN_FAILED"), "the audit types are listed");
        assertTrue(run("roles", "grant", "--help").out().contains("--until WHEN"));
        assertTrue(run("accounts", "--help").out().contains("accounts password NAME [--password-stdin]"));
    }

    @Test
    void badGlobalOptionsAreRefusedBeforeConnecting() {
        assertEquals("hallpass-admin: --jdbc-url is required: the application's database, as the filter's"
                + " jdbc-url\n", refused(2, "accounts", "list").err());
        assertEquals("hallpass-admin: jdbc url must start with 'jdbc:'\n",
                refused(2, "--jdbc-url", "postgres://db/app", "accounts", "list").err());
        assertEquals("hallpass-admin: --argon2-memory-kib must be a whole number\n",
                refused(2, "--jdbc-url", NOWHERE, "--argon2-memory-kib", "lots", "purge").err());
        assertTrue(refused(2, "--jdbc-url", NOWHERE, "--argon2-iterations", "0", "purge").err()
                .contains("Argon2 iterations must be between 1 and 100, was 0"));
        assertTrue(refused(2, "--jdbc-url", NOWHERE, "--idle-timeout", "13h", "purge").err()
                .contains("idle timeout (PT13H) is longer than the absolute timeout (PT12H)"));
        assertTrue(refused(2, "--jdbc-url", NOWHERE, "--throttle-account-cool-down", "soon", "purge").err()
                .contains("--throttle-account-cool-down: \"soon\" is not a duration"));
    }

    @Test
    void badCommandArgumentsAreRefusedBeforeConnecting() {
        refused(2, "--jdbc-url", NOWHERE, "roles", "grant", "alice", "admin", "--until", "3x");
        refused(2, "--jdbc-url", NOWHERE, "roles", "grant", "alice", "not a role");
        refused(2, "--jdbc-url", NOWHERE, "roles", "revoke", "alice", "-bad");
        refused(2, "--jdbc-url", NOWHERE, "accounts", "add", "bad\u0000name", "--password-stdin");
        refused(2, "--jdbc-url", NOWHERE, "accounts", "add", "alice", "--role", "no spaces", "--password-stdin");
        refused(2, "--jdbc-url", NOWHERE, "audit", "--limit", "0");
        refused(2, "--jdbc-url", NOWHERE, "audit", "--limit", "10001");
        refused(2, "--jdbc-url", NOWHERE, "audit", "--limit", "ten");
        refused(2, "--jdbc-url", NOWHERE, "audit", "--type", "LOGIN_FAILED,BOGUS");
        refused(2, "--jdbc-url", NOWHERE, "audit", "--since", "last tuesday");
        refused(2, "--jdbc-url", NOWHERE, "sessions", "revoke", "alice");
        refused(2, "--jdbc-url", NOWHERE, "sessions", "revoke", "alice", "someid", "--all");
        refused(2, "--jdbc-url", NOWHERE, "accounts", "disable", " ");
    }

    @Test
    void aDryRunPrintsTheShippedDdlWithoutConnecting() {
        for (String database : List.of("h2", "postgresql", "mariadb")) {
            String url = "jdbc:" + database + "://127.0.0.1:1/nowhere";
            Run run = run("--jdbc-url", url, "schema", "create", "--dry-run");
            assertEquals(0, run.exit(), run.err());
            assertTrue(run.out().contains("CREATE TABLE IF NOT EXISTS hp_account"), run.out());
            assertTrue(run.out().contains(database.equals("h2") ? "H2" : database.equals("mariadb") ? "MariaDB"
                    : "PostgreSQL"), "the file for " + database);
            Run json = run("--jdbc-url", url, "schema", "create", "--dry-run", "--json");
            assertTrue(json.out().startsWith("{\"database\":\"" + database + "\",\"resource\":\"io/hallpass/realm/ddl/"
                    + database + ".sql\",\"ddl\":\"--"), json.out());
        }
        assertTrue(refused(1, "--jdbc-url", "jdbc:sqlserver://db", "schema", "create", "--dry-run").err()
                .contains("Hallpass ships DDL for H2, PostgreSQL and MariaDB"));
    }

    @Test
    void aPasswordArgumentIsRefusedAndNeverShown() {
        String secret = "hunter2-is-my-password";
        for (String[] args : List.of(new String[] {"--jdbc-url", NOWHERE, "--jdbc-password", secret, "purge"},
                new String[] {"--jdbc-url", NOWHERE, "accounts", "add", "alice", "--password=" + secret},
                new String[] {"--jdbc-url", NOWHERE, "accounts", "add", "alice", secret},
                new String[] {"--jdbc-url", NOWHERE, "accounts", "password", "alice", secret})) {
            Run run = refused(2, args);
            assertFalse(run.err().contains(secret), run.err());
        }
    }
}
