package io.hallpass.realm.jpa;

import io.hallpass.realm.AuditEvent;
import io.hallpass.realm.AuditQuery;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The only writer of {@code hp_audit_event}. Rows are inserted in the transaction of the change they describe
 * (through {@link Tx#audit}), logged to {@code io.hallpass.audit} once that transaction has committed, read back
 * newest first, and deleted past their retention.
 */
final class AuditLog {

    private static final System.Logger AUDIT = System.getLogger("io.hallpass.audit");

    private AuditLog() {
    }

    /** Inserts an audit row in {@code t}. Never pass a token or a password. */
    static AuditEventEntity insert(Tx t, AuditEvent.Type type, Long accountId, String username,
                                   String sessionPublicId, String ip, String detail) {
        AuditEventEntity row = new AuditEventEntity();
        row.at = t.now;
        row.type = type.name();
        row.accountId = accountId;
        row.username = username;
        row.sessionPublicId = sessionPublicId;
        row.ip = Checks.clip(ip, 64);
        row.detail = Checks.clip(detail, Columns.DETAIL);
        t.db.insert(row);
        return row;
    }

    /** The newest events that match {@code query}, newest first; types this version can not name are left out. */
    static List<AuditEvent> trail(Tx t, AuditQuery query) {
        List<String> where = new ArrayList<>();
        if (query.accountId() != null) {
            where.add("e.accountId = :a");
        }
        if (!query.types().isEmpty()) {
            where.add("e.type in (:types)");
        }
        if (query.since() != null) {
            where.add("e.at >= :since");
        }
        var select = t.db.createSelectionQuery("select e.id, e.at, e.type, e.accountId, e.username,"
                + " e.sessionPublicId, e.ip, e.detail from AuditEventRow e"
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by e.at desc, e.id desc", Object[].class);
        if (query.accountId() != null) {
            select.setParameter("a", query.accountId());
        }
        if (!query.types().isEmpty()) {
            select.setParameterList("types", query.types().stream().map(Enum::name).toList());
        }
        if (query.since() != null) {
            // stored to the microsecond: a bound with nanoseconds would miss the event at its own instant
            select.setParameter("since", query.since().truncatedTo(ChronoUnit.MICROS));
        }
        List<AuditEvent> events = new ArrayList<>();
        for (Object[] c : select.setMaxResults(query.limit()).getResultList()) {
            AuditEvent.Type type = type((String) c[2]);
            if (type != null) {
                events.add(new AuditEvent((Long) c[0], (Instant) c[1], type, (Long) c[3], (String) c[4],
                        (String) c[5], (String) c[6], (String) c[7]));
            }
        }
        return events;
    }

    /** Deletes one batch of events older than {@code cut}. */
    static Purge.Batch deleteOlderThan(Tx t, Instant cut, int batchSize) {
        return Purge.deleteFound(t, t.db.createSelectionQuery("select e.id from AuditEventRow e where e.at < :cut",
                Object.class).setParameter("cut", cut), "delete from AuditEventRow e where e.id in (:ids)", batchSize);
    }

    /** Writes a committed row to the audit log. */
    static void logCommitted(AuditEventEntity row) {
        if (AUDIT.isLoggable(Level.INFO)) {
            StringBuilder line = new StringBuilder(row.type);
            append(line, "account", row.accountId);
            append(line, "user", row.username);
            append(line, "session", row.sessionPublicId);
            append(line, "ip", row.ip);
            append(line, "detail", row.detail);
            AUDIT.log(Level.INFO, line.toString());
        }
    }

    private static void append(StringBuilder line, String name, Object value) {
        if (value != null) {
            line.append(' ').append(name).append('=').append(value);
        }
    }

    private static AuditEvent.Type type(String name) {
        try {
            return AuditEvent.Type.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null; // written by a newer version; this one can not name it
        }
    }
}
