package io.hallpass.filter.policy;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * One servlet of the context, as the filter finds it in {@code ServletContext.getServletRegistrations()}:
 * its annotations are read from {@code servletClass}, and they apply to requests the container dispatched
 * to the servlet called {@code name}.
 *
 * @param name         the servlet name ({@code HttpServletMapping.getServletName()} of its requests)
 * @param className    the servlet's class name as registered, or null if the registration names none
 * @param servletClass the servlet class, or null where it could not be loaded (then no annotations are read)
 * @param mappings     its url-patterns, used for the effective-policy report
 */
public record ServletInfo(String name, String className, Class<?> servletClass, Collection<String> mappings) {

    public ServletInfo {
        Objects.requireNonNull(name, "name");
        if (className == null && servletClass != null) {
            className = servletClass.getName();
        }
        mappings = mappings == null ? List.of() : List.copyOf(mappings);
    }

    /** A servlet whose class is loaded. */
    public ServletInfo(String name, Class<?> servletClass, Collection<String> mappings) {
        this(name, null, servletClass, mappings);
    }

    /**
     * Whether this is the container's default servlet, which serves the application's files: mapped to
     * {@code /} and of a class called {@code DefaultServlet} (Tomcat's, Jetty's, Undertow's).
     */
    boolean isContainerDefault() {
        if (className == null || !mappings.contains("/")) {
            return false;
        }
        int simple = Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1;
        return className.substring(simple).equals("DefaultServlet");
    }

    /**
     * Whether this is a stand-in that answers 404 to everything, such as the servlet Jetty maps to {@code /}
     * when the application maps nothing there: requests reach it, but nothing is served.
     */
    boolean servesNothing() {
        return className != null && className.endsWith("$Default404Servlet");
    }
}
