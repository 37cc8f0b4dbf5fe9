package io.hallpass.sample.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The runnable jar as a process: its command line, and what it does when the web application cannot start.
 * These hold whatever state the filter is in, so they run in every build.
 */
class LauncherIT {

    private static final Duration LIMIT = Duration.ofSeconds(120);

    @Test
    void aBadOptionPrintsTheUsageAndExitsWith2() throws Exception {
        try (PortalProcess portal = PortalProcess.start(PortalProcess.newFolder("usage"), "--port", "eighty")) {
            assertEquals(2, portal.awaitExit(LIMIT), portal.output());
            assertTrue(portal.output().contains("hallpass-sample: --port must be a number from 0 to 65535"),
                    portal.output());
            assertTrue(portal.output().contains("Usage: java -jar hallpass-sample.jar [options]"), portal.output());
        }
    }

    @Test
    void helpPrintsTheUsageAndExitsWith0() throws Exception {
        try (PortalProcess portal = PortalProcess.start(PortalProcess.newFolder("help"), "--help")) {
            assertEquals(0, portal.awaitExit(LIMIT), portal.output());
            assertTrue(portal.output().contains("--reauth-within D"), portal.output());
        }
    }

    /**
     * An idle timeout longer than the absolute one (12h, from web.xml) is a configuration the filter must refuse
     * in its init, so the application cannot start. The launcher must then stop everything and say why in one
     * line, exit non-zero, and leave no temporary files. The settings line logged by the web application shows
     * that the options reached it and won over web.xml's defaults (30m and 5m).
     */
    @ParameterizedTest
    @ValueSource(strings = {"tomcat", "jetty"})
    void anApplicationThatCannotStartEndsTheProcessWithAOneLineReason(String server) throws Exception {
        Path folder = PortalProcess.newFolder("refused-" + server);
        try (PortalProcess portal = PortalProcess.start(folder, "--server", server, "--port", "0", "--host",
                "127.0.0.1", "--idle-timeout", "13h", "--reauth-within", "7s")) {
            int status = portal.awaitExit(LIMIT);
            String output = portal.output();
            assertEquals(1, status, output);
            String expected = "hallpass-sample: the portal did not start on "
                    + (server.equals("tomcat") ? "Tomcat 11." : "Jetty 12.1.");
            String reason = portal.lines().stream().filter(l -> l.startsWith(expected)).findFirst()
                    .orElseThrow(() -> new AssertionError("no line starting '" + expected + "' in:\n" + output));
            assertTrue(reason.substring(expected.length()).matches("[0-9.]*: .{10,}"),
                    "a reason follows: " + reason);
            assertTrue(output.contains("Northwind Portal settings: ") && output.contains("idle-timeout=13h")
                    && output.contains("reauth-within=7s"), "the overrides reached the web application:\n" + output);
            assertNoTemporaryFilesLeft(folder);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tomcat", "jetty"})
    void aPortInUseEndsTheProcessWithAOneLineReason(String server) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Path folder = PortalProcess.newFolder("port-" + server);
            try (PortalProcess portal = PortalProcess.start(folder, "--server", server, "--port",
                    Integer.toString(taken.getLocalPort()))) {
                assertEquals(1, portal.awaitExit(LIMIT), portal.output());
                assertTrue(portal.output().contains("127.0.0.1:" + taken.getLocalPort()
                        + " is already in use or cannot be bound"), portal.output());
                assertNoTemporaryFilesLeft(folder);
            }
        }
    }

    private static void assertNoTemporaryFilesLeft(Path folder) throws IOException {
        try (Stream<Path> left = Files.list(folder.resolve("tmp"))) {
            assertEquals(0, left.filter(p -> p.getFileName().toString().startsWith("hallpass-sample-")).count(),
                    "the launcher deletes what it unpacked");
        }
    }
}
