package io.hallpass.realm.jpa;

import io.hallpass.realm.RoleGrant;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The only writer of {@code hp_role_grant}. Which grants count at an instant is {@link SessionRules}'s to say:
 * the queries here that answer active roles filter with {@link SessionRules#ACTIVE_GRANT}.
 */
final class Grants {

    private Grants() {
    }

    /** The roles of an account's grants that count now. */
    static Set<String> activeRoles(Tx t, long accountId) {
        return new HashSet<>(t.db.createSelectionQuery("select g.role from RoleGrant g where g.accountId = :a"
                        + " and " + SessionRules.ACTIVE_GRANT, String.class)
                .setParameter("a", accountId).setParameter("now", t.now).getResultList());
    }

    /** The roles that count now, of every account that has any. */
    static Map<Long, Set<String>> activeRolesByAccount(Tx t) {
        Map<Long, Set<String>> roles = new HashMap<>();
        for (Object[] c : t.db.createSelectionQuery("select g.accountId, g.role from RoleGrant g"
                        + " where " + SessionRules.ACTIVE_GRANT, Object[].class)
                .setParameter("now", t.now).getResultList()) {
            roles.computeIfAbsent((Long) c[0], k -> new HashSet<>()).add((String) c[1]);
        }
        return roles;
    }

    /** An account's grants with their expiries, expired ones included, by role name. */
    static List<RoleGrant> of(Tx t, long accountId) {
        return t.db.createSelectionQuery("select g.role, g.grantedAt, g.expiresAt, g.grantedBy"
                        + " from RoleGrant g where g.accountId = :a order by g.role", Object[].class)
                .setParameter("a", accountId).getResultList().stream()
                .map(c -> new RoleGrant((String) c[0], (Instant) c[1], (Instant) c[2], (String) c[3]))
                .toList();
    }

    /** Grants a role now, replacing an earlier grant of the same role. */
    static void grant(Tx t, long accountId, String role, Instant until, String by) {
        int updated = t.db.createMutationQuery("update RoleGrant g set g.grantedAt = :now, g.expiresAt = :until,"
                        + " g.grantedBy = :by where g.accountId = :a and g.role = :role")
                .setParameter("now", t.now).setParameter("until", until).setParameter("by", by)
                .setParameter("a", accountId).setParameter("role", role).executeUpdate();
        if (updated == 0) {
            RoleGrantEntity grant = new RoleGrantEntity();
            grant.accountId = accountId;
            grant.role = role;
            grant.grantedAt = t.now;
            grant.expiresAt = until;
            grant.grantedBy = by;
            t.db.insert(grant); // a concurrent grant of the same role wins the unique key; retried as update
        }
        t.sessionsChanged(SessionChange.ofAccount(accountId, "role-granted"));
    }

    /** Deletes a grant; false if the account did not hold it. */
    static boolean revoke(Tx t, long accountId, String role) {
        boolean held = t.db.createMutationQuery("delete from RoleGrant g where g.accountId = :a and g.role = :role")
                .setParameter("a", accountId).setParameter("role", role).executeUpdate() > 0;
        if (held) {
            t.sessionsChanged(SessionChange.ofAccount(accountId, "role-revoked"));
        }
        return held;
    }
}
