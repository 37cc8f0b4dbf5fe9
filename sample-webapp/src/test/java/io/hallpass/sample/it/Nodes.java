package io.hallpass.sample.it;

import io.hallpass.realm.testing.ScratchDatabase;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Portal nodes for the multi-node, fault-injection and soak suites: the runnable jar as a process of its own, on a
 * shared database given by its JDBC URL (directly, or through a {@link TcpProxy}), and the waiting those suites do.
 * Every wait is bounded and polls; none decides an outcome by sleeping.
 */
final class Nodes {

    static final Duration START_LIMIT = Duration.ofSeconds(180);

    /** The filter's default {@code session-cache-bound}, which the portal keeps. */
    static final Duration BOUND = Duration.ofSeconds(1);

    private Nodes() {
    }

    /** A started node and its address. */
    record Node(String name, PortalProcess process, URI base) implements AutoCloseable {

        Browser browser(String userAgent) {
            return new Browser(base, userAgent + " (" + name + ")");
        }

        @Override
        public void close() {
            process.close();
        }
    }

    /**
     * Starts the runnable jar on {@code server} against {@code jdbcUrl} with the database's credentials, and waits
     * for its URL.
     */
    static Node start(String name, String server, String jdbcUrl, ScratchDatabase database, String... extra)
            throws InterruptedException {
        return start(name, List.of(), server, jdbcUrl, database, extra);
    }

    /** The same, with options for the JVM (e.g. a heap size) before {@code -jar}. */
    static Node start(String name, List<String> jvmOptions, String server, String jdbcUrl, ScratchDatabase database,
                      String... extra) throws InterruptedException {
        Path folder = PortalProcess.newFolder(name);
        List<String> args = new ArrayList<>(jvmOptions);
        args.add("-Djava.io.tmpdir=" + folder.resolve("tmp").toAbsolutePath());
        args.addAll(List.of("-jar", PortalProcess.jar().toAbsolutePath().toString(), "--server", server, "--port", "0",
                "--jdbc-url", jdbcUrl, "--jdbc-user", database.user));
        if (!database.password.isEmpty()) {
            args.addAll(List.of("--jdbc-password", database.password));
        }
        args.addAll(List.of(extra));
        PortalProcess process = PortalProcess.java(folder, args);
        try {
            return new Node(name, process, process.awaitUrl(START_LIMIT));
        } catch (InterruptedException | RuntimeException | Error e) {
            process.close();
            throw e;
        }
    }

    /** What a poll saw: the answer that ended it and how long after {@code since} it came. */
    record Seen(Browser.Response response, Duration after) {
    }

    /**
     * Repeats {@code request} every 20 ms until {@code done} holds for its answer, at most {@code patience}; every
     * answer on the way must be {@code before} (the state before the change) or what {@code done} accepts.
     *
     * @param since when the change was answered ({@link System#nanoTime()})
     * @throws AssertionError if another answer comes, or {@code done} never holds
     */
    static Seen await(String what, long since, Duration patience, java.util.function.Supplier<Browser.Response> request,
                      int before, java.util.function.Predicate<Browser.Response> done) throws InterruptedException {
        long deadline = since + patience.toNanos();
        Browser.Response last;
        do {
            last = request.get();
            long at = System.nanoTime();
            if (done.test(last)) {
                return new Seen(last, Duration.ofNanos(at - since));
            }
            if (last.status() != before) {
                throw new AssertionError(what + ": expected " + before + " until the change arrives, got " + last);
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(what + ": not seen within " + patience + "; last answer " + last);
    }
}
