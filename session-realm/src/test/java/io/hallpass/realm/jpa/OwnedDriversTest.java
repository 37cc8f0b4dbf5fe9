package io.hallpass.realm.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.sql.Driver;
import java.sql.DriverManager;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The class-loader leak Tomcat reported on undeploy ("registered the JDBC driver [org.h2.Driver] but failed to
 * unregister it"), reproduced with a class loader of its own standing in for a web application's: the realm's
 * classes and H2's jar, over the platform class loader, as {@code WEB-INF/classes} and {@code WEB-INF/lib} are.
 */
class OwnedDriversTest {

    private static final String H2 = "org.h2.Driver";

    @Test
    void aWebApplicationsDriverIsDeregisteredAfterItsLastPoolAndRegisteredAgainForTheNext() throws Exception {
        URL classes = OwnedDrivers.class.getProtectionDomain().getCodeSource().getLocation();
        URL h2 = org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader webapp = new URLClassLoader(new URL[] {classes, h2}, ClassLoader.getPlatformClassLoader())) {
            Class<?> drivers = webapp.loadClass(OwnedDrivers.class.getName());
            Method acquire = drivers.getDeclaredMethod("acquire", String.class);
            Method release = drivers.getDeclaredMethod("release", String.class);
            Method registered = drivers.getDeclaredMethod("registered", String.class, ClassLoader.class);
            acquire.setAccessible(true);
            release.setAccessible(true);
            registered.setAccessible(true);
            // DriverManager shows a caller the drivers of its own class loader: ask through the loaded class
            acquire.invoke(null, H2);
            acquire.invoke(null, H2);
            assertEquals(1, count(registered, webapp), "two pools, one driver of the application's class loader");
            release.invoke(null, H2);
            assertEquals(1, count(registered, webapp), "still needed by the second pool");
            release.invoke(null, H2);
            assertEquals(0, count(registered, webapp), "deregistered after the last pool: nothing keeps the loader");
            acquire.invoke(null, H2);
            assertEquals(1, count(registered, webapp), "a realm started again registers it again");
            release.invoke(null, H2);
            assertEquals(0, count(registered, webapp));
        }
    }

    @Test
    void aDriverOfTheJvmsClassPathIsLeftRegistered() {
        OwnedDrivers.acquire(H2);
        OwnedDrivers.release(H2);
        List<Driver> left = Collections.list(DriverManager.getDrivers()).stream()
                .filter(d -> d.getClass().getName().equals(H2)).toList();
        assertTrue(!left.isEmpty(), "the class path's H2 lives as long as the JVM and leaks nothing: left alone");
    }

    private static int count(Method registered, ClassLoader loader) throws Exception {
        return ((List<?>) registered.invoke(null, H2, loader)).size();
    }
}
