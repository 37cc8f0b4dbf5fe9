package io.hallpass.realm.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/** A row of {@code hp_account}. The username is stored normalised; the password only as a PHC hash. */
@Entity(name = "Account")
@Table(name = "hp_account",
        uniqueConstraints = @UniqueConstraint(name = "hp_account_username_uk", columnNames = "username"))
class AccountEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    Long id;

    // 256 code points may take 512 UTF-16 units; the column is sized for that
    @Column(name = "username", nullable = false, length = Columns.USERNAME)
    String username;

    @Column(name = "password_hash", nullable = false, length = 255)
    String passwordHash;

    @Column(name = "enabled", nullable = false)
    boolean enabled;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "password_changed_at", nullable = false)
    Instant passwordChangedAt;

    AccountEntity() {
    }
}
