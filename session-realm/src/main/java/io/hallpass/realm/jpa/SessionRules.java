package io.hallpass.realm.jpa;

import io.hallpass.realm.ClientFacts;
import io.hallpass.realm.RealmSettings;
import io.hallpass.realm.RoleGrant;
import io.hallpass.realm.SessionView;
import io.hallpass.realm.jpa.Rows.SessionRow;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules that say whether a session row stands for a live session at an instant, when it ends, and which of
 * its account's grants count. Pure: no I/O and no clock of its own, every judgement takes {@code now}. So the
 * database path and a cache in front of it judge a session alike, and the rules are tested on their own with
 * fixed instants ({@code SessionRulesTest}).
 */
final class SessionRules {

    /** Why a session row does or does not stand for a live session at an instant. */
    enum State {
        LIVE, REVOKED, IDLE_EXPIRED, ABSOLUTE_EXPIRED, ACCOUNT_DISABLED, GRACE_OVER;

        /** Whether the session ran out of time, so that the first to notice marks it revoked. */
        boolean expired() {
            return this == IDLE_EXPIRED || this == ABSOLUTE_EXPIRED;
        }

        /** The revocation reason stored for an expired session. */
        String expiryReason() {
            return this == IDLE_EXPIRED ? "idle-expired" : "absolute-expired";
        }
    }

    /**
     * {@link RoleGrant#activeAt(Instant)} in JPQL, for a grant {@code g} at {@code :now}: the queries that only need
     * an account's active roles filter with it, {@link #activeRoles} filters in Java; a test shows both agree at the
     * boundaries.
     */
    static final String ACTIVE_GRANT = "(g.expiresAt is null or g.expiresAt > :now)";

    private final Duration idleTimeout;
    private final Duration absoluteTimeout;
    private final Duration touchInterval;
    private final Duration rotationGrace;

    SessionRules(Duration idleTimeout, Duration absoluteTimeout, Duration touchInterval, Duration rotationGrace) {
        this.idleTimeout = idleTimeout;
        this.absoluteTimeout = absoluteTimeout;
        this.touchInterval = touchInterval;
        this.rotationGrace = rotationGrace;
    }

    static SessionRules of(RealmSettings settings) {
        return new SessionRules(settings.idleTimeout(), settings.absoluteTimeout(), settings.touchInterval(),
                settings.rotationGrace());
    }

    /**
     * Judges a session at {@code now}, in this order: revoked, past its absolute end, past its idle end, its account
     * disabled, and (when it was found by the token replaced at its last rotation) past that token's grace.
     */
    State state(SessionRow s, Instant now, boolean byPreviousToken) {
        return state(s, s.lastSeenAt(), now, byPreviousToken);
    }

    /** The same, with last-seen as this node knows it instead of as the row stores it (no copy of the row). */
    State state(SessionRow s, Instant lastSeen, Instant now, boolean byPreviousToken) {
        if (s.revokedAt() != null) {
            return State.REVOKED;
        }
        Instant absoluteEnd = absoluteEnd(s.createdAt(), s.absoluteExpiresAt());
        if (!now.isBefore(absoluteEnd)) {
            return State.ABSOLUTE_EXPIRED;
        }
        if (!now.isBefore(idleEnd(lastSeen, absoluteEnd))) {
            return State.IDLE_EXPIRED;
        }
        if (!s.enabled()) {
            return State.ACCOUNT_DISABLED;
        }
        if (byPreviousToken && (s.prevValidUntil() == null || !now.isBefore(s.prevValidUntil()))) {
            return State.GRACE_OVER;
        }
        return State.LIVE;
    }

    /**
     * The end of a session's life: the stored absolute expiry, or its creation plus the configured absolute
     * timeout if that is earlier (so that a shortened configuration applies to existing sessions at once).
     */
    Instant absoluteEnd(Instant createdAt, Instant storedAbsoluteExpiry) {
        Instant configured = createdAt.plus(absoluteTimeout);
        return configured.isBefore(storedAbsoluteExpiry) ? configured : storedAbsoluteExpiry;
    }

    /** When a session last seen at {@code lastSeen} ends unless used again: never past its absolute end. */
    Instant idleEnd(Instant lastSeen, Instant absoluteEnd) {
        Instant idle = lastSeen.plus(idleTimeout);
        return idle.isBefore(absoluteEnd) ? idle : absoluteEnd;
    }

    /** The absolute expiry stored for a session opened at {@code openedAt}. */
    Instant absoluteExpiry(Instant openedAt) {
        return openedAt.plus(absoluteTimeout);
    }

    /** Until when the token replaced by a rotation at {@code rotatedAt} keeps working. */
    Instant graceEnd(Instant rotatedAt) {
        return rotatedAt.plus(rotationGrace);
    }

    /**
     * The idle rule as a cut-off, for the purge's query: a session last seen at or before it is idle-expired at
     * {@code now}.
     */
    Instant idleCutoff(Instant now) {
        return now.minus(idleTimeout);
    }

    /**
     * The configured absolute timeout as a cut-off, for the purge's query: a session opened at or before it is
     * absolute-expired at {@code now}, whatever its stored expiry.
     */
    Instant openedCutoff(Instant now) {
        return now.minus(absoluteTimeout);
    }

    /** Whether last-seen, stored as {@code lastSeen}, is due to be written again at {@code now}. */
    boolean touchDue(Instant lastSeen, Instant now) {
        return Duration.between(lastSeen, now).compareTo(touchInterval) >= 0;
    }

    /** The roles of the grants that count at {@code now} (see {@link RoleGrant#activeAt(Instant)}). */
    static Set<String> activeRoles(Collection<RoleGrant> grants, Instant now) {
        return grants.stream().filter(g -> g.activeAt(now)).map(RoleGrant::role).collect(Collectors.toSet());
    }

    /**
     * What a session looks like to its caller.
     *
     * @param lastSeenAfter  last-seen after any touch of this request, from which the idle end is computed (the view
     *                       itself shows last-seen as stored before it)
     * @param authenticated  the authentication stamp of the token that found it
     * @param byPreviousToken whether it was found by the token replaced at its last rotation
     * @param longestIdle    the longest time left unattended since the last authentication (see
     *                       {@link SessionView#longestIdleSinceAuthentication()})
     */
    SessionView view(SessionRow s, Set<String> roles, Instant lastSeenAfter, Instant authenticated,
                     ClientFacts client, boolean byPreviousToken, Duration longestIdle) {
        Instant absolute = absoluteEnd(s.createdAt(), s.absoluteExpiresAt());
        return new SessionView(s.publicId(), s.accountId(), s.username(), roles, s.createdAt(), s.lastSeenAt(),
                authenticated, idleEnd(lastSeenAfter, absolute), absolute, client, s.newDevice(),
                s.failuresBeforeLogin(), byPreviousToken, longestIdle);
    }

    /** A view after an activity at {@code now}: the idle end slides to now plus the idle timeout. */
    SessionView activeAt(SessionView v, Instant now) {
        return new SessionView(v.publicId(), v.accountId(), v.username(), v.roles(), v.createdAt(), v.lastSeenAt(),
                v.lastAuthenticatedAt(), idleEnd(now, v.absoluteExpiresAt()), v.absoluteExpiresAt(), v.client(),
                v.newDevice(), v.failuresBeforeLogin(), v.previousToken(), v.longestIdleSinceAuthentication());
    }

    /**
     * The longest time a session was left unattended since its last authentication, at {@code now}: the stored
     * longest gap, this node's own longest gap, and the gap since the last activity known here.
     */
    static Duration longestIdle(Duration stored, Duration local, Instant lastActivity, Instant now) {
        Duration current = lastActivity.isBefore(now) ? Duration.between(lastActivity, now) : Duration.ZERO;
        Duration longest = stored.compareTo(local) >= 0 ? stored : local;
        return longest.compareTo(current) >= 0 ? longest : current;
    }
}
