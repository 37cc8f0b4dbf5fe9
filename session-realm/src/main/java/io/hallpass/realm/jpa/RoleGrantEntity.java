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

/** A row of {@code hp_role_grant}: one role of one account, possibly until a set time. */
@Entity(name = "RoleGrant")
@Table(name = "hp_role_grant",
        uniqueConstraints = @UniqueConstraint(name = "hp_role_grant_uk", columnNames = {"account_id", "role"}))
class RoleGrantEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    Long id;

    @Column(name = "account_id", nullable = false)
    Long accountId;

    // read-only: only there so that the schema carries the foreign key
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", insertable = false, updatable = false,
            foreignKey = @ForeignKey(name = "hp_role_grant_account_fk"))
    AccountEntity account;

    @Column(name = "role", nullable = false, length = 64)
    String role;

    @Column(name = "granted_at", nullable = false)
    Instant grantedAt;

    @Column(name = "expires_at")
    Instant expiresAt;

    @Column(name = "granted_by", length = Columns.ACTOR)
    String grantedBy;

    RoleGrantEntity() {
    }
}
