/**
 * Annotations that servlet classes and their {@code doXxx} methods use to state who may call them.
 *
 * <p>The filter finds them at start-up from the servlet registrations of the context, and compiles them into
 * the same immutable policy as the rules from {@code web.xml}. A request that both a rule and an annotation
 * apply to must satisfy both. A method's annotation replaces its class's annotation of the same kind
 * ({@link io.hallpass.filter.annotation.Public}, {@link io.hallpass.filter.annotation.Authenticated} and
 * {@link io.hallpass.filter.annotation.RequireRole} are one kind; {@link io.hallpass.filter.annotation.Sensitive}
 * is another). {@code doHead} falls back to {@code doGet}'s annotations, as {@code HttpServlet} does.
 */
package io.hallpass.filter.annotation;
