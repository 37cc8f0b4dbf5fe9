package io.hallpass.realm.jpa;

import io.hallpass.realm.AuditEvent;
import io.hallpass.realm.ClientFacts;
import io.hallpass.realm.OpenedSession;
import io.hallpass.realm.RoleGrant;
import io.hallpass.realm.SessionView;
import io.hallpass.realm.jpa.Rows.AccountRow;
import io.hallpass.realm.jpa.Rows.SessionRow;
import io.hallpass.realm.jpa.SessionRules.State;
import io.hallpass.realm.token.TokenCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The only writer of {@code hp_session}: opens sessions, finds them by the hash of their current or previous token,
 * rotates, touches last-seen, marks expired ones and revokes; whether a row is live is {@link SessionRules}'s to
 * say. Every change is audited in the caller's transaction.
 */
final class SessionStore {

    /**
     * A session found by a token hash ({@link SessionReader}): the row, whether it was the previous token, and all of
     * the account's grants with their expiries (which of them count is judged at the instant of each request), and
     * the longest gap between activities since the last authentication as stored.
     */
    record Lookup(SessionRow session, boolean previous, List<RoleGrant> grants, Duration idleGap, ClientFacts client) {

        /**
         * The client facts are made once, here: a cached lookup is turned into a view on every request, and making
         * them checks every character of the user agent.
         */
        Lookup(SessionRow session, boolean previous, List<RoleGrant> grants, Duration idleGap) {
            this(session, previous, grants, idleGap, clientOf(session));
        }

        /** The same, with last-seen as this node knows it. */
        Lookup withLastSeen(Instant lastSeen) {
            return lastSeen.equals(session.lastSeenAt()) ? this
                    : new Lookup(lastSeen(session, lastSeen), previous, grants, idleGap, client);
        }
    }

    private final TokenCodec tokens;
    private final SessionRules rules;
    private final TouchWriter touches;

    /** @param touches this node's activity of sessions, which every judgement here counts too */
    SessionStore(TokenCodec tokens, SessionRules rules, TouchWriter touches) {
        this.tokens = tokens;
        this.rules = rules;
        this.touches = touches;
    }

    // ================================================================================================= reads

    /**
     * The session a token hash stands for, unjudged and without writing anything, read in this transaction by
     * {@link SessionReader}: found by its current token, else (when {@code allowPrevious}) by the one its last
     * rotation replaced.
     */
    Lookup find(Tx t, byte[] hash, boolean allowPrevious) {
        return t.db.doReturningWork(c -> SessionReader.find(c, hash, allowPrevious));
    }

    /**
     * The live session a token hash stands for, or null. An expired session met here is marked revoked (with the
     * reason {@code idle-expired} or {@code absolute-expired}) and audited once.
     */
    Lookup findLive(Tx t, byte[] hash, boolean allowPrevious) {
        Lookup found = find(t, hash, allowPrevious);
        return found != null && isLive(t, found.session(), found.previous()) ? found : null;
    }

    /** The row of {@link #findLive}, or null. */
    SessionRow liveRow(Tx t, byte[] hash, boolean allowPrevious) {
        Lookup found = findLive(t, hash, allowPrevious);
        return found == null ? null : found.session();
    }

    /** A session of an account by public id, or null: scoped to the account, so someone else's id finds nothing. */
    SessionRow ofAccount(Tx t, long accountId, String publicId) {
        return t.db.createSelectionQuery(Rows.SESSION_SELECT + "where s.accountId = :a and s.publicId = :p",
                        Object[].class)
                .setParameter("a", accountId).setParameter("p", publicId)
                .getResultList().stream().findFirst().map(SessionRow::of).orElse(null);
    }

    /** An account's live sessions, newest first. */
    List<SessionView> listLive(Tx t, long accountId) {
        List<SessionRow> live = new ArrayList<>(liveRows(t, accountId));
        if (live.isEmpty()) {
            return List.of();
        }
        Collections.reverse(live);
        Set<String> roles = Grants.activeRoles(t, accountId);
        return live.stream()
                .map(s -> rules.view(s, roles, s.lastSeenAt(), s.lastAuthenticatedAt(), clientOf(s), false,
                        SessionRules.longestIdle(Duration.ZERO, Duration.ZERO, s.lastSeenAt(), t.now)))
                .toList();
    }

    /**
     * The rows of an account's live sessions, oldest first (judged with this node's activity, not marked: nothing is
     * written).
     */
    List<SessionRow> liveRows(Tx t, long accountId) {
        return t.db.createSelectionQuery(Rows.SESSION_SELECT + "where s.accountId = :a"
                        + " and s.revokedAt is null order by s.createdAt, s.id", Object[].class)
                .setParameter("a", accountId).getResultList().stream().map(SessionRow::of)
                .filter(s -> rules.state(active(s), t.now, false) == State.LIVE).toList();
    }

    /**
     * The view of a session found by a token.
     *
     * @param roles        the roles of its grants that count now
     * @param lastActivity the last activity known on this node, from which the idle end is computed
     * @param longestIdle  see {@link SessionView#longestIdleSinceAuthentication()}
     */
    SessionView view(Lookup found, Set<String> roles, Instant lastActivity, Duration longestIdle) {
        SessionRow s = found.session();
        Instant authenticated = found.previous() ? s.prevAuthenticatedAt() : s.lastAuthenticatedAt();
        return rules.view(s, roles, lastActivity, authenticated, found.client(), found.previous(), longestIdle);
    }

    // ================================================================================================ writes

    /** Opens a session for an account (checked enabled by the caller) and hands out its only token. */
    OpenedSession open(Tx t, AccountRow account, ClientFacts facts, boolean newDevice, int failuresBefore) {
        String token = tokens.newToken();
        SessionEntity row = new SessionEntity();
        row.publicId = TokenCodec.newPublicId();
        row.tokenHash = tokens.hash(token);
        row.accountId = account.id();
        row.createdAt = t.now;
        row.lastSeenAt = t.now;
        row.absoluteExpiresAt = rules.absoluteExpiry(t.now);
        row.lastAuthenticatedAt = t.now;
        row.ip = facts.ip();
        row.userAgent = facts.userAgent();
        row.deviceId = Devices.fingerprint(facts.deviceId());
        row.newDevice = newDevice;
        row.failuresBeforeLogin = failuresBefore;
        long id = (Long) t.db.insert(row);
        t.audit(AuditEvent.Type.SESSION_OPENED, account.id(), account.username(), row.publicId, facts.ip(),
                newDevice ? "new device" : null);
        SessionRow s = new SessionRow(id, row.publicId, account.id(), account.username(), true, t.now, t.now,
                row.absoluteExpiresAt, t.now, facts.ip(), facts.userAgent(), row.deviceId, newDevice,
                failuresBefore, null, null, null);
        return new OpenedSession(token, rules.view(s, Grants.activeRoles(t, account.id()), t.now, t.now, facts,
                false, Duration.ZERO));
    }

    /**
     * Writes what the {@link TouchWriter} gathered in memory, in one JDBC batch on {@code c}: for each session,
     * last-seen moves forward to its last activity on this node (never back: another node may have written a later
     * one), and the longest idle gap grows to this node's, unless the session was re-authenticated since that gap
     * was measured (the stored stamp is no longer the one it was measured against). Revoked sessions are left alone.
     * (CASE rather than GREATEST: the same text on every database, with no cast of a bound timestamp.)
     */
    static void touch(java.sql.Connection c, List<TouchWriter.Touch> touches) throws java.sql.SQLException {
        try (java.sql.PreparedStatement s = c.prepareStatement("update hp_session set"
                + " last_seen_at = case when last_seen_at < ? then ? else last_seen_at end,"
                + " idle_gap_ms = case when last_authenticated_at = ? and coalesce(idle_gap_ms, 0) < ? then ?"
                + " else idle_gap_ms end"
                + " where public_id = ? and revoked_at is null")) {
            for (TouchWriter.Touch touch : touches) {
                java.time.LocalDateTime seen = SessionReader.utc(touch.lastSeen());
                s.setObject(1, seen);
                s.setObject(2, seen);
                s.setObject(3, SessionReader.utc(touch.authenticatedAt()));
                s.setLong(4, touch.idleGap().toMillis());
                s.setLong(5, touch.idleGap().toMillis());
                s.setString(6, touch.publicId());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /**
     * Gives a session a new token; null if another rotation won. The old one keeps working for the rotation grace,
     * with the authentication stamp it had.
     */
    OpenedSession rotate(Tx t, SessionRow session, byte[] oldHash) {
        return rotate(t, session, oldHash, null);
    }

    /**
     * Re-authentication: stamps now as the last authentication, records the client facts, and rotates; null if
     * another rotation won.
     */
    OpenedSession reauthenticate(Tx t, SessionRow session, byte[] oldHash, ClientFacts facts) {
        OpenedSession rotated = rotate(t, session, oldHash, facts);
        if (rotated != null) {
            // the idle gaps are measured since the last authentication: this is one
            t.db.createMutationQuery("update Session s set s.idleGapMs = 0 where s.id = :id")
                    .setParameter("id", session.id()).executeUpdate();
            t.audit(AuditEvent.Type.REAUTHENTICATED, session.accountId(), session.username(), session.publicId(),
                    facts.ip(), null);
        }
        return rotated;
    }

    /**
     * Gives a session a new token. The old one keeps working until now + rotation grace, with the authentication
     * stamp it had. With {@code stamp} non-null this is a re-authentication: last authenticated becomes now and the
     * client facts are replaced. Conditional on the old hash, so that of two concurrent rotations one wins.
     */
    private OpenedSession rotate(Tx t, SessionRow s, byte[] oldHash, ClientFacts stamp) {
        String token = tokens.newToken();
        Instant authenticated = stamp == null ? s.lastAuthenticatedAt() : t.now;
        ClientFacts facts = stamp == null ? clientOf(s) : stamp;
        int updated = t.db.createMutationQuery("update Session s set s.tokenHash = :new, s.prevTokenHash = :old,"
                        + " s.prevValidUntil = :until, s.prevAuthenticatedAt = :prevAuth,"
                        + " s.lastAuthenticatedAt = :auth, s.lastSeenAt = :now, s.ip = :ip, s.userAgent = :ua,"
                        + " s.deviceId = :device where s.id = :id and s.tokenHash = :old and s.revokedAt is null")
                .setParameter("new", tokens.hash(token)).setParameter("old", oldHash)
                .setParameter("until", rules.graceEnd(t.now))
                .setParameter("prevAuth", s.lastAuthenticatedAt()).setParameter("auth", authenticated)
                .setParameter("now", t.now).setParameter("ip", facts.ip()).setParameter("ua", facts.userAgent())
                .setParameter("device", stamp == null ? s.deviceId() : Devices.fingerprint(stamp.deviceId()))
                .setParameter("id", s.id())
                .executeUpdate();
        if (updated != 1) {
            return null;
        }
        t.sessionsChanged(SessionChange.ofSession(s, stamp == null ? "rotated" : "reauthenticated"));
        t.audit(AuditEvent.Type.SESSION_ROTATED, s.accountId(), s.username(), s.publicId(), facts.ip(),
                stamp == null ? null : "re-authenticated");
        Duration longestIdle = stamp != null ? Duration.ZERO
                : SessionRules.longestIdle(Duration.ZERO, Duration.ZERO, s.lastSeenAt(), t.now);
        return new OpenedSession(token, rules.view(s, Grants.activeRoles(t, s.accountId()), t.now, authenticated,
                facts, false, longestIdle));
    }

    /**
     * Gives a live session a new token and no grace: the token it had, and one still inside the grace of its last
     * rotation, stop at once (a password change: either may be what the change is meant to lock out). The holder
     * has just proved the password, so last authenticated becomes now. Null if it was revoked meanwhile.
     */
    OpenedSession rekey(Tx t, SessionRow s, String cause) {
        String token = tokens.newToken();
        int updated = t.db.createMutationQuery("update Session s set s.tokenHash = :new, s.prevTokenHash = null,"
                        + " s.prevValidUntil = null, s.prevAuthenticatedAt = null, s.lastAuthenticatedAt = :now,"
                        + " s.lastSeenAt = :now where s.id = :id and s.revokedAt is null")
                .setParameter("new", tokens.hash(token)).setParameter("now", t.now).setParameter("id", s.id())
                .executeUpdate();
        if (updated != 1) {
            return null;
        }
        t.sessionsChanged(SessionChange.ofSession(s, cause));
        t.audit(AuditEvent.Type.SESSION_ROTATED, s.accountId(), s.username(), s.publicId(), null,
                cause + "; earlier tokens end at once");
        return new OpenedSession(token, rules.view(s, Grants.activeRoles(t, s.accountId()), t.now, t.now, clientOf(s),
                false, Duration.ZERO));
    }

    /**
     * Whether a session is live at {@code t.now}; one that has expired is marked revoked (with the reason
     * {@code idle-expired} or {@code absolute-expired}) and audited, once.
     */
    boolean isLive(Tx t, SessionRow s, boolean previous) {
        State state = rules.state(active(s), t.now, previous);
        if (state.expired() && markRevoked(t, s, state.expiryReason())) {
            t.sessionsChanged(SessionChange.ofSession(s, state.expiryReason()));
            t.audit(AuditEvent.Type.SESSION_EXPIRED, s.accountId(), s.username(), s.publicId(), null,
                    state.expiryReason());
        }
        return state == State.LIVE;
    }

    /** Revokes a live session and audits it; false if it was revoked meanwhile. */
    boolean revoke(Tx t, SessionRow s, String reason) {
        if (!markRevoked(t, s, reason)) {
            return false;
        }
        t.sessionsChanged(SessionChange.ofSession(s, reason));
        t.audit(AuditEvent.Type.SESSION_REVOKED, s.accountId(), s.username(), s.publicId(), null, reason);
        return true;
    }

    /**
     * Revokes every unrevoked session of an account but {@code keepPublicId} (may be null), auditing each that was
     * still live, and answers how many that were. The change is told for the whole account when none is kept, else
     * for each session revoked.
     */
    int revokeAll(Tx t, long accountId, String keepPublicId, String reason) {
        List<SessionRow> open = t.db.createSelectionQuery(Rows.SESSION_SELECT
                        + "where s.accountId = :a and s.revokedAt is null", Object[].class)
                .setParameter("a", accountId).getResultList().stream().map(SessionRow::of)
                .filter(s -> !s.publicId().equals(keepPublicId)).toList();
        int live = 0;
        for (SessionRow s : open) {
            // judged as if the account were enabled: it may have been disabled a moment ago in this transaction
            boolean wasLive = rules.state(asEnabled(s), t.now, false) == State.LIVE;
            String why = wasLive ? reason : "expired";
            if (!markRevoked(t, s, why)) {
                continue;
            }
            t.sessionsChanged(keepPublicId == null ? SessionChange.ofAccount(accountId, reason)
                    : SessionChange.ofSession(s, why));
            if (wasLive) {
                live++;
                t.audit(AuditEvent.Type.SESSION_REVOKED, s.accountId(), s.username(), s.publicId(), null, reason);
            }
        }
        return live;
    }

    /**
     * Deletes one batch of sessions that are revoked or, by {@link SessionRules}, expired. The idle cut-off is moved
     * back by {@link TouchWriter#maxLateness()}: a session whose stored last-seen looks idle may still be in use on
     * a node whose activity has not reached the database yet (with sticky sessions, that node judges it by its own
     * activity and keeps it alive), and deleting its row would end it there.
     */
    Purge.Batch deleteAged(Tx t, int batchSize) {
        return Purge.deleteFound(t, t.db.createSelectionQuery("select s.id from Session s where s.revokedAt is not null"
                        + " or s.absoluteExpiresAt <= :now or s.lastSeenAt <= :idle or s.createdAt <= :absolute",
                        Object.class).setParameter("now", t.now).setParameter("idle", rules.idleCutoff(t.now).minus(touches.maxLateness()))
                        .setParameter("absolute", rules.openedCutoff(t.now)),
                "delete from Session s where s.id in (:ids)", batchSize);
    }

    // ============================================================================================== helpers

    private static boolean markRevoked(Tx t, SessionRow s, String reason) {
        return t.db.createMutationQuery("update Session s set s.revokedAt = :now, s.revokedReason = :reason"
                        + " where s.id = :id and s.revokedAt is null")
                .setParameter("now", t.now).setParameter("reason", reason).setParameter("id", s.id())
                .executeUpdate() == 1;
    }

    /** The row as this node judges it: last-seen is its last activity here, if that is later than the stored one. */
    private SessionRow active(SessionRow s) {
        return lastSeen(s, touches.seen(s).lastActivity());
    }

    /** The row with another last-seen. */
    static SessionRow lastSeen(SessionRow s, Instant lastSeen) {
        return lastSeen.equals(s.lastSeenAt()) ? s : new SessionRow(s.id(), s.publicId(), s.accountId(),
                s.username(), s.enabled(), s.createdAt(), lastSeen, s.absoluteExpiresAt(), s.lastAuthenticatedAt(),
                s.ip(), s.userAgent(), s.deviceId(), s.newDevice(), s.failuresBeforeLogin(), s.prevValidUntil(),
                s.prevAuthenticatedAt(), s.revokedAt());
    }

    private static SessionRow asEnabled(SessionRow s) {
        return new SessionRow(s.id(), s.publicId(), s.accountId(), s.username(), true, s.createdAt(), s.lastSeenAt(),
                s.absoluteExpiresAt(), s.lastAuthenticatedAt(), s.ip(), s.userAgent(), s.deviceId(), s.newDevice(),
                s.failuresBeforeLogin(), s.prevValidUntil(), s.prevAuthenticatedAt(), s.revokedAt());
    }

    private static ClientFacts clientOf(SessionRow s) {
        return new ClientFacts(s.ip(), s.userAgent(), s.deviceId());
    }
}
