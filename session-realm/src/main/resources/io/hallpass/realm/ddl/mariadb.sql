-- Hallpass session realm: schema for MariaDB 10.5 or newer (InnoDB).
-- Every statement is idempotent (IF NOT EXISTS), so it can be run again, on a partial schema, or by two
-- nodes starting at once. The realm runs this file itself with schema action create-if-missing; a DBA may run
-- it instead and start the realm with validate.
--
-- Timestamps hold UTC with microsecond precision, in a type without time zone: the realm binds them through a
-- UTC calendar, so neither the driver nor the server converts them.
-- datetime(6), not TIMESTAMP: no 2038 limit and no conversion to the session time zone.
-- Tables use utf8mb4_bin: usernames are already normalised by the realm, and must compare exactly (a
-- case- or accent-insensitive collation would make 'resume' and 'résumé' one account). Booleans are bit(1), as
-- Hibernate maps them.

-- hp_account: one row per account. The username is stored normalised (NFKC, trimmed, case-folded); the password
-- only as an Argon2id PHC string. Accounts are disabled, never deleted, so sessions and grants keep their owner.
CREATE TABLE IF NOT EXISTS hp_account (
    id                  bigint NOT NULL AUTO_INCREMENT,
    username            varchar(512) NOT NULL,          -- at most 256 code points
    password_hash       varchar(255) NOT NULL,          -- $argon2id$v=19$m=..,t=..,p=..$salt$hash
    enabled             bit(1) NOT NULL,
    created_at          datetime(6) NOT NULL,
    password_changed_at datetime(6) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT hp_account_username_uk UNIQUE (username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- hp_role_grant: the roles of an account. A grant with expires_at counts only before that time; expired grants
-- stay (for the record) until revoked or replaced.
CREATE TABLE IF NOT EXISTS hp_role_grant (
    id         bigint NOT NULL AUTO_INCREMENT,
    account_id bigint NOT NULL,
    role       varchar(64) NOT NULL,
    granted_at datetime(6) NOT NULL,
    expires_at datetime(6),                             -- NULL: does not expire
    granted_by varchar(128),
    PRIMARY KEY (id),
    CONSTRAINT hp_role_grant_uk UNIQUE (account_id, role),
    CONSTRAINT hp_role_grant_account_fk FOREIGN KEY (account_id) REFERENCES hp_account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- hp_session: server-side sessions. The token itself is never stored: token_hash is SHA-256 of it (or
-- HMAC-SHA-256 with the configured pepper). After a rotation prev_token_hash keeps the replaced token working
-- until prev_valid_until, with the authentication stamp it had (prev_authenticated_at). public_id names the
-- session in listings, logs and the audit trail.
CREATE TABLE IF NOT EXISTS hp_session (
    id                    bigint NOT NULL AUTO_INCREMENT,
    public_id             varchar(32) NOT NULL,
    token_hash            varbinary(32) NOT NULL,
    account_id            bigint NOT NULL,
    created_at            datetime(6) NOT NULL,
    last_seen_at          datetime(6) NOT NULL,         -- written at most once per touch interval
    absolute_expires_at   datetime(6) NOT NULL,         -- created_at + absolute timeout; never moves
    last_authenticated_at datetime(6) NOT NULL,         -- last login or re-authentication
    ip                    varchar(64),
    user_agent            varchar(512),
    device_id             varchar(64),
    new_device            bit(1) NOT NULL,
    failures_before_login integer NOT NULL,
    prev_token_hash       varbinary(32),
    prev_valid_until      datetime(6),
    prev_authenticated_at datetime(6),
    revoked_at            datetime(6),
    revoked_reason        varchar(64),
    idle_gap_ms           bigint DEFAULT 0,             -- longest gap between activities since authentication
    PRIMARY KEY (id),
    CONSTRAINT hp_session_public_id_uk UNIQUE (public_id),
    CONSTRAINT hp_session_token_hash_uk UNIQUE (token_hash),
    CONSTRAINT hp_session_account_fk FOREIGN KEY (account_id) REFERENCES hp_account (id),
    KEY hp_session_account_ix (account_id),
    KEY hp_session_prev_token_hash_ix (prev_token_hash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- hp_known_device: devices (SHA-256 of the device cookie) an account has signed in from; an unknown one is a risk
-- signal. A known one keeps a throttle count of its own (see hp_sign_in_throttle); it lets no one in by itself.
CREATE TABLE IF NOT EXISTS hp_known_device (
    id            bigint NOT NULL AUTO_INCREMENT,
    account_id    bigint NOT NULL,
    device_hash   varbinary(32) NOT NULL,
    first_seen_at datetime(6) NOT NULL,
    last_seen_at  datetime(6) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT hp_known_device_uk UNIQUE (account_id, device_hash),
    CONSTRAINT hp_known_device_account_fk FOREIGN KEY (account_id) REFERENCES hp_account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- hp_audit_event: the audit trail. Never holds a token or a password. No foreign key: the record stays as
-- written. For attempts on unknown usernames, username is 'unknown:' and 12 hex digits of a keyed fingerprint
-- (HMAC-SHA-256, see hp_realm_key) of the normalised name, never the name.
CREATE TABLE IF NOT EXISTS hp_audit_event (
    id                bigint NOT NULL AUTO_INCREMENT,
    at                datetime(6) NOT NULL,
    type              varchar(32) NOT NULL,             -- io.hallpass.realm.AuditEvent.Type
    account_id        bigint,
    username          varchar(512),
    session_public_id varchar(32),
    ip                varchar(64),
    detail            varchar(512),
    PRIMARY KEY (id),
    KEY hp_audit_event_at_ix (at),
    KEY hp_audit_event_account_ix (account_id, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- ---------------------------------------------------------------------------------------------------------------
-- The change log of the session caches (see session-realm/README.md, "Session cache"). Every change a cached
-- session must see (a session revoked, expired, rotated or re-stamped; an account disabled or enabled, its password
-- reset, a role granted or revoked) writes a row here in its own transaction, just before commit. Ids come from the
-- one-row counter below, whose row lock is held until commit: they are dense and in commit order, so a node that
-- has seen id N has seen every change up to N. Rows older than 10 minutes are purged.
CREATE TABLE IF NOT EXISTS hp_session_change (
    id         bigint NOT NULL,                         -- from hp_change_counter, never generated
    at         datetime(6) NOT NULL,
    account_id bigint NOT NULL,
    session_id bigint,                                  -- NULL: every session of the account
    cause      varchar(32),                             -- for people reading the table: revoked, rotated, ...
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- hp_change_counter: one row, 'session', holding the last id handed out to hp_session_change. Seeded here (a
-- statement that leaves an existing row alone), and created by the realm at start if missing.
CREATE TABLE IF NOT EXISTS hp_change_counter (
    name    varchar(16) NOT NULL,
    last_id bigint NOT NULL,
    PRIMARY KEY (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
INSERT INTO hp_change_counter (name, last_id) VALUES ('session', 0) ON DUPLICATE KEY UPDATE name = name;
-- ---------------------------------------------------------------------------------------- realm key (hardening)
-- hp_realm_key: one row, a random secret made by the first node to start: the key of the keyed fingerprints
-- (HMAC-SHA-256) by which audit rows name unknown usernames and the sign-in throttle counts names and clients,
-- when no token pepper is configured (with one, the key is derived from the pepper and this row is not read).
-- Whoever can read this row can test guesses against those fingerprints; logs and audit exports alone can not.
CREATE TABLE IF NOT EXISTS hp_realm_key (
    id         integer NOT NULL,                        -- always 1
    secret     varbinary(32) NOT NULL,
    created_at datetime(6) NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- ------------------------------------------------------------------------------- sign-in throttle (hardening)
-- Failed password checks are counted twice, before the password is verified: per account and client, and per
-- account. Both are keyed by keyed fingerprints (HMAC-SHA-256 with the realm key or the pepper, as hex), never by
-- a typed name, a device id or an address, and both count a name that no account has exactly like one that
-- exists. A success deletes its client's row and its account's row; purge deletes rows that have not failed for
-- the cool-down.

-- hp_sign_in_throttle: consecutive failures of one client (a live session, a known device, or else a network:
-- an IPv4 address, an IPv6 /64) on one account; past the free failures the client waits, doubling.
CREATE TABLE IF NOT EXISTS hp_sign_in_throttle (
    throttle_key    varchar(64) NOT NULL,               -- fingerprint of the account and the client together
    account_key     varchar(64) NOT NULL,               -- fingerprint of the normalised username
    failures        integer NOT NULL,
    last_failure_at datetime(6) NOT NULL,
    blocked_until   datetime(6),                        -- NULL: the client need not wait
    PRIMARY KEY (throttle_key),
    KEY hp_sign_in_throttle_account_ix (account_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- hp_account_throttle: consecutive failures of an account from all clients together; at the ceiling, unknown
-- clients (networks) are refused until a success, an administrator's reset, or the cool-down.
CREATE TABLE IF NOT EXISTS hp_account_throttle (
    account_key     varchar(64) NOT NULL,               -- fingerprint of the normalised username
    failures        integer NOT NULL,
    last_failure_at datetime(6) NOT NULL,
    PRIMARY KEY (account_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
