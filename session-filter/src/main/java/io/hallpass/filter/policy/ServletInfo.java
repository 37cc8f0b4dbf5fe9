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
 * @param servletClass the servlet class, or null where it could not be loaded (then no annotations are read)
 * @param mappings     its url-patterns, used for the effective-policy report
 */
public record ServletInfo(String name, Class<?> servletClass, Collection<String> mappings) {

    public ServletInfo {
        Objects.requireNonNull(name, "name");
        mappings = mappings == null ? List.of() : List.copyOf(mappings);
    }
}
