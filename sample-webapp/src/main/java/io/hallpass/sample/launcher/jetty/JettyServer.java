package io.hallpass.sample.launcher.jetty;

import io.hallpass.sample.launcher.Deployment;
import io.hallpass.sample.launcher.EmbeddedServer;
import io.hallpass.sample.launcher.StartupFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jetty.ee11.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Jetty;

/**
 * Runs the WAR on embedded Jetty (ee11). The launcher's options go into an override descriptor, Jetty's way of
 * changing a WAR's {@code web.xml} without touching it: its {@code <context-param>}s replace those of the same
 * name.
 */
public final class JettyServer implements EmbeddedServer {

    private Server server;

    @Override
    public String name() {
        return "Jetty " + Jetty.VERSION;
    }

    @Override
    public int start(Deployment deployment) throws StartupFailure {
        Path work = deployment.workDir().resolve("jetty");
        Path override = work.resolve("override-web.xml");
        try {
            Files.createDirectories(work);
            Files.writeString(override, overrideDescriptor(deployment.contextParameters()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StartupFailure("cannot write " + override + ": " + e.getMessage());
        }

        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(deployment.host());
        connector.setPort(deployment.port());
        server.addConnector(connector);
        ErrorHandler errors = new ErrorHandler();
        errors.setShowStacks(false);
        errors.setShowMessageInTitle(false);
        server.setErrorHandler(errors);

        WebAppContext webapp = new WebAppContext();
        webapp.setContextPath("/");
        webapp.setWar(deployment.war().toString());
        webapp.setTempDirectory(work.resolve("tmp").toFile());
        webapp.setParentLoaderPriority(false);
        webapp.addOverrideDescriptor(override.toUri().toString());
        // a filter or load-on-startup servlet that fails makes start() throw, instead of serving a broken app
        webapp.setThrowUnavailableOnStartupException(true);
        webapp.setLogUrlOnStart(false);
        server.setHandler(webapp);

        try {
            // bind first: Jetty starts handlers before connectors, and a port that is taken should not cost a
            // whole deployment (database, demo accounts) before it is noticed
            connector.open();
        } catch (IOException e) {
            stop();
            throw new StartupFailure(deployment.host() + ":" + deployment.port()
                    + " is already in use or cannot be bound (" + StartupFailure.describe(e) + ")");
        }
        try {
            server.start();
        } catch (Exception e) {
            stop();
            String described = StartupFailure.describe(e);
            if (described.contains("BindException") || described.contains("Failed to bind")) {
                throw new StartupFailure(deployment.host() + ":" + deployment.port()
                        + " is already in use or cannot be bound (" + described + ")");
            }
            throw new StartupFailure(described);
        }
        if (!webapp.isAvailable()) {
            Throwable why = webapp.getUnavailableException();
            stop();
            throw new StartupFailure(why == null ? "the web application is unavailable; see the log above"
                    : StartupFailure.describe(why));
        }
        return connector.getLocalPort();
    }

    /** A {@code web.xml} fragment of context parameters, XML-escaped. */
    static String overrideDescriptor(Map<String, String> parameters) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- written by the hallpass-sample launcher: its options, overriding the WAR's web.xml -->
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                """);
        for (Map.Entry<String, String> entry : parameters.entrySet()) {
            xml.append("  <context-param><param-name>").append(escape(entry.getKey()))
                    .append("</param-name><param-value>").append(escape(entry.getValue()))
                    .append("</param-value></context-param>\n");
        }
        return xml.append("</web-app>\n").toString();
    }

    static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }

    @Override
    public void stop() {
        Server running = server;
        server = null;
        if (running == null) {
            return;
        }
        try {
            running.stop();
        } catch (Exception e) {
            // nothing more to do
        }
    }
}
