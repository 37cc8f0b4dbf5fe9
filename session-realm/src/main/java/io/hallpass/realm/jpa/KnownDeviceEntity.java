package io.hallpass.realm.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/** A row of {@code hp_known_device}: a device (by SHA-256 of its id) an account has signed in from. */
@Entity(name = "KnownDevice")
@Table(name = "hp_known_device",
        uniqueConstraints = @UniqueConstraint(name = "hp_known_device_uk", columnNames = {"account_id", "device_hash"}))
class KnownDeviceEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    Long id;

    @Column(name = "account_id", nullable = false)
    Long accountId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", insertable = false, updatable = false,
            foreignKey = @ForeignKey(name = "hp_known_device_account_fk"))
    AccountEntity account;

    @Column(name = "device_hash", nullable = false, length = Columns.HASH)
    byte[] deviceHash;

    @Column(name = "first_seen_at", nullable = false)
    Instant firstSeenAt;

    @Column(name = "last_seen_at", nullable = false)
    Instant lastSeenAt;

    KnownDeviceEntity() {
    }
}
