package io.hallpass.filter.event;

import java.lang.management.ManagementFactory;
import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * Puts one web application's {@link Metrics} on the platform MBean server, as
 * {@code io.hallpass:type=Metrics,context=<context path>}, and takes them off at the filter's {@code destroy}: two
 * applications in one JVM register two names, and a redeploy leaves no stale MBean behind (nor, through it, the old
 * class loader). A name already taken at start (an earlier undeploy of the same context that never reached
 * {@code destroy}) is replaced, and the replacement logged. At stop, the MBean is taken off only if it is still the
 * one this registration put there: a second instance on the same context path that replaced it keeps its own.
 */
public final class MetricsRegistration implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(MetricsRegistration.class.getName());
    static final String DOMAIN = "io.hallpass";

    private final MBeanServer server;
    private final ObjectName name;
    private final Bean bean;

    /** The metrics as an MXBean that knows whether it is (still) registered. */
    private static final class Bean extends StandardMBean {
        private volatile boolean registered;

        Bean(Metrics metrics) {
            super(metrics, HallpassMetricsMXBean.class, true);
        }

        @Override
        public void postRegister(Boolean done) {
            super.postRegister(done);
            registered = Boolean.TRUE.equals(done);
        }

        @Override
        public void postDeregister() {
            super.postDeregister();
            registered = false; // by close(), or replaced by another instance on the same context path
        }
    }

    private MetricsRegistration(MBeanServer server, ObjectName name, Bean bean) {
        this.server = server;
        this.name = name;
        this.bean = bean;
    }

    /** The name of the metrics of the application at {@code contextPath} ({@code ""} or {@code "/"}: the root). */
    public static ObjectName nameOf(String contextPath) {
        String context = contextPath.isEmpty() ? "/" : contextPath;
        try {
            ObjectName plain = new ObjectName(DOMAIN + ":type=Metrics,context=" + context);
            if (!plain.isPattern() && context.equals(plain.getKeyProperty("context"))) {
                return plain;
            }
        } catch (MalformedObjectNameException e) {
            // a character a plain value can not hold: quoted below
        }
        try {
            return new ObjectName(DOMAIN + ":type=Metrics,context=" + ObjectName.quote(context));
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException("no object name for context path " + context, e);
        }
    }

    /**
     * Registers {@code metrics} on the platform MBean server; never fails the start (JMX is for operators: a
     * failure is logged, and the application runs without its metrics).
     */
    public static MetricsRegistration register(Metrics metrics) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = nameOf(metrics.getContextPath());
        Bean bean = new Bean(metrics);
        try {
            try {
                server.registerMBean(bean, name);
            } catch (InstanceAlreadyExistsException e) {
                LOG.log(System.Logger.Level.WARNING, "Hallpass: " + name + " was already registered (an earlier"
                        + " undeploy of this context did not stop Hallpass, or a second instance runs on it);"
                        + " replacing it");
                try {
                    server.unregisterMBean(name);
                } catch (InstanceNotFoundException gone) {
                    // unregistered meanwhile: fine
                }
                server.registerMBean(bean, name);
            }
            LOG.log(System.Logger.Level.INFO, "Hallpass: metrics registered as " + name);
        } catch (JMException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Hallpass: metrics not registered as " + name + ": " + e);
        }
        return new MetricsRegistration(server, name, bean);
    }

    public ObjectName name() {
        return name;
    }

    /** Whether the metrics are on the server now (false after {@link #close}, or once replaced). */
    public boolean registered() {
        return bean.registered;
    }

    /** Takes the MBean off the server, if it is still this registration's. */
    @Override
    public void close() {
        if (!bean.registered) {
            return; // never registered, or replaced by another instance that keeps the name
        }
        try {
            server.unregisterMBean(name);
        } catch (InstanceNotFoundException e) {
            // gone already
        } catch (JMException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Hallpass: metrics " + name + " not unregistered: " + e);
        }
    }
}
