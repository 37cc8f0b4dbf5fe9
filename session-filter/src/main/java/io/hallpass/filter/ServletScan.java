package io.hallpass.filter;

import io.hallpass.filter.policy.ServletInfo;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.util.ArrayList;
import java.util.List;

/**
 * The application's servlets as the policy sees them: each registration's name, mappings and class (whose
 * annotations add requirements). A servlet whose class cannot be loaded is left to the rules alone, with a
 * warning.
 */
final class ServletScan {

    private static final System.Logger LOG = System.getLogger(ServletScan.class.getName());

    private ServletScan() {
    }

    static List<ServletInfo> of(ServletContext context, ApplicationClasses classes) {
        List<ServletInfo> out = new ArrayList<>();
        for (ServletRegistration registration : context.getServletRegistrations().values()) {
            String className = registration.getClassName();
            if (className == null) {
                continue;
            }
            Class<?> type = classes.load(className);
            if (type == null) {
                LOG.log(System.Logger.Level.WARNING, "Hallpass: servlet '" + registration.getName() + "' (" + className
                        + ") cannot be loaded to read its annotations; only rules apply to it");
                continue;
            }
            out.add(new ServletInfo(registration.getName(), type, List.copyOf(registration.getMappings())));
        }
        return out;
    }
}
