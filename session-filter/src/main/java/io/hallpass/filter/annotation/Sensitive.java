package io.hallpass.filter.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a servlet class, or one of its {@code doXxx} methods, as sensitive: a request passes only if the
 * session's last full authentication (login or re-authentication) is recent enough; otherwise the user is
 * asked to enter the password again. It adds to, and never replaces, the role requirements.
 *
 * <pre>{@code
 * public class PayoutServlet extends HttpServlet {
 *     @Sensitive(reauthWithin = "2m")
 *     protected void doPost(HttpServletRequest req, HttpServletResponse resp) { ... }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Sensitive {

    /**
     * How recent the last authentication must be: {@code 30s}, {@code 5m}, {@code 1h} or an ISO-8601
     * duration. Empty means the filter's {@code reauth-within} setting (default 5 minutes).
     */
    String reauthWithin() default "";

    /**
     * Optionally, a tighter idle limit for this endpoint: if the session has been idle longer (measured from
     * its last-seen time), the user is asked to re-authenticate, as for a stale {@link #reauthWithin()}.
     * Empty means the application's idle timeout alone.
     */
    String idleWithin() default "";
}
