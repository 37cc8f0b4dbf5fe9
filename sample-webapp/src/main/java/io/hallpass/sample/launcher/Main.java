package io.hallpass.sample.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URLClassLoader;
import java.util.concurrent.CountDownLatch;
import java.util.logging.LogManager;

/**
 * Runs Northwind Portal, the Hallpass sample, on an embedded Tomcat or Jetty:
 * <pre>
 * java -jar sample-webapp/target/hallpass-sample.jar [--port 8080] [--server tomcat|jetty] [--reauth-within 5m] ...
 * </pre>
 * It deploys the unchanged WAR it carries at context root {@code /}, overriding {@code web.xml}'s context
 * parameters the way a deployer would, prints the URL and the demo accounts, and stops cleanly on SIGTERM.
 * Exit status: 0 after a normal stop, 1 if the server or the application did not start, 2 for a bad command
 * line.
 *
 * <p>This class and its package use only the JDK: the container is loaded into a class loader of its own.
 */
public final class Main {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private static final String PREFIX = "hallpass-sample: ";

    private final Object lock = new Object();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private Bundle bundle;
    private URLClassLoader loader;
    private EmbeddedServer server;
    private boolean stopping;

    private Main() {
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (UsageException e) {
            System.err.println(PREFIX + e.getMessage());
            System.err.println();
            System.err.println(Options.USAGE);
            System.exit(USAGE);
            return;
        }
        if (options.help()) {
            System.out.println(Options.USAGE);
            return;
        }
        configureLogging();
        // Let DriverManager scan for drivers now, from the launcher's class path (which has none). Otherwise its
        // first use happens inside the web application, which then "owns" the drivers it finds there and
        // Tomcat reports them as leaked at stop; standalone Tomcat does the same in JreMemoryLeakPreventionListener.
        java.sql.DriverManager.getDrivers();
        Main main = new Main();
        Runtime.getRuntime().addShutdownHook(new Thread(main::stop, "hallpass-sample-shutdown"));
        Signals.exitCleanlyOn("TERM", "INT");
        int status = main.run(options, System.out, System.err);
        if (status != OK) {
            System.exit(status);
        }
        main.awaitStop();
    }

    int run(Options options, PrintStream out, PrintStream err) {
        String what = options.server().id();
        try {
            synchronized (lock) {
                if (stopping) {
                    return FAILED;
                }
                bundle = Bundle.unpack(options.server());
                loader = bundle.classLoader("hallpass-" + what);
                server = (EmbeddedServer) Class.forName(options.server().bootClass(), true, loader)
                        .getDeclaredConstructor().newInstance();
            }
            what = server.name();
            Deployment deployment = new Deployment(bundle.war(), bundle.folder(), options.host(), options.port(),
                    options.contextParameters());
            int port = withContextLoader(loader, () -> server.start(deployment));
            banner(out, server.name(), url(options.host(), port), options);
            return OK;
        } catch (StartupFailure e) {
            stop();
            err.println(PREFIX + "the portal did not start on " + what + ": " + e.getMessage());
            return FAILED;
        } catch (IOException | ReflectiveOperationException | RuntimeException | LinkageError e) {
            stop();
            err.println(PREFIX + "the portal did not start on " + what + ": " + StartupFailure.describe(e));
            return FAILED;
        }
    }

    /** Stops the server and deletes the unpacked files; idempotent. Runs in the shutdown hook. */
    void stop() {
        synchronized (lock) {
            if (stopping) {
                return;
            }
            stopping = true;
            try {
                if (server != null) {
                    withContextLoader(loader, () -> {
                        server.stop();
                        return 0;
                    });
                }
            } catch (StartupFailure | RuntimeException e) {
                System.err.println(PREFIX + "error while stopping: " + StartupFailure.describe(e));
            } finally {
                try {
                    if (loader != null) {
                        loader.close();
                    }
                } catch (IOException e) {
                    // nothing left to do
                }
                if (bundle != null) {
                    bundle.close();
                }
                stopped.countDown();
            }
        }
    }

    private void awaitStop() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private interface Action<T> {
        T run() throws StartupFailure;
    }

    private static <T> T withContextLoader(ClassLoader loader, Action<T> action) throws StartupFailure {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return action.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    static String url(String host, int port) {
        String shown = host;
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            shown = "localhost";
        } else if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            shown = "[" + host + "]";
        }
        return "http://" + shown + ":" + port + "/";
    }

    static void banner(PrintStream out, String serverName, String url, Options options) {
        out.println();
        out.println("Northwind Portal (Hallpass sample) is running on " + serverName);
        out.println("  URL: " + url);
        out.println("  Demo accounts (published passwords: never use real data here):");
        out.println("    alice / alice-demo-pw   customer   orders with card data, billing, export, payout");
        out.println("    sam   / sam-demo-pw     support    every order's status, no card data");
        out.println("    ada   / ada-demo-pw     admin      users, roles, sessions, reports");
        out.println("    casey / casey-demo-pw   reporting  reports only; the grant expires 7 days after set-up");
        if (!options.contextParameters().isEmpty()) {
            out.println("  Overrides: " + String.join(", ", options.contextParameters().keySet()));
        }
        out.println("  Stop with Ctrl+C (or SIGTERM).");
        out.flush();
    }

    /** Quiet containers and libraries, Hallpass and the portal at INFO; unless the user set up logging. */
    private static void configureLogging() {
        if (System.getProperty("java.util.logging.config.file") != null
                || System.getProperty("java.util.logging.config.class") != null) {
            return;
        }
        try (InputStream in = Main.class.getResourceAsStream("logging.properties")) {
            if (in != null) {
                LogManager.getLogManager().readConfiguration(in);
            }
        } catch (IOException | RuntimeException e) {
            // keep the JDK's default logging
        }
    }
}
