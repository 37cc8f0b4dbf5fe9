package io.hallpass.realm.jpa;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.hallpass.realm.RealmSettings;
import java.util.Locale;

/**
 * The HikariCP pool the realm creates, and closes, when it is given a JDBC URL rather than a data source. Closing
 * it stops HikariCP's threads (its housekeeper and its connection adder and closer) and lets go of the JDBC driver
 * it needed ({@link OwnedDrivers}), so that an undeployed application leaves nothing behind.
 */
final class OwnedPool {

    private OwnedPool() {
    }

    static HikariDataSource create(RealmSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("hallpass-realm");
        config.setJdbcUrl(h2WithoutExitHook(settings.jdbcUrl()));
        String driver = driverFor(settings.jdbcUrl());
        if (driver != null) {
            config.setDriverClassName(driver);
        }
        OwnedDrivers.acquire(driver);
        config.setUsername(settings.jdbcUser());
        config.setPassword(settings.jdbcPassword());
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(Math.min(2, settings.poolSize()));
        long timeout = Math.max(250, settings.connectionTimeout().toMillis());
        config.setConnectionTimeout(timeout);
        config.setValidationTimeout(Math.max(250, Math.min(timeout, 5_000)));
        // start even when the database is down; the first check at start then reports it as unavailable
        config.setInitializationFailTimeout(-1);
        // auto-commit stays on (as in a container's pool): resolve's read needs no transaction, hence no COMMIT
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            OwnedDrivers.release(driver);
            throw e;
        }
    }

    /**
     * Closes a pool {@link #create} made (its threads end before this returns) and releases its driver; a pool
     * closed already is left alone.
     */
    static synchronized void close(HikariDataSource pool) {
        if (pool.isClosed()) {
            return;
        }
        try {
            pool.close();
            awaitH2Threads(pool.getJdbcUrl());
        } finally {
            OwnedDrivers.release(driverFor(pool.getJdbcUrl()));
        }
    }

    /**
     * Waits, at most five seconds, for the threads H2 ran for an embedded database to end once it is closed. With
     * {@code AUTO_SERVER=TRUE} (which needs {@code FILE_LOCK=FILE}) H2 runs a file-lock watchdog and a TCP server;
     * closing the database interrupts them but does not wait, and a container that looks for the application's
     * threads right after the undeploy would find them still alive ("appears to have started a thread named [H2
     * File Lock Watchdog ...] but has failed to stop it").
     */
    private static void awaitH2Threads(String url) {
        if (!url.startsWith("jdbc:h2:") || !url.toUpperCase(Locale.ROOT).contains("AUTO_SERVER=TRUE")) {
            return;
        }
        ClassLoader ours = OwnedPool.class.getClassLoader();
        long deadline = System.nanoTime() + 5_000_000_000L;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("H2 ") && thread.getContextClassLoader() == ours
                    && thread != Thread.currentThread()) {
                try {
                    thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * An H2 URL with {@code DB_CLOSE_ON_EXIT=FALSE} unless it says otherwise or asks for {@code AUTO_SERVER=TRUE}.
     * H2's own shutdown hook would close the database while the container is still stopping the application (and
     * the realm with it), which then fails with "Database is already closed", or, on Tomcat, finds the
     * application's class loader closed ("Illegal access"). The realm closes its pool, and with it the database, in
     * {@code close()}, which also takes H2's hook away again.
     *
     * <p>H2 refuses its mixed mode ({@code AUTO_SERVER=TRUE}, the way a second process such as the admin tool opens
     * a file database the application has open) without that hook, so such a URL is left as it is, and the same
     * URL works in the application and in the tool. The hook then only matters when the JVM ends with the
     * application still running; an undeploy or a redeploy closes the database first.
     */
    static String h2WithoutExitHook(String url) {
        String upper = url.toUpperCase(Locale.ROOT);
        if (!url.startsWith("jdbc:h2:") || upper.contains("DB_CLOSE_ON_EXIT") || upper.contains("AUTO_SERVER=TRUE")) {
            return url;
        }
        return url + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /**
     * The driver class of the databases Hallpass supports, named so that the pool loads it from the
     * application's own class loader: in a web application, {@code DriverManager} does not see drivers in
     * {@code WEB-INF/lib} when it was first initialised by the container ("No suitable driver"). Other
     * databases are found through {@code DriverManager}.
     */
    static String driverFor(String url) {
        if (url.startsWith("jdbc:h2:")) {
            return "org.h2.Driver";
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return "org.postgresql.Driver";
        }
        if (url.startsWith("jdbc:mariadb:")) {
            return "org.mariadb.jdbc.Driver";
        }
        return null;
    }
}
