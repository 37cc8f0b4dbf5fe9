package io.hallpass.realm.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PasswordsTest {

    private static final String PASSWORD = "correct horse battery staple";

    private static InputStream stdin(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Passwords passwords(FakeTerminal terminal, String stdin, Map<String, String> env) {
        return new Passwords(terminal, stdin(stdin), env);
    }

    private static Failure badArguments(Runnable call) {
        Failure failure = assertThrows(Failure.class, call::run);
        assertEquals(Exit.BAD_ARGUMENTS, failure.exit);
        return failure;
    }

    @Test
    void theDatabasePasswordComesFromTheEnvironmentFirst() {
        FakeTerminal terminal = FakeTerminal.typing("typed");
        assertEquals("from-env", passwords(terminal, "", Map.of("HALLPASS_JDBC_PASSWORD", "from-env"))
                .database("app"));
        assertEquals("", passwords(terminal, "", Map.of("HALLPASS_JDBC_PASSWORD", "")).database("app"),
                "set but empty is a password too: no prompt");
        assertTrue(terminal.prompts.isEmpty());
    }

    @Test
    void withoutTheVariableTheDatabasePasswordIsAskedOnlyForAUserOnAConsole() {
        FakeTerminal terminal = FakeTerminal.typing("typed");
        assertEquals("typed", passwords(terminal, "", Map.of()).database("app"));
        assertEquals("Password of database user app: ", terminal.prompts.get(0));
        assertNull(passwords(FakeTerminal.typing("never"), "", Map.of()).database(null), "no user: none");
        assertNull(passwords(FakeTerminal.none(), "", Map.of()).database("app"), "no console: none");
        badArguments(() -> passwords(FakeTerminal.typing((String) null), "", Map.of()).database("app"));
    }

    @Test
    void aNewPasswordIsAskedTwiceOnTheConsole() {
        FakeTerminal terminal = FakeTerminal.typing(PASSWORD, PASSWORD);
        assertEquals(PASSWORD, passwords(terminal, "", Map.of()).newPassword("alice", false));
        assertEquals(2, terminal.prompts.size());
        assertTrue(terminal.prompts.get(0).contains("alice"));
    }

    @Test
    void twoPasswordsThatDifferChangeNothing() {
        Failure failure = badArguments(() -> passwords(FakeTerminal.typing(PASSWORD, PASSWORD + "!"), "", Map.of())
                .newPassword("alice", false));
        assertEquals("the two passwords differ; nothing was changed", failure.getMessage());
    }

    @Test
    void typedPasswordsAreWipedAfterUse() {
        FakeTerminal same = FakeTerminal.typing(PASSWORD, PASSWORD);
        passwords(same, "", Map.of()).newPassword("alice", false);
        FakeTerminal differing = FakeTerminal.typing(PASSWORD, "something else");
        assertThrows(Failure.class, () -> passwords(differing, "", Map.of()).newPassword("alice", false));
        FakeTerminal database = FakeTerminal.typing("db secret");
        passwords(database, "", Map.of()).database("app");
        for (FakeTerminal terminal : new FakeTerminal[] {same, differing, database}) {
            assertEquals(terminal == database ? 1 : 2, terminal.handedOut.size());
            for (char[] typed : terminal.handedOut) {
                assertTrue(new String(typed).chars().allMatch(c -> c == 0), "wiped");
            }
        }
    }

    @Test
    void withoutAConsoleANewPasswordNeedsStandardInput() {
        Failure failure = badArguments(() -> passwords(FakeTerminal.none(), PASSWORD, Map.of())
                .newPassword("alice", false));
        assertTrue(failure.getMessage().contains("--password-stdin"), failure.getMessage());
        badArguments(() -> passwords(FakeTerminal.typing((String) null), "", Map.of()).newPassword("alice", false));
        badArguments(() -> passwords(FakeTerminal.typing(PASSWORD, null), "", Map.of()).newPassword("alice", false));
    }

    @Test
    void standardInputGivesItsFirstLineWithoutTheLineEnd() {
        Passwords unix = passwords(FakeTerminal.none(), PASSWORD + "\nsecond line\n", Map.of());
        assertEquals(PASSWORD, unix.newPassword("alice", true));
        assertEquals(PASSWORD, passwords(FakeTerminal.none(), PASSWORD + "\r\n", Map.of()).newPassword("a", true));
        assertEquals(PASSWORD, passwords(FakeTerminal.none(), PASSWORD, Map.of()).newPassword("a", true),
                "no line end at all");
        assertEquals(" spaces count ", passwords(FakeTerminal.none(), " spaces count \n", Map.of())
                .newPassword("a", true));
        assertEquals("pässwörd-ü", passwords(FakeTerminal.none(), "pässwörd-ü\n", Map.of()).newPassword("a", true),
                "read as UTF-8 whatever the platform's charset");
        FakeTerminal console = FakeTerminal.typing("ignored");
        passwords(console, PASSWORD + "\n", Map.of()).newPassword("a", true);
        assertTrue(console.prompts.isEmpty(), "standard input wins over the console when asked for");
    }

    @Test
    void standardInputThatHoldsNoUsablePasswordIsRefused() {
        assertTrue(badArguments(() -> passwords(FakeTerminal.none(), "", Map.of()).newPassword("a", true))
                .getMessage().startsWith("standard input is empty"));
        byte[] latin1 = "p\u00e4sswort\n".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("the password on standard input is not UTF-8", badArguments(() -> new Passwords(
                FakeTerminal.none(), new ByteArrayInputStream(latin1), Map.of()).newPassword("a", true)).getMessage());
        assertTrue(badArguments(() -> passwords(FakeTerminal.none(), "x".repeat(Passwords.MAX_LINE_BYTES + 1),
                Map.of()).newPassword("a", true)).getMessage().contains("longer than 4096 bytes"));
    }
}
