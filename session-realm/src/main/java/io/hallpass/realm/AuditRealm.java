package io.hallpass.realm;

import java.util.List;

/**
 * The audit trail: what the filter's risk policy calls to record what it observed, and what administration pages
 * read.
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>The realm audits its own changes in the same transaction as the change, and logs each event to
 *       {@code System.getLogger("io.hallpass.audit")} only once that transaction has committed, so the log never
 *       tells of something that was rolled back.</li>
 *   <li>No audit row holds a token or a password. Control characters in what callers pass are replaced, so no one
 *       can forge log lines; free text is cut to its column.</li>
 * </ul>
 */
public interface AuditRealm {

    /**
     * Records an event observed outside the realm (for example by the filter's risk policy). Never pass a
     * token or a password in any argument.
     */
    void audit(AuditEvent.Type type, Long accountId, String sessionPublicId, String ip, String detail);

    /** The newest audit events, of one account or (with null) of all, newest first. */
    List<AuditEvent> auditTrail(Long accountId, int limit);

    /**
     * The newest audit events that match a query (account, types, since), newest first. Events of a type this
     * version does not know (written by a newer one) are left out.
     */
    List<AuditEvent> auditTrail(AuditQuery query);
}
