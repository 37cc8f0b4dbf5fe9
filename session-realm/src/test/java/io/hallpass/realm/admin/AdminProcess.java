package io.hallpass.realm.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * {@code hallpass-admin.jar} run as an operator runs it: {@code java -jar}, a process of its own with no console, in
 * a working folder of its own, given the database password only through {@code HALLPASS_JDBC_PASSWORD}. Every run is
 * bounded in time, and its standard output and error are searched for every secret the test has registered
 * (passwords, tokens): none may ever appear.
 *
 * <p>{@link #inThisJvm()} runs the same command lines through {@link AdminTool}, the class {@code main} hands them to,
 * with the same environment, no console and captured streams: a start of the JVM and of Hibernate per command made
 * the suites take minutes per database. The suites keep the jar for what only a process shows (the exit code
 * through {@code System.exit}, the silenced libraries, a fresh database set up from scratch, an unreachable one).
 */
final class AdminProcess {

    /** Generous: a start of Hibernate on a busy two-core machine, or a database given up on after 15 s. */
    static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final List<String> connection;
    private final String databasePassword;
    private final Path folder;
    private final List<String> secrets;
    private final boolean inThisJvm;

    /**
     * @param connection       the options every run gets first ({@code --jdbc-url ...}), possibly none
     * @param databasePassword the value of {@code HALLPASS_JDBC_PASSWORD}, or null to leave it unset
     * @param secrets          what must never be printed; the list may grow as the test goes
     */
    AdminProcess(List<String> connection, String databasePassword, List<String> secrets) {
        this(connection, databasePassword, secrets, false);
    }

    private AdminProcess(List<String> connection, String databasePassword, List<String> secrets, boolean inThisJvm) {
        this.connection = List.copyOf(connection);
        this.databasePassword = databasePassword;
        this.secrets = secrets;
        this.inThisJvm = inThisJvm;
        this.folder = inThisJvm ? null : newFolder("run");
    }

    /** The same tool, connection and secrets, run in this JVM (see the class comment). */
    AdminProcess inThisJvm() {
        return new AdminProcess(connection, databasePassword, secrets, true);
    }

    /** A process with no connection options and no secrets of its own. */
    static AdminProcess bare() {
        return new AdminProcess(List.of(), null, new CopyOnWriteArrayList<>());
    }

    /** The jar the build made; failsafe passes its path. */
    static Path jar() {
        Path jar = Path.of(System.getProperty("hallpass.admin.jar", "target/hallpass-admin.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run 'mvn package' (integration tests run after it)");
        }
        return jar.toAbsolutePath();
    }

    /** A new empty folder under {@code target/it-admin}. */
    static Path newFolder(String name) {
        try {
            Path base = Path.of(System.getProperty("hallpass.admin.work", "target/it-admin"));
            Files.createDirectories(base);
            return Files.createTempDirectory(base, name + "-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What one run did. */
    record Result(List<String> args, int exit, String out, String err) {

        /** Exit 0 and nothing on standard error. */
        Result done() {
            assertEquals(0, exit, this::describe);
            assertEquals("", err, this::describe);
            return this;
        }

        /** This exit code, nothing on standard output, and exactly one line on standard error holding {@code why}. */
        Result failed(int code, String why) {
            assertEquals(code, exit, this::describe);
            assertEquals("", out, this::describe);
            assertEquals(1, err.lines().count(), this::describe);
            assertTrue(err.startsWith("hallpass-admin: "), this::describe);
            assertTrue(err.contains(why), () -> "expected \"" + why + "\" in: " + describe());
            return this;
        }

        /** The lines of standard output that mention {@code text}. */
        List<String> linesWith(String text) {
            return out.lines().filter(line -> line.contains(text)).toList();
        }

        String describe() {
            return "hallpass-admin " + String.join(" ", args) + "\nexit " + exit + "\n--- stdout\n" + out
                    + "--- stderr\n" + err;
        }
    }

    Result run(String... args) {
        return runWithInput(null, args);
    }

    /** Runs the tool with {@code stdin} (or nothing) on its standard input. */
    Result runWithInput(String stdin, String... args) {
        List<String> toolArgs = new ArrayList<>(connection);
        toolArgs.addAll(List.of(args));
        if (inThisJvm) {
            return checked(runHere(stdin, toolArgs));
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // the client compiler and a small collector only spare the shared build machine; they change no behaviour
        command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar().toString()));
        command.addAll(toolArgs);
        Path out = folder.resolve("stdout");
        Path err = folder.resolve("stderr");
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> environment = builder.environment();
        environment.remove(Passwords.DATABASE_ENV);
        if (databasePassword != null) {
            environment.put(Passwords.DATABASE_ENV, databasePassword);
        }
        try {
            Process process = builder.start();
            try (OutputStream in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // the tool ended without reading its input: its exit code tells why
            }
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                fail("hallpass-admin " + String.join(" ", toolArgs) + " did not end within " + TIMEOUT + "\n"
                        + Files.readString(out) + Files.readString(err));
            }
            return checked(new Result(toolArgs, process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private Result runHere(String stdin, List<String> toolArgs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> environment = new HashMap<>();
        if (databasePassword != null) {
            environment.put(Passwords.DATABASE_ENV, databasePassword);
        }
        InputStream in = new ByteArrayInputStream(stdin == null ? new byte[0] : stdin.getBytes(StandardCharsets.UTF_8));
        int exit = new AdminTool(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), in, NO_CONSOLE, environment, Clock.systemUTC(),
                "hallpass-admin:" + System.getProperty("user.name")).run(toolArgs.toArray(String[]::new));
        return new Result(toolArgs, exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** As a process started without a terminal has it. */
    private static final Terminal NO_CONSOLE = new Terminal() {
        @Override
        public boolean attached() {
            return false;
        }

        @Override
        public char[] readPassword(String prompt) {
            throw new IllegalStateException("no console");
        }
    };

    private Result checked(Result result) {
        for (String secret : secrets) {
            assertFalse(result.out().contains(secret) || result.err().contains(secret),
                    () -> "a secret was printed: " + result.describe());
        }
        return result;
    }
}
