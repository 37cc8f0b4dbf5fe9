/**
 * The realm implemented with JPA (Hibernate 7) on H2, PostgreSQL and MariaDB. Internal: applications use
 * {@link io.hallpass.realm.Realm#builder()}.
 *
 * <h2>How the pieces fit</h2>
 * <ul>
 *   <li>{@code JpaRealm} is a facade. {@code start} opens the {@code Database} (the HikariCP pool it owns for a JDBC
 *       URL, {@code OwnedPool}; the shipped DDL, {@code Schema}; Hibernate, {@code Mapping}), wires the pieces below
 *       and hands each call to the implementation of its role: {@code JpaSessionRealm}
 *       ({@link io.hallpass.realm.SessionRealm}), {@code JpaCredentialRealm}
 *       ({@link io.hallpass.realm.CredentialRealm}), {@code JpaAdminRealm} ({@link io.hallpass.realm.AdminRealm})
 *       and {@code JpaAuditRealm} ({@link io.hallpass.realm.AuditRealm}). Each validates its arguments, then composes
 *       the tables' owners in transactions.</li>
 *   <li>{@code Transactions} runs each unit of work in one transaction of a Hibernate {@code StatelessSession}
 *       (every statement explicit, no persistence context), judged at one instant of the clock; retries it whole
 *       when it loses a race with another node (a unique key, a deadlock); and turns every other database failure
 *       into {@link io.hallpass.realm.RealmUnavailableException}. {@code Tx} is one running transaction.</li>
 *   <li>Each table has exactly one owner, the only code that writes it: {@code Accounts} ({@code hp_account},
 *       with the row locks), {@code Grants} ({@code hp_role_grant}), {@code SessionStore} ({@code hp_session}),
 *       {@code SignInCounters} ({@code hp_sign_in_throttle} and {@code hp_account_throttle}, with the inserts
 *       that can not fail),
 *       {@code Devices} ({@code hp_known_device}) and {@code AuditLog} ({@code hp_audit_event}; {@code Tx.audit}
 *       delegates to it). Owners that need configuration are instances, the others static. {@code Purge} asks each
 *       owner for a batch of its aged rows at a time. {@code Fingerprints} reads (or, on the first start, writes)
 *       the one row of {@code hp_realm_key}: the key of the keyed fingerprints by which audit rows name unknown
 *       usernames, unless a token pepper is configured.</li>
 *   <li>{@code SessionLimits} applies the configured limit on an account's live sessions where one is opened
 *       (sign-in, {@code open}): under the account's exclusive row lock it counts the live sessions and refuses, or
 *       ends the oldest, before the new one is inserted in the same transaction.</li>
 *   <li>{@code ChangeLog} owns {@code hp_session_change} and {@code hp_change_counter}, the change log through which
 *       every node's session cache hears of changes made elsewhere; {@code SessionReader} reads a session by token
 *       hash in plain JDBC, on {@code Jdbc} (the data source without Hibernate) or on a transaction's connection.</li>
 *   <li>{@code TouchWriter} records activity in memory and writes last-seen (and the longest idle gap) in batches,
 *       on a {@code BackgroundLoop}; {@code SessionStore} owns the statement it batches.</li>
 *   <li>With the cache on, {@code CachedSessionRealm} decorates {@code JpaSessionRealm}: {@code SessionCache} keeps
 *       {@code CachedSession}s by {@code TokenKey} and says whether one may answer (epochs, trust, age), and
 *       {@code ChangePoller} applies the change log to it. Their class documentation makes the argument for each
 *       rule.</li>
 *   <li>{@code SessionRules} is pure: whether a session is live at an instant (and if not, why), its idle and
 *       absolute ends, when last-seen is due, which grants count. Everything that judges a session asks it.</li>
 *   <li>{@code PasswordProtocol} is how a password is checked, written once for login, re-authentication and
 *       password change: take a hashing permit (or answer busy); in one transaction read the account and the client
 *       (the live session, a known device, or the network) and count the attempt as a failure under the
 *       throttle's row locks (answer locked, unverified, while the client waits or the account is at its ceiling
 *       and the client unknown); verify with no connection held, against a dummy hash when there is no usable
 *       account; rehash a weaker stored hash; then, in a second transaction, re-check that the account is still
 *       enabled with the same hash and act (clearing the counts), or audit the failure and the wait or ceiling it
 *       started. Each of the three says only what differs, as a {@code Check}.</li>
 *   <li>The entities ({@code AccountEntity}, {@code RoleGrantEntity}, {@code SessionEntity},
 *       {@code KnownDeviceEntity}, {@code AuditEventEntity}, {@code RealmKeyEntity}, {@code SignInThrottleEntity},
 *       {@code AccountThrottleEntity}) name every table and
 *       column explicitly; reads use projections ({@code Rows}), never managed entities. {@code Mapping} is the one
 *       place Hibernate is configured, shared with the schema tests.</li>
 *   <li>{@code Schema} holds the shipped DDL ({@code io/hallpass/realm/ddl/*.sql}) and runs it for
 *       {@link io.hallpass.realm.SchemaAction#CREATE_IF_MISSING}; Hibernate's schema validation then checks it.</li>
 * </ul>
 *
 * <h2>Resolve</h2>
 * {@code resolve} ({@code peek}, then {@code recordActivity}) is the hot path. With the cache on, a live entry that
 * may answer is judged at now and that is all. Otherwise it reads with one auto-committed plain JDBC statement
 * ({@code SessionReader}, on {@code Jdbc}: the session by the hash of its current token, else of its previous one,
 * joined with its account and all of the account's grants with their expiries; timestamps read as
 * {@code LocalDateTime} at UTC) and opens a transaction only to mark an expired session. Activity is the
 * {@code TouchWriter}'s: in memory, written in the background.
 *
 * <h2>After commit, and what a cached session must hear</h2>
 * {@code Tx.afterCommit(action)} runs an action once its transaction has committed, after the transaction's audit
 * rows are logged: never after a rollback, never for an attempt that was retried (each attempt has its own
 * {@code Tx}); an action that throws is logged and the committed change stands. {@code Tx.sessionsChanged} is the
 * one place that says "a cached session changed": the owners call it in the transaction that writes
 * ({@code SessionStore} for a session revoked, expired, rotated or re-stamped, or all of an account's sessions
 * revoked; {@code Accounts} for an account disabled or enabled; {@code Grants} for a role granted or revoked; a
 * password change reaches them through the sessions it ends). It tells the realm's {@code SessionChangeListener}
 * after commit, each distinct {@code SessionChange} once per transaction; by default nobody listens. When a commit's
 * outcome is unknown (the connection died during COMMIT) the caller gets
 * {@link io.hallpass.realm.RealmUnavailableException} and nothing is told, although the change may have committed:
 * the change log closes that gap. {@code Tx.beforeCommit()} is the last step inside every transaction: it appends
 * the transaction's changes to {@code hp_session_change} ({@code ChangeLog}, with ids that are dense and in commit
 * order), which every node's session cache polls.
 */
package io.hallpass.realm.jpa;
