package io.hallpass.realm.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A row of {@code hp_audit_event}. No foreign key to the account: the trail is a record, kept as written. The
 * type is stored as text (not a database enum) so that new event types need no schema change.
 */
@Entity(name = "AuditEventRow")
@Table(name = "hp_audit_event",
        indexes = {
                @Index(name = "hp_audit_event_at_ix", columnList = "at"),
                @Index(name = "hp_audit_event_account_ix", columnList = "account_id, at")})
class AuditEventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    Long id;

    @Column(name = "at", nullable = false)
    Instant at;

    @Column(name = "type", nullable = false, length = Columns.AUDIT_TYPE)
    String type;

    @Column(name = "account_id")
    Long accountId;

    @Column(name = "username", length = Columns.USERNAME)
    String username;

    @Column(name = "session_public_id", length = Columns.PUBLIC_ID)
    String sessionPublicId;

    @Column(name = "ip", length = 64)
    String ip;

    @Column(name = "detail", length = Columns.DETAIL)
    String detail;

    AuditEventEntity() {
    }
}
