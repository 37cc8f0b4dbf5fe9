package io.hallpass.realm;

/**
 * What {@link Realm#purge(int)} deleted.
 *
 * @param sessions      expired or revoked session rows
 * @param throttleCounts sign-in throttle rows (of a client, or of an account) that had not failed for the
 *                        cool-down and held no wait
 * @param auditEvents   audit events older than the audit retention
 */
public record PurgeResult(int sessions, int throttleCounts, int auditEvents) {

    public int total() {
        return sessions + throttleCounts + auditEvents;
    }
}
