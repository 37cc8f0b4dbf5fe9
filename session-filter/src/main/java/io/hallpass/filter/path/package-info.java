/**
 * The request path: first refused if it is ambiguous, then taken as the container split it.
 *
 * <p>Two pieces, used in this order by the filter on every dispatch it checks:
 * <ol>
 *   <li>{@link io.hallpass.filter.path.Firewall} looks at the raw request URI and at the container's decoded
 *       servlet path and path info, and refuses (400) any request whose target could be read two ways:
 *       encoded separators, dot segments, {@code //}, path parameters, controls, bad percent-encoding or
 *       UTF-8, non-standard methods. It never repairs a path.</li>
 *   <li>{@link io.hallpass.filter.path.RequestPath} joins the servlet path and path info into the one string
 *       the {@linkplain io.hallpass.filter.policy.Policy policy} matches rules on. Because the firewall has
 *       already refused anything the container might have normalised, this is the same path the container
 *       used to pick the servlet; nothing here decodes the request URI by hand.</li>
 * </ol>
 * Both are pure and allocate next to nothing; neither logs (the filter logs the firewall's fixed reason,
 * never the URI, which is attacker-controlled).
 */
package io.hallpass.filter.path;
