package io.hallpass.realm.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A row of {@code hp_session_change}, the change log every node's session cache polls ({@link ChangeLog} writes
 * and reads it). Its id is not generated: it is handed out by {@code hp_change_counter} just before commit, so that
 * ids are dense and in commit order.
 */
@Entity(name = "SessionChangeRow")
@Table(name = "hp_session_change")
class SessionChangeEntity {

    @Id
    @Column(name = "id")
    Long id;

    @Column(name = "at", nullable = false)
    Instant at;

    @Column(name = "account_id", nullable = false)
    Long accountId;

    /** Null: every session of the account. */
    @Column(name = "session_id")
    Long sessionId;

    @Column(name = "cause", length = Columns.CHANGE_CAUSE)
    String cause;

    SessionChangeEntity() {
    }
}
