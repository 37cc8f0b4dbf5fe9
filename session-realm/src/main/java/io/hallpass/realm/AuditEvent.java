package io.hallpass.realm;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of the audit trail. It never holds a token or a password; sessions are named by public id.
 *
 * @param id              the row id
 * @param at              when it happened
 * @param type            what happened
 * @param accountId       the account concerned, or null (for example a failed login on an unknown username)
 * @param username        the account's username; for attempts on unknown usernames, a short keyed fingerprint
 *                        ({@code unknown:<hex>}, HMAC-SHA-256) so repeated attempts group without storing what
 *                        may be a password typed into the wrong field, nor a hash a dictionary reverses
 * @param sessionPublicId the session concerned, or null
 * @param ip              the client address, or null
 * @param detail          a short description (a reason, a role, who acted), or null
 */
public record AuditEvent(long id, Instant at, Type type, Long accountId, String username, String sessionPublicId,
                         String ip, String detail) {

    public AuditEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(type, "type");
    }

    /** The kinds of event the realm and the filter record. */
    public enum Type {
        LOGIN_SUCCEEDED,
        LOGIN_FAILED,
        LOGIN_LOCKED,
        SESSION_OPENED,
        SESSION_ROTATED,
        SESSION_REVOKED,
        SESSION_EXPIRED,
        REAUTHENTICATED,
        REAUTH_FAILED,
        ACCOUNT_CREATED,
        ACCOUNT_DISABLED,
        ACCOUNT_ENABLED,
        PASSWORD_CHANGED,
        ROLE_GRANTED,
        ROLE_REVOKED,
        NEW_DEVICE,
        RISK_SIGNAL,
        STEP_UP_REQUIRED
    }
}
