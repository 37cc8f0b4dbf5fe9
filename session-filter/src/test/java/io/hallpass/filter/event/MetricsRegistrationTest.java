package io.hallpass.filter.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.UUID;
import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** The metrics on the platform MBean server: names per context path, replacement, and removal at stop. */
class MetricsRegistrationTest {

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    private static Metrics metrics(String contextPath) {
        return new Metrics(contextPath, Optional::empty, () -> 0);
    }

    private static String uniqueContext() {
        return "/unit-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void namesCarryTheContextPathAndTheRootIsSlash() throws Exception {
        assertEquals(new ObjectName("io.hallpass:type=Metrics,context=/"), MetricsRegistration.nameOf(""));
        assertEquals(new ObjectName("io.hallpass:type=Metrics,context=/portal"), MetricsRegistration.nameOf("/portal"));
    }

    @Test
    void aContextPathAnObjectNameCannotHoldPlainIsQuoted() throws Exception {
        for (String path : new String[] {"/a,b", "/a=b", "/a:b", "/a*", "/a?", "/a\"b"}) {
            ObjectName name = MetricsRegistration.nameOf(path);
            assertFalse(name.isPattern(), path);
            assertEquals(path, ObjectName.unquote(name.getKeyProperty("context")), path);
            assertEquals("Metrics", name.getKeyProperty("type"), "no key smuggled in through " + path);
        }
    }

    @Test
    void registeredMetricsAreReadableThroughThePlatformServerAndGoneAfterClose() {
        String context = uniqueContext();
        Metrics metrics = metrics(context);
        metrics.onEvent(new HallpassEvent.SignInFailed(java.time.Instant.EPOCH, HallpassEvent.Failure.BUSY, null));
        MetricsRegistration registration = MetricsRegistration.register(metrics);
        assertTrue(server.isRegistered(registration.name()));
        HallpassMetricsMXBean proxy = JMX.newMXBeanProxy(server, registration.name(), HallpassMetricsMXBean.class);
        assertEquals(1, proxy.getSignInsBusy());
        assertEquals(0L, proxy.getRefusals().get("firewall"), "maps read back as maps");
        registration.close();
        assertFalse(server.isRegistered(registration.name()));
        registration.close(); // twice is harmless
    }

    @Test
    void aNameLeftBehindIsReplacedAndTheLeftoverDoesNotTakeTheNewOneAwayWhenItStops() {
        String context = uniqueContext();
        MetricsRegistration stale = MetricsRegistration.register(metrics(context));
        Metrics fresh = metrics(context);
        fresh.onEvent(new HallpassEvent.StepUpPassed(java.time.Instant.EPOCH, "ann", "s1"));
        MetricsRegistration current = MetricsRegistration.register(fresh);
        assertFalse(stale.registered(), "replaced");
        assertTrue(current.registered());
        stale.close();
        assertTrue(server.isRegistered(current.name()), "stopping the replaced one leaves the new one");
        assertEquals(1, JMX.newMXBeanProxy(server, current.name(), HallpassMetricsMXBean.class).getStepUpsPassed());
        current.close();
        assertFalse(server.isRegistered(current.name()));
    }

    @Test
    void twoContextsRegisterTwoNames() {
        MetricsRegistration a = MetricsRegistration.register(metrics(uniqueContext()));
        MetricsRegistration b = MetricsRegistration.register(metrics(uniqueContext()));
        try {
            assertTrue(a.registered());
            assertTrue(b.registered());
            assertFalse(a.name().equals(b.name()));
        } finally {
            a.close();
            b.close();
        }
    }
}
