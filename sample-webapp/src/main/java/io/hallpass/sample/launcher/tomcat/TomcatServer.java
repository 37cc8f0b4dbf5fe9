package io.hallpass.sample.launcher.tomcat;

import io.hallpass.sample.launcher.Deployment;
import io.hallpass.sample.launcher.EmbeddedServer;
import io.hallpass.sample.launcher.StartupFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.util.ServerInfo;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.descriptor.web.ApplicationParameter;
import org.apache.tomcat.util.scan.StandardJarScanner;

/**
 * Runs the WAR on embedded Tomcat. The launcher's options become context parameters with
 * {@code override="false"}, exactly what a {@code <Parameter>} in a deployer's {@code context.xml} does: the
 * value given here wins over the {@code <context-param>} of the same name in {@code web.xml}.
 */
public final class TomcatServer implements EmbeddedServer {

    private Tomcat tomcat;

    @Override
    public String name() {
        return ServerInfo.getServerInfo().replace("Apache Tomcat/", "Tomcat ");
    }

    @Override
    public int start(Deployment deployment) throws StartupFailure {
        FirstSevere severe = new FirstSevere();
        Logger root = Logger.getLogger("");
        root.addHandler(severe);
        try {
            return startTomcat(deployment, severe);
        } finally {
            root.removeHandler(severe);
        }
    }

    private int startTomcat(Deployment deployment, FirstSevere severe) throws StartupFailure {
        Path base = deployment.workDir().resolve("tomcat");
        try {
            Files.createDirectories(base.resolve("webapps"));
        } catch (IOException e) {
            throw new StartupFailure("cannot create " + base + ": " + e.getMessage());
        }
        tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        // the default web.xml would add Jasper's JSP servlet, which is not here; the default servlet is added below
        tomcat.setAddDefaultWebXmlToWebapp(false);

        Connector connector = new Connector();
        connector.setPort(deployment.port());
        connector.setProperty("address", deployment.host());
        connector.setXpoweredBy(false);
        // a port that cannot be bound must fail start(), not be logged while the application deploys anyway
        connector.setThrowOnFailure(true);
        tomcat.setConnector(connector);

        tomcat.getHost().setAutoDeploy(false);
        ErrorReportValve errors = new ErrorReportValve();
        errors.setShowReport(false);
        errors.setShowServerInfo(false);
        tomcat.getHost().getPipeline().addValve(errors);

        StandardContext context = (StandardContext) tomcat.addWebapp("", deployment.war().toString());
        context.setParentClassLoader(TomcatServer.class.getClassLoader());
        // a load-on-startup servlet that fails (the demo-account seeding) fails the application, as it should
        context.setFailCtxIfServletStartFails(true);
        // these two leak checks need --add-opens on Java 17 and only warn without it; the process ends at stop anyway
        context.setClearReferencesThreadLocals(false);
        context.setClearReferencesRmiTargets(false);
        StandardJarScanner scanner = (StandardJarScanner) context.getJarScanner();
        scanner.setScanClassPath(false);
        scanner.setScanManifest(false);
        Tomcat.addServlet(context, "default", "org.apache.catalina.servlets.DefaultServlet").setOverridable(true);
        context.addServletMappingDecoded("/", "default", false);
        Tomcat.addDefaultMimeTypeMappings(context);
        overrideParameters(context, deployment.contextParameters());

        try {
            tomcat.start();
        } catch (LifecycleException e) {
            stop();
            throw new StartupFailure(bindProblem(deployment, e));
        }
        if (connector.getState() != LifecycleState.STARTED || connector.getLocalPort() <= 0) {
            stop();
            throw new StartupFailure("could not listen on " + deployment.host() + ":" + deployment.port()
                    + severe.reason().map(r -> ": " + r).orElse(""));
        }
        if (context.getState() != LifecycleState.STARTED) {
            stop();
            throw new StartupFailure(severe.reason().orElse("the web application failed to start (state "
                    + context.getState() + "); see the log above"));
        }
        return connector.getLocalPort();
    }

    /** Context parameters that win over web.xml's, as {@code <Parameter override="false">} does. */
    static void overrideParameters(Context context, Map<String, String> parameters) {
        for (Map.Entry<String, String> entry : parameters.entrySet()) {
            ApplicationParameter parameter = new ApplicationParameter();
            parameter.setName(entry.getKey());
            parameter.setValue(entry.getValue());
            parameter.setOverride(false);
            context.addApplicationParameter(parameter);
        }
    }

    private static String bindProblem(Deployment deployment, LifecycleException e) {
        String described = StartupFailure.describe(e);
        if (described.contains("BindException") || described.contains("Address already in use")) {
            return deployment.host() + ":" + deployment.port() + " is already in use or cannot be bound ("
                    + described + ")";
        }
        return described;
    }

    @Override
    public void stop() {
        Tomcat running = tomcat;
        tomcat = null;
        if (running == null) {
            return;
        }
        try {
            running.stop();
        } catch (LifecycleException | RuntimeException e) {
            // still try to release what is left
        }
        try {
            running.destroy();
        } catch (LifecycleException | RuntimeException e) {
            // nothing more to do
        }
    }

    /**
     * Keeps the first SEVERE log record with an exception while Tomcat starts. Tomcat reports a filter or
     * servlet that failed to start only in its log (and by the context's state), so this is where the reason is.
     */
    static final class FirstSevere extends Handler {

        private volatile LogRecord first;

        @Override
        public void publish(LogRecord record) {
            if (first == null && record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                first = record;
            }
        }

        java.util.Optional<String> reason() {
            LogRecord record = first;
            if (record == null) {
                return java.util.Optional.empty();
            }
            String message = record.getMessage() == null ? "" : record.getMessage().strip();
            if (record.getThrown() == null) {
                return java.util.Optional.of(message);
            }
            String cause = StartupFailure.describe(record.getThrown());
            return java.util.Optional.of(message.isEmpty() ? cause : message + ": " + cause);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
