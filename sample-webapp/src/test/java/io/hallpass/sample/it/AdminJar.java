package io.hallpass.sample.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code hallpass-admin.jar}, as session-realm's build made it, run as an operator runs it: {@code java -jar} in a
 * folder of its own, a new account's password on standard input ({@code --password-stdin}), the database's in
 * {@code HALLPASS_JDBC_PASSWORD}. Each run is bounded in time and must print none of the given secrets.
 */
final class AdminJar {

    private AdminJar() {
    }

    /** The jar; failsafe passes its path. */
    static Path jar() {
        return StandaloneServer.existing("hallpass.admin.jar", "../session-realm/target/hallpass-admin.jar",
                "session-realm's 'mvn package' builds it").toAbsolutePath();
    }

    /**
     * Runs the tool and asserts exit 0.
     *
     * @param input            standard input (a new account's password and a newline), or ""
     * @param databasePassword {@code HALLPASS_JDBC_PASSWORD}, or null to leave it unset
     * @param secrets          what the output must not contain
     * @return what it printed
     */
    static String run(Path folder, String input, String databasePassword, Collection<String> secrets,
                      List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", jar().toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
        builder.environment().remove("HALLPASS_JDBC_PASSWORD");
        if (databasePassword != null) {
            builder.environment().put("HALLPASS_JDBC_PASSWORD", databasePassword);
        }
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(input.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), () -> "hallpass-admin " + args + " did not end");
        assertEquals(0, process.exitValue(), () -> "hallpass-admin " + args + ":\n" + output);
        for (String secret : secrets) {
            assertFalse(!secret.isEmpty() && output.contains(secret), () -> "a secret printed by " + args + ":\n"
                    + output);
        }
        return output;
    }
}
