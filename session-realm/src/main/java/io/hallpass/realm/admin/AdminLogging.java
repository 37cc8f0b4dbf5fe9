package io.hallpass.realm.admin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.LogManager;

/**
 * The tool's logging: off, so that an operator sees only the tool's own lines (no Hibernate or HikariCP start-up
 * chatter, no warnings about the very failure the tool reports in one line), or with {@code --verbose} every
 * library's INFO and up, the realm's audit lines and the tool's own diagnostics, on standard error.
 */
final class AdminLogging {

    private static final String QUIET = "handlers=\n.level=OFF\n";
    private static final String VERBOSE = """
            handlers=java.util.logging.ConsoleHandler
            .level=INFO
            io.hallpass.realm.admin.level=ALL
            java.util.logging.ConsoleHandler.level=ALL
            java.util.logging.SimpleFormatter.format=%1$tT %4$s %3$s: %5$s%6$s%n
            """;

    private AdminLogging() {
    }

    /** Configures java.util.logging, where Hibernate (JBoss Logging), HikariCP (SLF4J) and the realm all log. */
    static void configure(boolean verbose) {
        System.setProperty("org.jboss.logging.provider", "jdk");
        try {
            LogManager.getLogManager().readConfiguration(
                    new ByteArrayInputStream((verbose ? VERBOSE : QUIET).getBytes(StandardCharsets.ISO_8859_1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
