/**
 * The session realm's public API: accounts, expiring role grants, server-side sessions and the audit trail, kept in
 * the application's own database. This module has no servlet dependency; the filter talks to it only through
 * {@link io.hallpass.realm.Realm}.
 *
 * <h2>How the pieces fit</h2>
 * <ul>
 *   <li>{@link io.hallpass.realm.Realm} is the sum of four role interfaces, each documenting the guarantees of its
 *       role: {@link io.hallpass.realm.SessionRealm} (what the filter calls on every request),
 *       {@link io.hallpass.realm.CredentialRealm} (the password checks of the sign-in endpoints),
 *       {@link io.hallpass.realm.AdminRealm} (administration) and {@link io.hallpass.realm.AuditRealm} (the audit
 *       trail).</li>
 *   <li>{@link io.hallpass.realm.Realm#builder()} returns a {@link io.hallpass.realm.RealmBuilder}, which validates
 *       every option (naming the bad value) into immutable {@link io.hallpass.realm.RealmSettings} and starts the
 *       JPA implementation on a JDBC URL (the realm then owns a HikariCP pool) or a {@code DataSource} handed in.</li>
 *   <li>{@link io.hallpass.realm.Realm#login} answers a sealed {@link io.hallpass.realm.LoginResult}:
 *       {@code Success} (with an {@link io.hallpass.realm.OpenedSession}, whose token exists exactly once),
 *       {@code Failed}, {@code Locked(until)} or {@code Busy}.</li>
 *   <li>{@link io.hallpass.realm.Realm#resolve} turns a token into an immutable
 *       {@link io.hallpass.realm.SessionView} on every request, or nothing: roles are the unexpired grants at that
 *       moment, so a revocation, a disabled account or an expired grant acts on the very next request.</li>
 *   <li>Values are records ({@link io.hallpass.realm.AccountView}, {@link io.hallpass.realm.RoleGrant},
 *       {@link io.hallpass.realm.ClientFacts}, {@link io.hallpass.realm.AuditEvent}); names are normalised by
 *       {@link io.hallpass.realm.Usernames} and {@link io.hallpass.realm.RoleNames}.</li>
 *   <li>Failures are unchecked: {@link io.hallpass.realm.InvalidInputException} for refused arguments (the message
 *       never repeats the value), {@link io.hallpass.realm.DuplicateUsernameException}, and
 *       {@link io.hallpass.realm.RealmUnavailableException} whenever the database can not be reached, which callers
 *       turn into "503, try again" and never into a decision.</li>
 * </ul>
 *
 * <h2>Caching and staleness</h2>
 * The realm caches nothing: every {@code resolve} reads the database (one indexed query joining the session, its
 * account and the account's active grants), so what it answers is never older than the last commit. A cache,
 * where wanted, belongs in front of it and must be invalidated on revocation, disable and role change.
 */
package io.hallpass.realm;
