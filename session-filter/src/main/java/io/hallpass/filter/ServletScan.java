package io.hallpass.filter;

import io.hallpass.filter.policy.ServletInfo;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The application as the policy sees it: each servlet registration's name, mappings and class (whose annotations
 * add requirements), and the files the container's default servlet would serve (for the report's reachability of
 * rules). A servlet whose class cannot be loaded is left to the rules alone, with a warning, and still listed in
 * the report.
 */
final class ServletScan {

    private static final System.Logger LOG = System.getLogger(ServletScan.class.getName());

    /** Beyond this many files, the report treats the list as unknown rather than walk a huge application. */
    static final int MAX_FILES = 10_000;

    private ServletScan() {
    }

    /** The registrations, sorted by name so that the start-up report reads the same on every start. */
    static List<ServletInfo> of(ServletContext context, ApplicationClasses classes) {
        List<ServletInfo> out = new ArrayList<>();
        for (ServletRegistration registration : context.getServletRegistrations().values()) {
            String className = registration.getClassName();
            Class<?> type = className == null ? null : classes.load(className);
            if (className != null && type == null) {
                LOG.log(System.Logger.Level.WARNING, "Hallpass: servlet '" + registration.getName() + "' (" + className
                        + ") cannot be loaded to read its annotations; only rules apply to it");
            }
            out.add(new ServletInfo(registration.getName(), className, type, List.copyOf(registration.getMappings())));
        }
        out.sort(Comparator.comparing(ServletInfo::name));
        return out;
    }

    /**
     * The application's files outside {@code /WEB-INF/} and {@code /META-INF/}, as request paths; null if there
     * are more than {@link #MAX_FILES} or the context cannot list them.
     */
    static Set<String> files(ServletContext context) {
        Set<String> files = new LinkedHashSet<>();
        Deque<String> folders = new ArrayDeque<>(List.of("/"));
        try {
            while (!folders.isEmpty()) {
                Set<String> entries = context.getResourcePaths(folders.pop());
                if (entries == null) {
                    continue;
                }
                for (String entry : entries) {
                    if (entry.equals("/WEB-INF/") || entry.equals("/META-INF/")) {
                        continue;
                    }
                    if (entry.endsWith("/")) {
                        folders.push(entry);
                    } else if (files.add(entry) && files.size() > MAX_FILES) {
                        return null;
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "Hallpass: cannot list the application's files: " + e);
            return null;
        }
        return files;
    }
}
