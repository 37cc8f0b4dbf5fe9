package io.hallpass.realm.admin;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The jar refuses bad command lines as a process, before it connects to anything (the URL given points where
 * nothing listens, so a connection attempt would end in exit 3 instead), and prints its help, all with exit codes
 * and output a script can rely on.
 */
class AdminArgumentsIT {

    private static final String NOWHERE = "jdbc:postgresql://127.0.0.1:1/nowhere";
    private static final String SECRET = "hunter2 is my password";

    private final AdminProcess tool = new AdminProcess(List.of(), null, new ArrayList<>(List.of(SECRET)));

    @Test
    void helpExitsZeroForTheToolAGroupAndACommand() {
        assertTrue(tool.run("--help").done().out().startsWith("Usage: java -jar hallpass-admin.jar --jdbc-url URL"));
        assertTrue(tool.run("sessions", "--help").done().out().contains("sessions revoke NAME [ID] [--all]"));
        assertTrue(tool.run("audit", "-h").done().out().contains("--since WHEN"));
        assertTrue(tool.run("--jdbc-url", NOWHERE, "schema", "create", "--help").done().out().contains("--dry-run"));
    }

    @Test
    void aPasswordOnTheCommandLineIsRefusedAndNeverPrinted() {
        tool.run("--jdbc-url", NOWHERE, "--jdbc-password", SECRET, "accounts", "list")
                .failed(2, "--jdbc-password is refused: a password on the command line can be read by other users");
        tool.run("--jdbc-url", NOWHERE, "accounts", "add", "alice", "--password=" + SECRET).failed(2, "is refused");
        tool.run("--jdbc-url", NOWHERE, "accounts", "add", "alice", SECRET)
                .failed(2, "accounts add takes NAME, got 2 arguments; a password is never an argument");
    }

    @Test
    void badCommandLinesExitTwoWithOneLine() {
        tool.run().failed(2, "no command given");
        tool.run("--jdbc-url", NOWHERE, "frobnicate").failed(2, "unknown command; the commands are accounts");
        tool.run("--jdbc-url", NOWHERE, "accounts").failed(2, "accounts needs a command: add, list");
        tool.run("--jdbc-url", NOWHERE, "accounts", "list", "--frobnicate").failed(2, "unknown option --frobnicate");
        tool.run("accounts", "list", "--jdbc-url").failed(2, "--jdbc-url needs a value (URL)");
        tool.run("accounts", "list").failed(2, "--jdbc-url is required");
        tool.run("--jdbc-url", NOWHERE, "roles", "grant", "alice", "admin", "--until", "3x")
                .failed(2, "--until: \"3x\" is neither an ISO-8601 instant");
        tool.run("--jdbc-url", NOWHERE, "--idle-timeout", "0m", "purge").failed(2, "must be positive");
        tool.run("--jdbc-url", NOWHERE, "audit", "--limit", "10001").failed(2, "between 1 and 10000");
    }
}
