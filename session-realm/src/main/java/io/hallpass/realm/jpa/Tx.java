package io.hallpass.realm.jpa;

import io.hallpass.realm.AuditEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.StatelessSession;

/**
 * One running transaction: the stateless Hibernate session it runs in, the instant the whole operation is judged
 * at, and the audit rows it wrote (logged only once the transaction has committed, so that the log never tells of
 * something that was rolled back).
 */
final class Tx {

    final StatelessSession db;
    final Instant now;
    final List<AuditEventEntity> audited = new ArrayList<>(2);

    Tx(StatelessSession db, Instant now) {
        this.db = db;
        this.now = now;
    }

    /** Inserts an audit row in this transaction (see {@link AuditLog}). Never pass a token or a password. */
    void audit(AuditEvent.Type type, Long accountId, String username, String sessionPublicId, String ip,
               String detail) {
        audited.add(AuditLog.insert(this, type, accountId, username, sessionPublicId, ip, detail));
    }
}
