package io.hallpass.filter.it;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Every log line written anywhere in the JVM (the root {@code java.util.logging} logger, which Hallpass's
 * {@code System.Logger}, Tomcat and Hibernate write to) while a container suite runs, formatted as a log file would
 * show it, with its stack trace; and the secrets the suite put in play: every session and device cookie value a
 * response set ({@link #issued}) and every password a suite gave an account ({@link #typed}). A suite's end asserts
 * that no line contains any of them.
 *
 * <p>Only records at INFO and above are scanned, at the levels each suite configures: what a production log holds. The
 * leak scan ({@code attack.LeakScanContract}) runs every logger at its most verbose and scans those records too, with
 * the exceptions it documents (Hibernate's TRACE bind log prints the device id a query binds).
 */
final class LeakWatch implements AutoCloseable {

    private static final Set<String> ISSUED = ConcurrentHashMap.newKeySet();
    private static final Set<String> TYPED = ConcurrentHashMap.newKeySet();

    /** Shorter values could occur in any text by chance; every token and test password is longer. */
    private static final int SHORTEST_SECRET = 12;

    private final Logger root = Logger.getLogger("");
    private final List<String> lines = new ArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() < Level.INFO.intValue()) {
                return; // below INFO is the leak scan's (attack.LeakScanContract), with its documented exceptions
            }
            String line = formatter.format(record);
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line += trace;
            }
            synchronized (lines) {
                lines.add(line);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    LeakWatch() {
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
    }

    /** Records a cookie value a response set (a token or a device id); empty values (clearing) are not secrets. */
    static void issued(String cookieValue) {
        if (cookieValue != null && cookieValue.length() >= SHORTEST_SECRET) {
            ISSUED.add(cookieValue);
        }
    }

    /** Records a password the suite set or typed. */
    static void typed(String password) {
        if (password != null && password.length() >= SHORTEST_SECRET) {
            TYPED.add(password);
        }
    }

    /** Asserts that no line logged while watching contains a secret in play. */
    void assertNoSecretLogged(String suite) {
        List<String> logged;
        synchronized (lines) {
            logged = List.copyOf(lines);
        }
        assertFalse(ISSUED.isEmpty() && TYPED.isEmpty(), suite + ": no token or password in play, so the scan"
                + " shows nothing");
        assertFalse(logged.isEmpty(), suite + ": nothing was logged at all, so the scan shows nothing");
        scan(suite + " logged a session or device cookie value", logged, ISSUED);
        scan(suite + " logged a password", logged, TYPED);
    }

    private static void scan(String what, List<String> logged, Collection<String> secrets) {
        for (String line : logged) {
            for (String secret : secrets) {
                assertFalse(line.contains(secret), () -> what + ":\n" + line);
            }
        }
    }

    @Override
    public void close() {
        root.removeHandler(handler);
    }
}
