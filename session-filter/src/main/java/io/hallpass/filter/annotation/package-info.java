/**
 * Annotations that servlet classes and their {@code doXxx} methods use to state who may call them.
 *
 * <p>The filter finds them at start-up from the servlet registrations of the context, and compiles them into
 * the same immutable policy as the rules from {@code web.xml}. A request that both a rule and an annotation
 * apply to must satisfy both. A method's annotation replaces its class's annotation of the same kind
 * ({@link io.hallpass.filter.annotation.Public}, {@link io.hallpass.filter.annotation.Authenticated} and
 * {@link io.hallpass.filter.annotation.RequireRole} are one kind; {@link io.hallpass.filter.annotation.Sensitive}
 * is another). {@code doHead} falls back to {@code doGet}'s annotations, as {@code HttpServlet} does, and may
 * not ask less than {@code doGet}.
 *
 * <p>The standard {@code jakarta.annotation.security} annotations count the same way, without Hallpass depending
 * on them: {@code @PermitAll} as {@code @Public}, {@code @RolesAllowed} as {@code @RequireRole} ({@code "**"}
 * as {@code @Authenticated}), {@code @DenyAll} as a deny. Next to a Hallpass annotation on the same element they
 * must say the same, or the filter refuses to start.
 */
package io.hallpass.filter.annotation;
