package io.hallpass.realm.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The one row of {@code hp_realm_key}: a random secret made by the first node that started on the database, the
 * key of {@link Fingerprints} when no token pepper is configured.
 */
@Entity(name = "RealmKey")
@Table(name = "hp_realm_key")
class RealmKeyEntity {

    /** The only row's id. */
    static final int ONLY = 1;

    @Id
    @Column(name = "id")
    int id;

    @Column(name = "secret", nullable = false, length = Columns.HASH)
    byte[] secret;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    RealmKeyEntity() {
    }
}
