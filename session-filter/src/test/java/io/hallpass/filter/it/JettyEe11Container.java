package io.hallpass.filter.it;

import io.hallpass.filter.HallpassFilter;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.eclipse.jetty.ee11.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** Embedded Jetty 12.1 with the ee11 environment (Servlet 6.1). */
public final class JettyEe11Container implements Container {

    private Server server;
    private ServletContextHandler context;

    @Override
    public void start(TestApp app) throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath(app.contextPath.isEmpty() ? "/" : app.contextPath);
        context.addEventListener(app.listener());
        app.contextParams.forEach(context::setInitParameter);
        for (TestApp.ServletSpec spec : app.servlets) {
            ServletHolder holder = new ServletHolder(spec.name(), spec.servlet());
            holder.setAsyncSupported(true);
            if (spec.mappings().isEmpty()) {
                context.getServletHandler().addServlet(holder); // reached by name only
            }
            spec.mappings().forEach(m -> context.addServlet(holder, m));
        }
        FilterHolder filter = new FilterHolder(HallpassFilter.class);
        filter.setName("hallpass");
        filter.setAsyncSupported(true);
        app.filterParams.forEach(filter::setInitParameter);
        context.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.INCLUDE,
                DispatcherType.ASYNC, DispatcherType.ERROR));
        ErrorPageErrorHandler errors = new ErrorPageErrorHandler();
        // Jetty's error handler adds its own Cache-Control: no-store to every error it handles, which would make a
        // check that Hallpass keeps its refusals out of caches pass whatever Hallpass does
        errors.setCacheControl(null);
        if (app.forbiddenPage != null) {
            errors.addErrorPage(403, app.forbiddenPage);
        }
        context.setErrorHandler(errors);
        server.setHandler(context);
        server.start();
    }

    @Override
    public boolean applicationAvailable() {
        return context.isAvailable() && context.isStarted();
    }

    @Override
    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    @Override
    public String name() {
        return "Jetty " + Server.getVersion() + " ee11";
    }

    @Override
    public void close() throws Exception {
        if (server != null) {
            server.stop();
        }
    }
}
