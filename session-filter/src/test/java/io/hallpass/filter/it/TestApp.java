package io.hallpass.filter.it;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.http.HttpServlet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A web application described once and deployed the same way into every container under test: servlets with
 * their mappings (all async-supported), the Hallpass filter with its init-params on {@code /*} for REQUEST,
 * FORWARD, INCLUDE and ASYNC (async-supported, as the README declares it), a
 * listener that prepares the servlet context before the filter starts (for example, hands in a realm with a
 * fake clock), and an error page for 403.
 */
public final class TestApp {

    public record ServletSpec(String name, HttpServlet servlet, List<String> mappings) {
    }

    final List<ServletSpec> servlets = new ArrayList<>();
    final Map<String, String> filterParams = new LinkedHashMap<>();
    final Map<String, String> contextParams = new LinkedHashMap<>();
    final List<Consumer<jakarta.servlet.ServletContext>> setup = new ArrayList<>();
    String forbiddenPage;
    String contextPath = "";

    public TestApp servlet(String name, HttpServlet servlet, String... mappings) {
        servlets.add(new ServletSpec(name, servlet, List.of(mappings)));
        return this;
    }

    public TestApp param(String name, String value) {
        filterParams.put(name, value);
        return this;
    }

    /** A context-param, as {@code <context-param>} in {@code web.xml} would declare it. */
    public TestApp contextParam(String name, String value) {
        contextParams.put(name, value);
        return this;
    }

    /** Runs while the context starts, before the filter's init. */
    public TestApp onStart(Consumer<jakarta.servlet.ServletContext> action) {
        setup.add(action);
        return this;
    }

    /** Deploys at {@code path} ({@code /portal}) instead of the root context. */
    public TestApp contextPath(String path) {
        contextPath = path;
        return this;
    }

    /** The application's error page for 403, as {@code <error-page>} would declare it. */
    public TestApp forbiddenPage(String path) {
        forbiddenPage = path;
        return this;
    }

    ServletContextListener listener() {
        return new ServletContextListener() {
            @Override
            public void contextInitialized(ServletContextEvent event) {
                setup.forEach(action -> action.accept(event.getServletContext()));
            }
        };
    }
}
