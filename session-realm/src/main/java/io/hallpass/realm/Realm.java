package io.hallpass.realm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The realm: accounts, expiring role grants, server-side sessions and the audit trail, kept in the
 * application's own database. It is the single source of truth the filter consults on every request.
 *
 * <pre>{@code
 * try (Realm realm = Realm.builder()
 *         .jdbcUrl("jdbc:h2:file:./data/hallpass")
 *         .idleTimeout(Duration.ofMinutes(30))
 *         .build()) {
 *     AccountView alice = realm.createAccount("alice", "correct horse battery staple");
 *     realm.grantRole(alice.id(), "customer", null, "setup");
 *     if (realm.login("alice", "correct horse battery staple", ClientFacts.UNKNOWN)
 *             instanceof LoginResult.Success ok) {
 *         String cookieValue = ok.session().token();          // handed out exactly once
 *         Optional<SessionView> view = realm.resolve(cookieValue); // on every request
 *     }
 * }
 * }</pre>
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>Every change happens entirely or not at all: each method is one transaction, except that
 *       {@link #login}, {@link #reauthenticate} and {@link #changePassword} read in one and write in another with
 *       the password hash computed between them (no connection is held while hashing; the write re-checks what
 *       was read), {@link #purge} commits per batch, and {@link #resolve} reads without a transaction unless it
 *       has something to write.</li>
 *   <li>Time comes only from the {@link Clock} given to the builder.</li>
 *   <li>A session token appears in exactly one place: {@link OpenedSession#token()}, once. Only a hash of it
 *       is stored; no log line, exception message, {@code toString()} or audit row contains it. Sessions are
 *       named by their {@linkplain SessionView#publicId() public id}.</li>
 *   <li>Bad input (null, blank, oversize, malformed usernames, passwords, role names) is refused with an
 *       {@link InvalidInputException} whose message never repeats the value. A malformed or forged token
 *       is not an error: it simply resolves to nothing, without a database round trip.</li>
 *   <li>When the database cannot be reached, every method throws {@link RealmUnavailableException}; nothing is
 *       ever reported as valid or as revoked by mistake. Callers fail closed (the filter answers 503).</li>
 *   <li>Implementations are thread-safe.</li>
 * </ul>
 */
public interface Realm extends AutoCloseable {

    /** Starts configuring a realm backed by JPA (Hibernate) on a JDBC URL or a {@code DataSource}. */
    static RealmBuilder builder() {
        return new RealmBuilder();
    }

    // ----------------------------------------------------------------------------------------- accounts

    /**
     * Creates an enabled account with no roles.
     *
     * @throws DuplicateUsernameException if the normalised username is taken
     * @throws InvalidInputException if the username or password is unacceptable (see {@link Usernames})
     */
    AccountView createAccount(String username, String password);

    /** Looks an account up by username, normalised as in {@link Usernames#normalise(String)}. */
    Optional<AccountView> findAccount(String username);

    Optional<AccountView> findAccount(long accountId);

    /** All accounts, ordered by username. Meant for administration pages of modest size. */
    List<AccountView> listAccounts();

    /**
     * Sets a new password without asking for the old one (an administrator's reset). Ends every session of
     * the account. Returns false if there is no such account.
     */
    boolean setPassword(long accountId, String newPassword, String actor);

    /**
     * The account holder's own password change: verifies {@code currentPassword} (a failure counts toward
     * the lockout like a failed login), stores the new hash and ends every other session of the account,
     * keeping the one named by {@code keepSessionPublicId} (may be null to end them all).
     */
    PasswordChange changePassword(long accountId, String currentPassword, String newPassword,
                                  String keepSessionPublicId);

    /**
     * Enables or disables an account. Disabling ends all of its sessions at once; a disabled account can
     * neither log in nor use a session it had. Returns false if there is no such account.
     */
    boolean setEnabled(long accountId, boolean enabled, String actor);

    // -------------------------------------------------------------------------------------------- roles

    /**
     * Grants a role, replacing any earlier grant of the same role to the same account.
     *
     * @param expiresAt when the grant stops counting, or null for a grant that does not expire
     * @param grantedBy who granted it, for the audit trail
     * @return false if there is no such account
     */
    boolean grantRole(long accountId, String role, Instant expiresAt, String grantedBy);

    /** Revokes a role grant. Returns false if the account did not hold it. */
    boolean revokeRole(long accountId, String role, String revokedBy);

    /** The account's grants, expired ones included (see {@link RoleGrant#activeAt(Instant)}), by role name. */
    List<RoleGrant> listGrants(long accountId);

    // ----------------------------------------------------------------------------------- authentication

    /**
     * Verifies a username and password and, on success, opens a session. Unknown usernames, wrong passwords
     * and disabled accounts all answer {@link LoginResult.Failed} after the same amount of work. Failures are
     * counted per normalised username, whether or not the account exists; past the threshold the answer is
     * {@link LoginResult.Locked} without verifying anything. When too many hashes are already running, the
     * answer is {@link LoginResult.Busy}.
     */
    LoginResult login(String username, String password, ClientFacts client);

    /**
     * Re-authenticates the session holding {@code token} with the password of that session's own account.
     * Success stamps the session's last authentication, rotates the token (see {@link #markReauthenticated})
     * and answers {@link LoginResult.Success} with the new token. Failure counts toward the account's lockout
     * and changes nothing else.
     */
    LoginResult reauthenticate(String token, String password, ClientFacts client);

    // ----------------------------------------------------------------------------------------- sessions

    /**
     * Opens a session for an account that was authenticated elsewhere. The token in the result is the only
     * copy that will ever exist.
     *
     * @throws InvalidInputException if the account does not exist or is disabled
     */
    OpenedSession open(long accountId, ClientFacts client);

    /**
     * The session a token stands for, if it is live: not revoked, within its idle and absolute lifetimes,
     * its account enabled. Roles are the account's unexpired grants at this moment. Slides the idle expiry,
     * writing last-seen at most once per touch interval. A malformed token answers empty without touching the
     * database.
     */
    Optional<SessionView> resolve(String token);

    /**
     * Issues a new token for the same session. The old token keeps working for the configured grace (a few
     * seconds, so that parallel requests are not logged out) and then stops; during the grace it is seen with
     * the session's state from before the rotation.
     */
    Optional<OpenedSession> rotate(String token);

    /**
     * Stamps the session's last authentication with now, records the client facts it was proven from, and
     * rotates the token. The stamp is only ever carried by the new token: the old one, during its grace, keeps
     * its older stamp.
     */
    Optional<OpenedSession> markReauthenticated(String token, ClientFacts client);

    /** Revokes the session a token stands for. Returns false if it was not live. */
    boolean revoke(String token, String reason);

    /** Revokes one session of an account by public id. Returns false if the account has no such live session. */
    boolean revokeSession(long accountId, String publicId, String reason);

    /** Revokes every session of an account and answers how many were live. */
    int revokeAllSessions(long accountId, String reason);

    /** Revokes every session of an account except one, and answers how many were revoked. */
    int revokeOtherSessions(long accountId, String keepPublicId, String reason);

    /** The account's live sessions, newest first. */
    List<SessionView> listSessions(long accountId);

    /**
     * Deletes expired and revoked sessions, aged-out lockout counters and audit events past their retention,
     * in batches of {@code batchSize} rows, each batch its own transaction.
     */
    PurgeResult purge(int batchSize);

    // -------------------------------------------------------------------------------------------- audit

    /**
     * Records an event observed outside the realm (for example by the filter's risk policy). Never pass a
     * token or a password in any argument.
     */
    void audit(AuditEvent.Type type, Long accountId, String sessionPublicId, String ip, String detail);

    /** The newest audit events, of one account or (with null) of all, newest first. */
    List<AuditEvent> auditTrail(Long accountId, int limit);

    // -------------------------------------------------------------------------------------- configuration

    /** The clock every expiry is computed from. */
    Clock clock();

    Duration idleTimeout();

    Duration absoluteTimeout();

    /** Releases the connection pool, if the realm created one. */
    @Override
    void close();
}
