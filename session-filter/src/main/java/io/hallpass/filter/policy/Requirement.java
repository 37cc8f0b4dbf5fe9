package io.hallpass.filter.policy;

import io.hallpass.realm.RoleNames;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Who may make a request: anyone, any signed-in user, a signed-in user holding certain roles, or no one.
 *
 * <p>Requirements from different places (a rule and an annotation) combine with {@link #and}: both must
 * pass. {@link Deny} wins over everything, {@link Public} adds nothing, {@link Authenticated} is implied by
 * any role requirement, and two role requirements keep all of their any-of sets:
 * {@code role:a | role:b} and {@code role:c} is "one of a or b, and c", never the intersection of the sets.
 *
 * <pre>{@code
 * Requirement r = Requirement.and(new Requirement.Roles(List.of(Set.of("reporting", "admin"))),
 *                                 new Requirement.Roles(List.of(Set.of("eu"))));
 * // r.toString(): (role:reporting | role:admin) and role:eu
 * }</pre>
 */
public sealed interface Requirement {

    Public PUBLIC = new Public();
    Authenticated AUTHENTICATED = new Authenticated();
    Deny DENY = new Deny();

    /** Anyone, signed in or not. The session is not even looked up. */
    record Public() implements Requirement {
        @Override
        public String toString() {
            return "public";
        }
    }

    /** Any signed-in user with a live session, whatever the roles. */
    record Authenticated() implements Requirement {
        @Override
        public String toString() {
            return "authenticated";
        }
    }

    /**
     * A signed-in user who holds, for every set in {@code allOf}, at least one role of that set.
     *
     * @param allOf the any-of sets, all of which must be satisfied; none empty, every name valid
     *              ({@link RoleNames})
     */
    record Roles(List<Set<String>> allOf) implements Requirement {

        public Roles {
            Objects.requireNonNull(allOf, "allOf");
            if (allOf.isEmpty()) {
                throw new IllegalArgumentException("a role requirement needs at least one set of roles");
            }
            List<Set<String>> copy = new ArrayList<>(allOf.size());
            for (Set<String> anyOf : allOf) {
                if (anyOf == null || anyOf.isEmpty()) {
                    throw new IllegalArgumentException("a set of alternative roles must not be empty");
                }
                for (String role : anyOf) {
                    RoleNames.check(role);
                }
                Set<String> frozen = Collections.unmodifiableSet(new LinkedHashSet<>(anyOf));
                if (!copy.contains(frozen)) {
                    copy.add(frozen);
                }
            }
            allOf = Collections.unmodifiableList(copy);
        }

        /** A requirement of one role out of {@code anyOf}. */
        public static Roles anyOf(Set<String> anyOf) {
            return new Roles(List.of(anyOf));
        }

        /** Whether someone holding {@code roles} satisfies every any-of set. */
        public boolean satisfiedBy(Set<String> roles) {
            List<Set<String>> sets = allOf;
            for (int i = 0, n = sets.size(); i < n; i++) {
                if (!holdsAny(roles, sets.get(i))) {
                    return false;
                }
            }
            return true;
        }

        private static boolean holdsAny(Set<String> roles, Set<String> anyOf) {
            for (String role : anyOf) {
                if (roles.contains(role)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder();
            for (Set<String> anyOf : allOf) {
                if (out.length() > 0) {
                    out.append(" and ");
                }
                boolean group = allOf.size() > 1 && anyOf.size() > 1;
                if (group) {
                    out.append('(');
                }
                out.append("role:").append(String.join(" | role:", anyOf));
                if (group) {
                    out.append(')');
                }
            }
            return out.toString();
        }
    }

    /** No one. The session is not looked up. */
    record Deny() implements Requirement {
        @Override
        public String toString() {
            return "deny";
        }
    }

    /** Both requirements at once: the conjunction described on {@link Requirement}. */
    static Requirement and(Requirement a, Requirement b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (a instanceof Deny || b instanceof Deny) {
            return DENY;
        }
        if (a instanceof Public) {
            return b;
        }
        if (b instanceof Public) {
            return a;
        }
        if (a instanceof Authenticated) {
            return b;
        }
        if (b instanceof Authenticated) {
            return a;
        }
        Roles left = (Roles) a;
        Roles right = (Roles) b;
        List<Set<String>> both = new ArrayList<>(left.allOf());
        both.addAll(right.allOf());
        return new Roles(both);
    }
}
