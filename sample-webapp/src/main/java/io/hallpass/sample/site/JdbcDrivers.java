package io.hallpass.sample.site;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.logging.Logger;

/**
 * Deregisters, when the application stops, the JDBC drivers that its own {@code WEB-INF/lib} registered (H2,
 * PostgreSQL, MariaDB), so that redeploying the WAR does not keep the old class loader alive. Listeners are
 * told of the stop after the filter (and with it the realm's connection pool) has been destroyed.
 */
public final class JdbcDrivers implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(JdbcDrivers.class.getName());

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        ClassLoader ours = Thread.currentThread().getContextClassLoader();
        for (Driver driver : Collections.list(DriverManager.getDrivers())) {
            if (driver.getClass().getClassLoader() == ours) {
                try {
                    DriverManager.deregisterDriver(driver);
                } catch (SQLException | SecurityException e) {
                    LOG.warning(() -> "could not deregister " + driver.getClass().getName() + ": " + e.getMessage());
                }
            }
        }
    }
}
