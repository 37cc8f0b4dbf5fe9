package io.hallpass.realm.jpa;

import io.hallpass.realm.AuditEvent;
import io.hallpass.realm.AuditQuery;
import io.hallpass.realm.AuditRealm;
import io.hallpass.realm.InvalidInputException;
import io.hallpass.realm.jpa.Rows.AccountRow;
import java.util.List;

/** The JPA implementation of {@link AuditRealm}; the rows are {@link AuditLog}'s. */
final class JpaAuditRealm implements AuditRealm {

    private final Transactions transactions;

    JpaAuditRealm(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void audit(AuditEvent.Type type, Long accountId, String sessionPublicId, String ip, String detail) {
        if (type == null) {
            throw new InvalidInputException("audit event type is missing");
        }
        String session = sessionPublicId == null ? null : Checks.publicId(sessionPublicId, "session public id");
        transactions.run(t -> {
            AccountRow account = accountId == null ? null : Accounts.byId(t, accountId);
            t.audit(type, accountId, account == null ? null : account.username(), session, ip, detail);
            return null;
        });
    }

    @Override
    public List<AuditEvent> auditTrail(Long accountId, int limit) {
        return auditTrail(AuditQuery.newest(accountId, limit));
    }

    @Override
    public List<AuditEvent> auditTrail(AuditQuery query) {
        if (query == null) {
            throw new InvalidInputException("audit query is missing");
        }
        return transactions.run(t -> AuditLog.trail(t, query));
    }
}
