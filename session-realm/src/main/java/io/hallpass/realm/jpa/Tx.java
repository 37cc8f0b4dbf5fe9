package io.hallpass.realm.jpa;

import io.hallpass.realm.AuditEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.StatelessSession;

/**
 * One running transaction: the stateless Hibernate session it runs in, the instant the whole operation is judged
 * at, and what is to happen only once it has committed: the audit rows it wrote are logged, then its after-commit
 * actions run ({@link Transactions} does both, never after a rollback, and a retried attempt starts with a new
 * {@code Tx}). So no log line and no listener ever tells of something that was rolled back.
 */
final class Tx {

    final StatelessSession db;
    final Instant now;
    final List<AuditEventEntity> audited = new ArrayList<>(2);
    final List<Runnable> afterCommit = new ArrayList<>(2);
    private final SessionChangeListener listener;
    final List<Runnable> beforeCommit = new ArrayList<>(1);
    private final Set<SessionChange> changed = new LinkedHashSet<>(2);

    Tx(StatelessSession db, Instant now, SessionChangeListener listener) {
        this.db = db;
        this.now = now;
        this.listener = listener;
    }

    /** Inserts an audit row in this transaction (see {@link AuditLog}). Never pass a token or a password. */
    void audit(AuditEvent.Type type, Long accountId, String username, String sessionPublicId, String ip,
               String detail) {
        audited.add(AuditLog.insert(this, type, accountId, username, sessionPublicId, ip, detail));
    }

    /**
     * Runs {@code action} once this transaction has committed, after its audit rows are logged; never if it rolls
     * back. An exception it throws is logged: the change stands.
     */
    void afterCommit(Runnable action) {
        afterCommit.add(action);
    }

    /**
     * Runs {@code action} at the end of this transaction's work, just before it commits, in the order given; the
     * change log is written after every such action (see {@link #beforeCommit()}).
     */
    void beforeCommit(Runnable action) {
        beforeCommit.add(action);
    }

    /**
     * The before-commit phase, which {@link Transactions} runs last inside the transaction: the actions given to
     * {@link #beforeCommit(Runnable)}, then, last of all, the changes told to {@link #sessionsChanged} are appended to
     * the change log. The log takes the counter's row lock, which must be the transaction's last lock (see
     * {@link ChangeLog}).
     */
    void beforeCommit() {
        beforeCommit.forEach(Runnable::run);
        if (!changed.isEmpty()) {
            db.doWork(c -> ChangeLog.append(c, now, changed));
        }
    }

    /** Whether this transaction changed something a cached session must see. */
    boolean changedSessions() {
        return !changed.isEmpty();
    }

    /**
     * The one place that says "a cached session changed": every write that changes what a session resolves to
     * (revoked, expired, rotated or re-stamped; its account disabled or enabled, a role granted or revoked) calls
     * it in the transaction that writes. It is written to the change log just before commit (so that every other
     * node hears of it), and the realm's {@link SessionChangeListener} hears of it after commit; the same change
     * twice in one transaction is told and written once.
     */
    void sessionsChanged(SessionChange change) {
        if (changed.add(change)) {
            afterCommit(() -> listener.sessionsChanged(change));
        }
    }
}
