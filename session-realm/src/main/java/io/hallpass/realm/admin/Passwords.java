package io.hallpass.realm.admin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Where passwords come from: never the command line (see {@link CommandLine}). The database password comes from
 * {@value #DATABASE_ENV} or, failing that, from a prompt when a user was given and a console is attached. A new
 * account password is asked twice on the console, or read from the first line of standard input. What was typed
 * is wiped from the buffers once it has been turned into the string the realm takes.
 */
final class Passwords {

    static final String DATABASE_ENV = "HALLPASS_JDBC_PASSWORD";

    /** Longer than any password the realm accepts (1024 bytes), so that such a line is refused there, by name. */
    static final int MAX_LINE_BYTES = 4096;

    private final Terminal terminal;
    private final InputStream stdin;
    private final Map<String, String> environment;

    Passwords(Terminal terminal, InputStream stdin, Map<String, String> environment) {
        this.terminal = terminal;
        this.stdin = stdin;
        this.environment = environment;
    }

    /** The database password, or null for none. */
    String database(String user) {
        String fromEnvironment = environment.get(DATABASE_ENV);
        if (fromEnvironment != null) {
            return fromEnvironment;
        }
        if (user == null || !terminal.attached()) {
            return null;
        }
        char[] typed = terminal.readPassword("Password of database user " + user + ": ");
        if (typed == null) {
            throw Failure.badArguments("no database password was typed");
        }
        try {
            return new String(typed);
        } finally {
            Arrays.fill(typed, '\0');
        }
    }

    /** A new password for an account: from standard input, or asked twice on the console. */
    String newPassword(String username, boolean fromStandardInput) {
        if (fromStandardInput) {
            return firstLine();
        }
        if (!terminal.attached()) {
            throw Failure.badArguments("no console to ask for the new password on: run it in a terminal, or give"
                    + " the password on standard input with --password-stdin");
        }
        char[] first = terminal.readPassword("New password for " + username + ": ");
        char[] second = first == null ? null : terminal.readPassword("The same password again: ");
        try {
            if (first == null || second == null) {
                throw Failure.badArguments("no new password was typed");
            }
            if (!Arrays.equals(first, second)) {
                throw Failure.badArguments("the two passwords differ; nothing was changed");
            }
            return new String(first);
        } finally {
            wipe(first);
            wipe(second);
        }
    }

    /** The first line of standard input, without its line end, decoded as UTF-8. */
    private String firstLine() {
        byte[] line = new byte[MAX_LINE_BYTES];
        int length = 0;
        try {
            int b = stdin.read();
            if (b == -1) {
                throw Failure.badArguments("standard input is empty: --password-stdin reads the new password from"
                        + " its first line");
            }
            while (b != -1 && b != '\n') {
                if (length == line.length) {
                    throw Failure.badArguments("the first line of standard input is longer than " + MAX_LINE_BYTES
                            + " bytes");
                }
                line[length++] = (byte) b;
                b = stdin.read();
            }
            if (length > 0 && line[length - 1] == '\r') {
                length--;
            }
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(line, 0, length)).toString();
        } catch (CharacterCodingException e) {
            throw Failure.badArguments("the password on standard input is not UTF-8");
        } catch (IOException e) {
            throw Failure.badArguments("standard input can not be read: " + e.getClass().getSimpleName());
        } finally {
            Arrays.fill(line, (byte) 0);
        }
    }

    private static void wipe(char[] secret) {
        if (secret != null) {
            Arrays.fill(secret, '\0');
        }
    }
}
