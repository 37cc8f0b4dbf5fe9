package io.hallpass.realm.jpa;

import io.hallpass.realm.RoleGrant;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * One entry of the {@link SessionCache}: what a decision about the session needs, as read by {@link SessionReader}
 * (the session row with its account's name and enabled flag, whether the key was the current or the previous token,
 * the account's grants with their expiries, the stored idle gap), and when it was loaded. Nothing is judged when it
 * is stored: every request judges it again at its own instant, so idle, absolute and grace ends and grant expiries
 * need no invalidation.
 */
final class CachedSession {

    /** The roles that count from {@code from} until {@code until} (null: until a grant changes). */
    private record Roles(Set<String> roles, Instant from, Instant until) {
    }

    final SessionStore.Lookup found;
    /** The cache's epoch read before the database read (see {@link SessionCache}). */
    final long loadedAt;
    /** The monotonic time read before the epoch. */
    final long loadedNanos;
    private volatile Roles roles;
    /**
     * The cache's count of published invalidations read before the last check that found this entry valid; -1 before
     * the first (see {@code SessionCache#invalidated}).
     */
    volatile long checkedAt = -1;

    CachedSession(SessionStore.Lookup found, long loadedAt, long loadedNanos) {
        this.found = found;
        this.loadedAt = loadedAt;
        this.loadedNanos = loadedNanos;
    }

    long accountId() {
        return found.session().accountId();
    }

    long sessionId() {
        return found.session().id();
    }

    /**
     * The roles that count at {@code now}: computed once and kept until the earliest grant expiry after it (a race
     * of two requests computes them twice, alike).
     */
    Set<String> rolesAt(Instant now) {
        Roles r = roles;
        if (r == null || now.isBefore(r.from()) || r.until() != null && !now.isBefore(r.until())) {
            Set<String> active = new HashSet<>();
            Instant until = null;
            for (RoleGrant g : found.grants()) {
                if (g.activeAt(now)) {
                    active.add(g.role());
                    if (g.expiresAt() != null && (until == null || g.expiresAt().isBefore(until))) {
                        until = g.expiresAt();
                    }
                }
            }
            r = new Roles(Set.copyOf(active), now, until);
            roles = r;
        }
        return r.roles();
    }
}
