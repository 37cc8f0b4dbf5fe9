/**
 * The realm implemented with JPA (Hibernate 7) on H2, PostgreSQL and MariaDB. Internal: applications use
 * {@link io.hallpass.realm.Realm#builder()}.
 *
 * <h2>How the pieces fit</h2>
 * <ul>
 *   <li>{@code JpaRealm} implements {@link io.hallpass.realm.Realm}. Each public method validates its arguments, then
 *       runs its work through {@code Transactions}: one transaction of a Hibernate {@code StatelessSession} (every
 *       statement explicit, no persistence context), retried whole when it loses a race with another node (a
 *       unique key, a deadlock), and otherwise turning every database failure into
 *       {@link io.hallpass.realm.RealmUnavailableException}. Audit rows are inserted by {@code Tx} in the same
 *       transaction as the change they describe and logged to {@code io.hallpass.audit} once it has committed.</li>
 *   <li>Operations that verify a password take three steps so that no connection is held while hashing: a short
 *       transaction counts the attempt (under a row lock on the lockout counter) and reads the account; the hash is
 *       checked with no transaction open; a second transaction writes the outcome after re-checking what the first
 *       read.</li>
 *   <li>The entities ({@code AccountEntity}, {@code RoleGrantEntity}, {@code SessionEntity},
 *       {@code LoginThrottleEntity}, {@code KnownDeviceEntity}, {@code AuditEventEntity}) name every table and
 *       column explicitly; reads use projections ({@code Rows}), never managed entities. {@code Mapping} is the one
 *       place Hibernate is configured, shared with the schema tests.</li>
 *   <li>{@code Schema} holds the shipped DDL ({@code io/hallpass/realm/ddl/*.sql}) and runs it for
 *       {@link io.hallpass.realm.SchemaAction#CREATE_IF_MISSING}; Hibernate's schema validation then checks it.</li>
 * </ul>
 */
package io.hallpass.realm.jpa;
