package io.hallpass.realm.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A row of {@code hp_change_counter}: the last id handed out to {@code hp_session_change} ({@link ChangeLog}). One
 * row, named {@code session}, seeded by the DDL and created by the realm at start if missing.
 */
@Entity(name = "ChangeCounter")
@Table(name = "hp_change_counter")
class ChangeCounterEntity {

    @Id
    @Column(name = "name", length = 16)
    String name;

    @Column(name = "last_id", nullable = false)
    long lastId;

    ChangeCounterEntity() {
    }
}
