package io.hallpass.realm.jpa;

import java.lang.System.Logger.Level;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The JDBC drivers the realm's own pools caused to be registered, deregistered when the last pool that needed each
 * one closes.
 *
 * <p>Loading a driver class registers it with {@code DriverManager}, a JDK class that outlives every web
 * application: a driver loaded from {@code WEB-INF/lib} and never deregistered keeps the application's class loader,
 * and every class it loaded, alive after an undeploy (Tomcat warns "registered the JDBC driver [org.h2.Driver] but
 * failed to unregister it"). So {@link #acquire} loads the driver the realm names ({@link OwnedPool#driverFor})
 * from the realm's own class loader, registering it again if an earlier realm's release took it away, and
 * {@link #release} deregisters that driver class when no open pool needs it any more. The registration may have
 * come from the class's loading or from {@code DriverManager}'s one-time scan of the thread's class loader, which
 * the realm's first call triggers in a container that has not made it before (Tomcat 11 and Jetty 12 do not): both
 * are the realm's doing. Never touched: any other driver class, a driver of another class loader (a container's
 * {@code lib/}), and a driver of the JVM's application class loader (the admin tool, tests), which lives as long as
 * the JVM and can leak nothing. A pool keeps the driver instance it started with, so deregistering never breaks one
 * that is still open. An application of its own that uses the same driver through {@code DriverManager} after the
 * filter stopped would have to register it again.
 */
final class OwnedDrivers {

    private static final System.Logger LOG = System.getLogger("io.hallpass.realm");

    /** Per driver class name: how many open pools need it, and whether the realm deregisters it after the last. */
    private static final Map<String, Use> USES = new HashMap<>();

    private record Use(int pools, boolean owned) {
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
            USES.put(className, new Use(use.pools() + 1, use.owned()));
            return;
        }
        ClassLoader ours = OwnedDrivers.class.getClassLoader();
        boolean owned = false;
        try {
            Class<?> type = Class.forName(className, true, ours);
            owned = type.getClassLoader() == ours && ours != ClassLoader.getSystemClassLoader();
            if (owned && registered(className, ours).isEmpty()) {
                // loaded earlier and deregistered by a realm that closed: register it again
                DriverManager.registerDriver((Driver) type.getDeclaredConstructor().newInstance());
            }
        } catch (ReflectiveOperationException | SQLException | LinkageError | ClassCastException e) {
            LOG.log(Level.DEBUG, () -> "could not load the JDBC driver " + className + ": " + e);
        }
        USES.put(className, new Use(1, owned));
    }

    /** One pool that needed the driver has closed; after the last one, the realm's driver is deregistered. */
    static synchronized void release(String className) {
        Use use = className == null ? null : USES.get(className);
        if (use == null) {
            return;
        }
        if (use.pools() > 1) {
            USES.put(className, new Use(use.pools() - 1, use.owned()));
            return;
        }
        USES.remove(className);
        if (!use.owned()) {
            return;
        }
        for (Driver driver : registered(className, OwnedDrivers.class.getClassLoader())) {
            try {
                DriverManager.deregisterDriver(driver);
            } catch (SQLException | SecurityException e) {
                LOG.log(Level.WARNING, () -> "could not deregister the JDBC driver " + className + ": "
                        + e.getMessage());
            }
        }
    }

    /** The registered instances of the class, of this class loader. */
    private static List<Driver> registered(String className, ClassLoader loader) {
        return Collections.list(DriverManager.getDrivers()).stream()
                .filter(d -> d.getClass().getName().equals(className) && d.getClass().getClassLoader() == loader)
                .toList();
    }
}
