/**
 * The access policy: rules and servlet annotations, compiled once at filter start-up into one immutable
 * {@link io.hallpass.filter.policy.Policy}.
 *
 * <p>How the pieces fit:
 * <ul>
 *   <li>{@link io.hallpass.filter.policy.RuleSource} carries rule text and where it came from;
 *       {@link io.hallpass.filter.policy.ServletInfo} describes each servlet of the context (name, class,
 *       mappings); {@link io.hallpass.filter.policy.PolicySettings} says what to do with unmatched requests
 *       and how long a bare {@code reauth} window is.</li>
 *   <li>{@link io.hallpass.filter.policy.Policy#compile} reads the rules (package-private {@code RuleParser},
 *       {@code UrlPattern}), reads the annotations ({@code AnnotationReader}), refuses anything invalid,
 *       ambiguous or conflicting with a {@link io.hallpass.filter.policy.PolicyException} that names the line
 *       or the class and method, and precomputes the answer for every pattern, method and annotated servlet.
 *       Servlet url-pattern precedence has one home, {@code PatternIndex}, used for rules and, in the report,
 *       for the servlets' own mappings.</li>
 *   <li>{@link io.hallpass.filter.policy.Policy#report} is the effective-policy report as data
 *       ({@link io.hallpass.filter.policy.PolicyReport}: every servlet mapping, what each method needs there
 *       and where each part came from, and the gaps), built by {@code ReportBuilder} from the compiled
 *       policy's own lookups; {@link io.hallpass.filter.policy.Policy#describe} is the same report as the
 *       lines the filter logs ({@code ReportLog}).</li>
 *   <li>{@link io.hallpass.filter.policy.Policy#lookup} answers a request with a
 *       {@link io.hallpass.filter.policy.Permission}: a {@link io.hallpass.filter.policy.Requirement}
 *       ({@code Public}, {@code Authenticated}, {@code Roles}, {@code Deny}), the re-authentication and idle
 *       windows, the allowed methods (for a 405) and the source, for logs. It allocates nothing.</li>
 *   <li>The {@linkplain io.hallpass.filter.decision decision package} turns a permission and the session into
 *       what the filter does.</li>
 * </ul>
 *
 * <p>Design choices, each a lesson from another library's bug list: servlet url-pattern syntax and
 * precedence rather than a second glob dialect; declaration order never matters (no first-match-wins); a
 * method a path's rules do not name is refused with 405 rather than falling back to a broader pattern;
 * patterns that could never match a firewalled path are errors, not dead rules; unmatched requests are denied
 * by default; rule and annotation must both pass; HEAD never asks less than GET, whose answer it reveals. The
 * standard {@code jakarta.annotation.security} annotations are read by name, never linked against.
 * {@link io.hallpass.filter.policy.Durations} is shared with the filter's configuration, so that a duration
 * means the same thing everywhere.
 *
 * <p>The user-facing description of the rule syntax is {@code session-filter/docs/policy.md}.
 */
package io.hallpass.filter.policy;
