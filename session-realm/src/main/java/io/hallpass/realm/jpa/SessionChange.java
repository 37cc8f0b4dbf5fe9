package io.hallpass.realm.jpa;

import io.hallpass.realm.jpa.Rows.SessionRow;

/**
 * A committed change that a cached session must see: to one session (revoked, expired, rotated, re-stamped), or,
 * with {@code sessionId} null, to every session of an account (disabled or enabled, a role granted or revoked, all
 * its sessions revoked). Holds ids only, never a token.
 *
 * @param accountId the account whose session(s) changed
 * @param sessionId the session's row id, or null for every session of the account
 * @param cause     a short word for logs: the revocation reason, {@code rotated}, {@code role-granted}, ...
 */
record SessionChange(long accountId, Long sessionId, String cause) {

    static SessionChange ofSession(SessionRow session, String cause) {
        return new SessionChange(session.accountId(), session.id(), cause);
    }

    static SessionChange ofAccount(long accountId, String cause) {
        return new SessionChange(accountId, null, cause);
    }
}
