package io.hallpass.realm.jpa;

import java.lang.System.Logger.Level;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The JDBC drivers the realm's own pools caused to be registered, deregistered when the last pool that needed each
 * one closes.
 *
 * <p>Loading a driver class registers it with {@code DriverManager}, a JDK class that outlives every web
 * application: a driver loaded from {@code WEB-INF/lib} and never deregistered keeps the application's class loader,
 * and every class it loaded, alive after an undeploy (Tomcat warns "registered the JDBC driver [org.h2.Driver] but
 * failed to unregister it"). So {@link #acquire} loads the driver the realm names ({@link OwnedPool#driverFor}) and
 * notes it as the realm's when it was not registered before; {@link #release} deregisters it when no open pool
 * needs it any more. Never touched: a driver registered before the realm asked for it (by the application, or
 * found by {@code DriverManager}'s own scan), a driver of another class loader (a container's {@code lib/}), and a
 * driver of the JVM's application class loader (the admin tool, tests), which lives as long as the JVM and can leak
 * nothing. A pool keeps the driver instance it started with, so deregistering never breaks one that is still open;
 * a realm started again in the same class loader registers the driver again.
 */
final class OwnedDrivers {

    private static final System.Logger LOG = System.getLogger("io.hallpass.realm");

    /** Per driver class name: how many open pools need it, and the instance the realm registered (or null). */
    private static final Map<String, Use> USES = new HashMap<>();

    private record Use(int pools, Driver registered) {
    }

    private OwnedDrivers() {
    }

    /**
     * Makes sure the driver class is loaded and registered, from the realm's class loader, for one more pool.
     * Nothing happens for a null name or a class that can not be loaded (the pool then reports the URL as it will).
     */
    static synchronized void acquire(String className) {
        if (className == null) {
            return;
        }
        Use use = USES.get(className);
        if (use != null) {
            USES.put(className, new Use(use.pools() + 1, use.registered()));
            return;
        }
        ClassLoader ours = OwnedDrivers.class.getClassLoader();
        boolean before = registered(className, ours) != null;
        Driver mine = null;
        try {
            Class<?> type = Class.forName(className, true, ours);
            if (type.getClassLoader() == ours && !before && ours != ClassLoader.getSystemClassLoader()) {
                mine = registered(className, ours);
                if (mine == null) { // loaded earlier and deregistered by a realm that closed: register it again
                    mine = (Driver) type.getDeclaredConstructor().newInstance();
                    DriverManager.registerDriver(mine);
                }
            }
        } catch (ReflectiveOperationException | SQLException | LinkageError | ClassCastException e) {
            LOG.log(Level.DEBUG, () -> "could not load the JDBC driver " + className + ": " + e);
        }
        USES.put(className, new Use(1, mine));
    }

    /** One pool that needed the driver has closed; the last one deregisters what {@link #acquire} registered. */
    static synchronized void release(String className) {
        Use use = className == null ? null : USES.get(className);
        if (use == null) {
            return;
        }
        if (use.pools() > 1) {
            USES.put(className, new Use(use.pools() - 1, use.registered()));
            return;
        }
        USES.remove(className);
        if (use.registered() != null) {
            try {
                DriverManager.deregisterDriver(use.registered());
            } catch (SQLException | SecurityException e) {
                LOG.log(Level.WARNING, () -> "could not deregister the JDBC driver " + className + ": "
                        + e.getMessage());
            }
        }
    }

    /** The registered instance of the class, of this class loader, or null. */
    private static Driver registered(String className, ClassLoader loader) {
        for (Driver driver : Collections.list(DriverManager.getDrivers())) {
            if (driver.getClass().getName().equals(className) && driver.getClass().getClassLoader() == loader) {
                return driver;
            }
        }
        return null;
    }
}
