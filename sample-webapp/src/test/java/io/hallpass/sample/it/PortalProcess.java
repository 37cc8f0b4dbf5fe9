package io.hallpass.sample.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runnable jar ({@code target/hallpass-sample.jar}) running as a process of its own, as a user would run
 * it: in a fresh working folder (so its H2 default lands there), with {@code java.io.tmpdir} inside it (so a
 * test can see that the launcher cleaned up), its output collected. {@link #java} runs other Java processes
 * the same way, such as a standalone Tomcat or Jetty serving the WAR.
 */
final class PortalProcess implements AutoCloseable {

    private static final Pattern URL = Pattern.compile("URL: (http://\\S+/)");

    private final Process process;
    private final Path folder;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;

    private PortalProcess(Process process, Path folder) {
        this.process = process;
        this.folder = folder;
        this.reader = new Thread(this::read, "portal-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** The runnable jar the build made; the failsafe configuration passes its path. */
    static Path jar() {
        Path jar = Path.of(System.getProperty("hallpass.sample.jar", "target/hallpass-sample.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: run 'mvn package' (integration tests run after it)");
        }
        return jar;
    }

    /** A new empty working folder under {@code target/it-work}. */
    static Path newFolder(String name) {
        try {
            Path base = Path.of(System.getProperty("hallpass.sample.work", "target/it-work"));
            Files.createDirectories(base);
            Path folder = Files.createTempDirectory(base, name + "-");
            Files.createDirectories(folder.resolve("tmp"));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PortalProcess start(Path folder, String... args) {
        return start(jar(), folder, args);
    }

    /** Runs a given build of the runnable jar. */
    static PortalProcess start(Path jar, Path folder, String... args) {
        List<String> arguments = new ArrayList<>();
        arguments.add("-Djava.io.tmpdir=" + folder.resolve("tmp").toAbsolutePath());
        arguments.add("-jar");
        arguments.add(jar.toAbsolutePath().toString());
        arguments.addAll(List.of(args));
        return java(folder, arguments);
    }

    /**
     * Runs this JDK's {@code java} with these arguments in {@code folder}: the runnable jar, or a standalone
     * container serving the WAR (see {@link StandaloneServer}).
     */
    static PortalProcess java(Path folder, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            return new PortalProcess(process, folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /**
     * Waits for the launcher to print its URL.
     *
     * @throws AssertionError if the process ends first or the time runs out, with its output
     */
    URI awaitUrl(Duration timeout) throws InterruptedException {
        Matcher m = URL.matcher(awaitLine(URL, timeout));
        if (!m.find()) {
            throw new IllegalStateException();
        }
        return URI.create(m.group(1));
    }

    /**
     * Waits for the process to print a line in which {@code pattern} is found.
     *
     * @return that line
     * @throws AssertionError if the process ends first or the time runs out, with its output
     */
    String awaitLine(Pattern pattern, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            int seen = 0;
            while (true) {
                for (; seen < lines.size(); seen++) {
                    if (pattern.matcher(lines.get(seen)).find()) {
                        return lines.get(seen);
                    }
                }
                if (!process.isAlive() && !reader.isAlive()) {
                    throw new AssertionError("the process ended (exit " + process.exitValue()
                            + ") before printing '" + pattern + "':\n" + output());
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no '" + pattern + "' after " + timeout + ":\n" + output());
                }
                lines.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 200)));
            }
        }
    }

    /**
     * Waits for the process to end by itself.
     *
     * @return its exit status
     * @throws AssertionError if it is still running after {@code timeout} (it is then killed)
     */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("still running after " + timeout + ":\n" + output());
        }
        reader.join(5000);
        return process.exitValue();
    }

    /** Sends SIGTERM and waits for the process to end; returns its exit status. */
    int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        return awaitExit(timeout);
    }

    /**
     * Kills the process at once (SIGKILL): no shutdown hook, no graceful close of the server or its pool, as when a
     * machine dies. Waits for it to be gone.
     */
    void kill() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("still running 30 s after SIGKILL");
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    /** The operating system's id of the process, e.g. for {@code jcmd}. */
    long pid() {
        return process.pid();
    }

    String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    Path folder() {
        return folder;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Stops the process (SIGTERM, then SIGKILL after 30 seconds) and anything it started. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }
}
