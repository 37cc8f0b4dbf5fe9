package io.hallpass.realm;

/**
 * What {@link Realm#purge(int)} deleted.
 *
 * @param sessions      expired or revoked session rows
 * @param lockoutCounters lockout counters whose window and back-off had both passed
 * @param auditEvents   audit events older than the audit retention
 */
public record PurgeResult(int sessions, int lockoutCounters, int auditEvents) {

    public int total() {
        return sessions + lockoutCounters + auditEvents;
    }
}
