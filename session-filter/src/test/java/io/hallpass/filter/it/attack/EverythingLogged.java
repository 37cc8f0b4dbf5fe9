package io.hallpass.filter.it.attack;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Turns logging up to the most verbose for one test class and keeps everything written meanwhile: every
 * {@code java.util.logging} record of every logger (formatted, with its parameters and stack trace), and whatever
 * reaches {@code System.out} and {@code System.err}. It starts before the class's {@code @BeforeAll} methods, so
 * the realm's and the container's start-up are in it too, and puts every level, handler and stream back after
 * the class. The console handlers are held at INFO meanwhile, so the build log stays readable.
 *
 * <p>Levels turned up: {@code io.hallpass} to ALL; Hibernate's SQL and bind-parameter loggers
 * ({@code org.hibernate.SQL}, {@code org.hibernate.orm.jdbc.bind}, which log parameter values at TRACE) to ALL;
 * Tomcat ({@code org.apache.catalina}, {@code org.apache.coyote}, {@code org.apache.tomcat}), Jetty
 * ({@code org.eclipse.jetty}, through SLF4J) and HikariCP to FINE.
 */
final class EverythingLogged implements BeforeAllCallback, AfterAllCallback {

    private static final Map<String, Level> LEVELS = new LinkedHashMap<>();

    static {
        LEVELS.put("io.hallpass", Level.ALL);
        LEVELS.put("org.hibernate.SQL", Level.ALL);
        LEVELS.put("org.hibernate.orm.jdbc.bind", Level.ALL);
        LEVELS.put("org.hibernate.orm.jdbc.extract", Level.ALL);
        LEVELS.put("org.apache.catalina", Level.FINE);
        LEVELS.put("org.apache.coyote", Level.FINE);
        LEVELS.put("org.apache.tomcat", Level.FINE);
        LEVELS.put("org.eclipse.jetty", Level.FINE);
        LEVELS.put("com.zaxxer.hikari", Level.FINE);
    }

    private static final List<String> RECORDS = new ArrayList<>();
    private static final ByteArrayOutputStream CONSOLE = new ByteArrayOutputStream();

    /** Held so that the loggers, weakly referenced by the log manager, keep the levels set here. */
    private final List<Logger> loggers = new ArrayList<>();
    private final Map<Logger, Level> previousLevels = new LinkedHashMap<>();
    private final Map<Handler, Level> consoleLevels = new LinkedHashMap<>();
    private PrintStream out;
    private PrintStream err;

    private final Handler capture = new Handler() {
        private final Formatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            StringBuilder text = new StringBuilder(record.getLoggerName() + " " + record.getLevel() + " "
                    + formatter.formatMessage(record));
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                text.append('\n').append(trace);
            }
            synchronized (RECORDS) {
                RECORDS.add(text.toString());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (RECORDS) {
            RECORDS.clear();
        }
        synchronized (CONSOLE) {
            CONSOLE.reset();
        }
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            consoleLevels.put(handler, handler.getLevel());
            handler.setLevel(Level.INFO);
        }
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
        LEVELS.forEach((name, level) -> {
            Logger logger = Logger.getLogger(name);
            loggers.add(logger);
            previousLevels.put(logger, logger.getLevel());
            logger.setLevel(level);
        });
        out = System.out;
        err = System.err;
        System.setOut(new PrintStream(new Tee(out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(err), true, StandardCharsets.UTF_8));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        System.setOut(out);
        System.setErr(err);
        previousLevels.forEach(Logger::setLevel);
        Logger.getLogger("").removeHandler(capture);
        consoleLevels.forEach(Handler::setLevel);
    }

    /** Every log record so far, formatted, and then everything written to the console, as one list. */
    static List<String> everything() {
        List<String> all;
        synchronized (RECORDS) {
            all = new ArrayList<>(RECORDS);
        }
        synchronized (CONSOLE) {
            all.add(CONSOLE.toString(StandardCharsets.UTF_8));
        }
        return all;
    }

    /** How many records came from loggers whose names start with {@code prefix}. */
    static long recordsOf(String prefix) {
        synchronized (RECORDS) {
            return RECORDS.stream().filter(r -> r.startsWith(prefix)).count();
        }
    }

    /** Writes to the real stream and keeps a copy. */
    private static final class Tee extends OutputStream {
        private final OutputStream real;

        Tee(OutputStream real) {
            this.real = real;
        }

        @Override
        public void write(int b) {
            synchronized (CONSOLE) {
                CONSOLE.write(b);
            }
            try {
                real.write(b);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (CONSOLE) {
                CONSOLE.write(b, off, len);
            }
            try {
                real.write(b, off, len);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void flush() throws java.io.IOException {
            real.flush();
        }
    }
}
