package io.hallpass.realm.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandLineTest {

    private static final String SECRET = "Tr0ub4dor&3-secret";

    private static Failure refused(String... args) {
        Failure failure = assertThrows(Failure.class, () -> CommandLine.parse(args));
        assertEquals(Exit.BAD_ARGUMENTS, failure.exit, failure.getMessage());
        return failure;
    }

    @Test
    void globalOptionsStandBeforeOrAfterTheCommand() {
        Invocation before = CommandLine.parse("--jdbc-url", "jdbc:h2:mem:x", "--json", "accounts", "add", "alice",
                "--role", "admin", "--role=support", "--password-stdin");
        Invocation after = CommandLine.parse("accounts", "add", "alice", "--role", "admin", "--json",
                "--jdbc-url=jdbc:h2:mem:x", "--role", "support", "--password-stdin");
        for (Invocation invocation : List.of(before, after)) {
            assertEquals(Command.ACCOUNTS_ADD, invocation.command());
            assertEquals(List.of("alice"), invocation.arguments());
            assertEquals("jdbc:h2:mem:x", invocation.value(Option.JDBC_URL));
            assertEquals(List.of("admin", "support"), invocation.values(Option.ROLE));
            assertTrue(invocation.has(Option.JSON));
            assertTrue(invocation.has(Option.PASSWORD_STDIN));
            assertNull(invocation.value(Option.PASSWORD_STDIN), "a flag has no value");
            assertFalse(invocation.has(Option.VERBOSE));
            assertNull(invocation.help());
        }
    }

    @Test
    void doubleDashEndsTheOptionsSoANameMayStartWithADash() {
        Invocation invocation = CommandLine.parse("--jdbc-url", "jdbc:h2:mem:x", "accounts", "disable", "--",
                "--odd-name");
        assertEquals(List.of("--odd-name"), invocation.arguments());
        assertEquals(Command.ACCOUNTS_DISABLE, invocation.command());
    }

    @Test
    void standAloneCommandsTakeTheirOptionalArgument() {
        assertEquals(List.of(), CommandLine.parse("audit").arguments());
        Invocation audit = CommandLine.parse("audit", "alice", "--type", "LOGIN_FAILED,login_locked", "--since",
                "24h", "--limit", "7");
        assertEquals(Command.AUDIT, audit.command());
        assertEquals("alice", audit.argument(0));
        assertEquals(7, audit.integer(Option.LIMIT, 50));
        assertEquals(50, CommandLine.parse("audit").integer(Option.LIMIT, 50));
        assertEquals(Command.SESSIONS_REVOKE, CommandLine.parse("sessions", "revoke", "alice", "--all").command());
        assertEquals(Command.PURGE, CommandLine.parse("purge").command());
        assertEquals(Command.SCHEMA_CREATE, CommandLine.parse("schema", "create", "--dry-run").command());
    }

    @Test
    void helpIsAskedOfTheToolAGroupOrACommandWhereverItStands() {
        assertEquals("", CommandLine.parse("--help").help());
        assertEquals("", CommandLine.parse("-h", "--json").help());
        assertEquals("accounts", CommandLine.parse("accounts", "--help").help());
        assertEquals("accounts add", CommandLine.parse("accounts", "add", "--help").help());
        assertEquals("accounts add", CommandLine.parse("--help", "accounts", "add", "alice", "extra", "words").help(),
                "help needs no valid arguments");
        assertEquals("purge", CommandLine.parse("purge", "-h").help());
        for (Command command : Command.values()) {
            List<String> args = new java.util.ArrayList<>(List.of(command.words.split(" ")));
            args.add("--help");
            assertEquals(command.words, CommandLine.parse(args.toArray(String[]::new)).help());
        }
        refused("frobnicate", "--help");
        refused("accounts", "frobnicate", "--help");
        refused("--help=yes");
    }

    @Test
    void unknownCommandsAreRefusedWithoutRepeatingTheWord() {
        assertFalse(refused(SECRET).getMessage().contains(SECRET));
        assertTrue(refused("frobnicate").getMessage().contains("accounts, roles, sessions, audit, purge, schema"));
        Failure inGroup = refused("accounts", SECRET);
        assertFalse(inGroup.getMessage().contains(SECRET));
        assertTrue(inGroup.getMessage().contains("add, list, disable, enable, password"), inGroup.getMessage());
        assertTrue(refused("roles").getMessage().contains("roles needs a command: grant, revoke, list"));
        assertTrue(refused().getMessage().contains("no command given"));
    }

    @Test
    void aSurplusArgumentIsCountedNeverRepeatedBecauseItMayBeAPassword() {
        Failure failure = refused("accounts", "add", "alice", SECRET);
        assertFalse(failure.getMessage().contains(SECRET));
        assertEquals("accounts add takes NAME, got 2 arguments; a password is never an argument",
                failure.getMessage());
        assertEquals("accounts list takes no arguments, got 1 argument; a password is never an argument",
                refused("accounts", "list", SECRET).getMessage());
        assertTrue(refused("roles", "grant", "alice").getMessage().startsWith("roles grant takes NAME ROLE, got 1"));
        assertTrue(refused("sessions", "revoke").getMessage().startsWith("sessions revoke takes NAME [ID], got 0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--jdbc-password", "--JDBC-PASSWORD", "--db-password", "--password", "--new-password",
            "--passwd", "--admin-password"})
    void aPasswordOptionIsRefusedAndItsValueNeverRepeated(String option) {
        for (String[] args : List.of(new String[] {option, SECRET, "accounts", "list"},
                new String[] {"accounts", "add", "alice", option + "=" + SECRET},
                new String[] {"--jdbc-url", "jdbc:h2:mem:x", option})) {
            Failure failure = refused(args);
            assertFalse(failure.getMessage().contains(SECRET), failure.getMessage());
            assertTrue(failure.getMessage().contains("is refused: a password on the command line can be read by"
                    + " other users"), failure.getMessage());
        }
        assertTrue(refused("--jdbc-password", SECRET).getMessage().contains("HALLPASS_JDBC_PASSWORD"));
        assertTrue(refused("--password", SECRET).getMessage().contains("--password-stdin"));
    }

    @Test
    void unknownOptionsAreNamedOnlyWhenTheyLookLikeOptions() {
        assertEquals("unknown option --frobnicate; hallpass-admin --help lists the options",
                refused("accounts", "list", "--frobnicate=" + SECRET).getMessage());
        Failure odd = refused("accounts", "list", "--" + SECRET);
        assertFalse(odd.getMessage().contains(SECRET), odd.getMessage());
        assertFalse(refused("-" + SECRET).getMessage().contains(SECRET));
    }

    @Test
    void optionValuesMustBeThereAndFlagsTakeNone() {
        assertEquals("--jdbc-url needs a value (URL)", refused("accounts", "list", "--jdbc-url").getMessage());
        assertEquals("--role needs a value (ROLE)", refused("accounts", "add", "a", "--role", "--json")
                .getMessage());
        assertEquals("--json takes no value", refused("accounts", "list", "--json=yes").getMessage());
        assertEquals("--password-stdin takes no value",
                refused("accounts", "add", "a", "--password-stdin=" + SECRET).getMessage());
        assertEquals("--limit is given more than once", refused("audit", "--limit", "1", "--limit", "2")
                .getMessage());
        assertEquals("--json is given more than once", refused("audit", "--json", "--json").getMessage());
    }

    @Test
    void aCommandsOwnOptionsApplyOnlyToIt() {
        assertEquals("--role does not apply to accounts list", refused("accounts", "list", "--role", "x")
                .getMessage());
        assertEquals("--dry-run does not apply to schema check", refused("schema", "check", "--dry-run")
                .getMessage());
        assertEquals("--all does not apply to sessions list", refused("sessions", "list", "a", "--all")
                .getMessage());
    }
}
