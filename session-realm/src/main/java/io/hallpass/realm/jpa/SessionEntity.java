package io.hallpass.realm.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/**
 * A row of {@code hp_session}. The token is never stored, only its hash; the previous token's hash is kept for
 * the short grace after a rotation, together with the authentication stamp it carried.
 */
@Entity(name = "Session")
@Table(name = "hp_session",
        uniqueConstraints = {
                @UniqueConstraint(name = "hp_session_public_id_uk", columnNames = "public_id"),
                @UniqueConstraint(name = "hp_session_token_hash_uk", columnNames = "token_hash")},
        indexes = {
                @Index(name = "hp_session_account_ix", columnList = "account_id"),
                @Index(name = "hp_session_prev_token_hash_ix", columnList = "prev_token_hash")})
class SessionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    Long id;

    @Column(name = "public_id", nullable = false, length = Columns.PUBLIC_ID)
    String publicId;

    @Column(name = "token_hash", nullable = false, length = Columns.HASH)
    byte[] tokenHash;

    @Column(name = "account_id", nullable = false)
    Long accountId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id", insertable = false, updatable = false,
            foreignKey = @ForeignKey(name = "hp_session_account_fk"))
    AccountEntity account;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "last_seen_at", nullable = false)
    Instant lastSeenAt;

    @Column(name = "absolute_expires_at", nullable = false)
    Instant absoluteExpiresAt;

    @Column(name = "last_authenticated_at", nullable = false)
    Instant lastAuthenticatedAt;

    @Column(name = "ip", length = 64)
    String ip;

    @Column(name = "user_agent", length = 512)
    String userAgent;

    @Column(name = "device_id", length = 64)
    String deviceId;

    @Column(name = "new_device", nullable = false)
    boolean newDevice;

    @Column(name = "failures_before_login", nullable = false)
    int failuresBeforeLogin;

    @Column(name = "prev_token_hash", length = Columns.HASH)
    byte[] prevTokenHash;

    @Column(name = "prev_valid_until")
    Instant prevValidUntil;

    @Column(name = "prev_authenticated_at")
    Instant prevAuthenticatedAt;

    @Column(name = "revoked_at")
    Instant revokedAt;

    @Column(name = "revoked_reason", length = Columns.REASON)
    String revokedReason;

    /**
     * The longest gap between consecutive activities since the last authentication, in milliseconds (null: none
     * yet); written with last-seen by the {@link TouchWriter}, reset to 0 by a re-authentication.
     */
    @Column(name = "idle_gap_ms")
    Long idleGapMs;

    SessionEntity() {
    }
}
