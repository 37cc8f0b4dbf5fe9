package io.hallpass.sample.site;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Logs the effective {@code hallpass.*} context parameters when the application starts, so that a deployer
 * can see that an override (a Tomcat {@code <Parameter>}, a Jetty override descriptor, a launcher option)
 * replaced the value in {@code web.xml}. Passwords are never logged, nor anything in a JDBC URL after its
 * first {@code ?} or {@code ;}, where credentials may hide.
 */
public final class SettingsLog implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(SettingsLog.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        String line = describe(event.getServletContext());
        LOG.info(() -> "Northwind Portal settings: " + line);
    }

    static String describe(ServletContext context) {
        List<String> names = new ArrayList<>(Collections.list(context.getInitParameterNames()));
        Collections.sort(names);
        List<String> parts = new ArrayList<>();
        for (String name : names) {
            if (name.startsWith("hallpass.")) {
                parts.add(name.substring("hallpass.".length()) + "=" + shown(name, context.getInitParameter(name)));
            }
        }
        return String.join(", ", parts);
    }

    static String shown(String name, String value) {
        if (value == null) {
            return "";
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.contains("password") || lower.contains("secret") || lower.contains("pepper")) {
            return "(hidden)";
        }
        if (lower.endsWith("jdbc-url")) {
            return value.split("[?;]", 2)[0];
        }
        return value;
    }
}
