package io.hallpass.filter.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Requires a signed-in user holding at least one of the named roles. On a method it replaces the class's
 * annotation for that HTTP method (as with {@code jakarta.annotation.security.RolesAllowed}).
 *
 * <pre>{@code
 * @RequireRole({"reporting", "admin"})
 * public class ReportsServlet extends HttpServlet { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequireRole {

    /** Role names, any one of which is enough. Must not be empty. */
    String[] value();
}
