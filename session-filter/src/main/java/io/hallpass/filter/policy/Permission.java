package io.hallpass.filter.policy;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * What the policy demands of one request: the answer of {@link Policy#lookup}, precomputed at compile time
 * so that a lookup allocates nothing.
 *
 * <pre>{@code
 * Permission p = policy.lookup("POST", "/account/payout", "payout");
 * p.requirement();   // role:customer
 * p.reauthWithin();  // PT2M: the last password proof must be at most 2 minutes old
 * p.source();        // rule line 5 + @Sensitive on PayoutServlet.doPost
 * }</pre>
 *
 * @param requirement    who may make the request
 * @param reauthWithin   how recent the session's last full authentication must be, or null for no limit
 * @param idleWithin     how long the session may have been idle, or null for the application's idle timeout
 * @param allowedMethods the methods the matched rules cover (all methods where no rule matched); the
 *                       {@code Allow} header of a 405
 * @param source         where the permission came from, for logs: {@code rule line 3},
 *                       {@code @RequireRole on ReportsServlet}, {@code rule line 3 + @Sensitive on X.doPost},
 *                       {@code unmatched}
 * @param methodAllowed  false when the path's rules do not name the request's method: answer 405 with
 *                       {@code allowedMethods}; the requirement is then {@link Requirement.Deny}
 */
public record Permission(Requirement requirement, Duration reauthWithin, Duration idleWithin,
                         Set<String> allowedMethods, String source, boolean methodAllowed) {

    private static final Permission UNMATCHED_DENIED =
            new Permission(Requirement.DENY, null, null, Methods.ALL_SET, "unmatched");
    private static final Permission UNMATCHED_PUBLIC =
            new Permission(Requirement.PUBLIC, null, null, Methods.ALL_SET, "unmatched");

    public Permission {
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(source, "source");
        allowedMethods = Methods.ordered(Objects.requireNonNull(allowedMethods, "allowedMethods"));
        checkWindow(reauthWithin, "reauthWithin");
        checkWindow(idleWithin, "idleWithin");
        if ((requirement instanceof Requirement.Public || requirement instanceof Requirement.Deny)
                && (reauthWithin != null || idleWithin != null)) {
            throw new IllegalArgumentException("a " + requirement + " permission cannot carry session windows");
        }
        if (!methodAllowed && !(requirement instanceof Requirement.Deny)) {
            throw new IllegalArgumentException("a method-not-allowed permission must deny");
        }
    }

    /** A permission for an allowed method. */
    public Permission(Requirement requirement, Duration reauthWithin, Duration idleWithin,
                      Set<String> allowedMethods, String source) {
        this(requirement, reauthWithin, idleWithin, allowedMethods, source, true);
    }

    /** The path has rules, none of which names the request's method: 405 with an {@code Allow} header. */
    public static Permission methodNotAllowed(Set<String> allowedMethods, String source) {
        return new Permission(Requirement.DENY, null, null, allowedMethods, source, false);
    }

    /** Neither a rule nor an annotation applies: denied, or public when the policy lets unmatched through. */
    public static Permission unmatched(boolean deny) {
        return deny ? UNMATCHED_DENIED : UNMATCHED_PUBLIC;
    }

    /**
     * Both permissions at once: requirements {@linkplain Requirement#and conjoined}, the shorter of each
     * window, the methods of {@code this} (the rule side), and both sources.
     */
    Permission and(Permission other) {
        Requirement both = Requirement.and(requirement, other.requirement);
        boolean deny = both instanceof Requirement.Deny;
        return new Permission(both,
                deny ? null : shorter(reauthWithin, other.reauthWithin),
                deny ? null : shorter(idleWithin, other.idleWithin),
                allowedMethods, source + " + " + other.source, methodAllowed && other.methodAllowed);
    }

    /**
     * Whether everyone who passes {@code strict} also passes {@code loose}: a method that is not allowed (405)
     * and {@code deny} pass no one, every requirement {@linkplain #implies implies} its own weaker forms, and a
     * window is at least as strict when it exists and is no longer. Used to refuse a HEAD that asks less than
     * the GET whose answer it reveals.
     */
    static boolean atLeastAsStrict(Permission strict, Permission loose) {
        if (!strict.methodAllowed || strict.requirement instanceof Requirement.Deny) {
            return true;
        }
        if (!loose.methodAllowed) {
            return false;
        }
        return implies(strict.requirement, loose.requirement)
                && noLonger(strict.reauthWithin, loose.reauthWithin)
                && noLonger(strict.idleWithin, loose.idleWithin);
    }

    /**
     * Whether every session that satisfies {@code a} satisfies {@code b}. For two role requirements this holds
     * exactly when each any-of set of {@code b} contains a whole any-of set of {@code a}: otherwise one role from
     * each set of {@code a} outside that set of {@code b} satisfies {@code a} and not {@code b}.
     */
    static boolean implies(Requirement a, Requirement b) {
        if (a instanceof Requirement.Deny || b instanceof Requirement.Public) {
            return true;
        }
        if (a instanceof Requirement.Public || b instanceof Requirement.Deny) {
            return false;
        }
        if (b instanceof Requirement.Authenticated) {
            return true;
        }
        if (!(a instanceof Requirement.Roles ra)) {
            return false; // authenticated does not imply a role
        }
        for (Set<String> needed : ((Requirement.Roles) b).allOf()) {
            boolean covered = false;
            for (Set<String> held : ra.allOf()) {
                covered |= needed.containsAll(held);
            }
            if (!covered) {
                return false;
            }
        }
        return true;
    }

    /** A window no longer than {@code loose}'s, where {@code loose} has one. */
    private static boolean noLonger(Duration strict, Duration loose) {
        return loose == null || (strict != null && strict.compareTo(loose) <= 0);
    }

    private static Duration shorter(Duration a, Duration b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void checkWindow(Duration window, String name) {
        if (window != null && (window.isZero() || window.isNegative())) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    /** The permission the way the effective-policy report writes it: {@code role:admin, reauth:2m}. */
    String summary() {
        if (!methodAllowed) {
            return "405 (allowed: " + String.join(", ", allowedMethods) + ")";
        }
        StringBuilder out = new StringBuilder(requirement.toString());
        if (reauthWithin != null) {
            out.append(", reauth:").append(Durations.format(reauthWithin));
        }
        if (idleWithin != null) {
            out.append(", idle:").append(Durations.format(idleWithin));
        }
        return out.toString();
    }

    /** Whether no rule and no annotation applied (the permission then follows the deny-unmatched setting). */
    public boolean isUnmatched() {
        return "unmatched".equals(source);
    }
}
