package io.hallpass.realm;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Administration: what administration pages and tools call to manage accounts, role grants and an account's
 * sessions, and the scheduler that purges what has aged out.
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>Each method is one transaction, except {@link #purge}, which commits per batch. Every change is audited in
 *       the same transaction.</li>
 *   <li>A change acts on the very next request: disabling an account or resetting its password ends its sessions
 *       at once, and a role granted, revoked or expired changes the roles {@link SessionRealm#resolve} answers.</li>
 *   <li>Hashing a password set here (create, reset) waits for a hashing permit like a login does, but longer;
 *       when none comes free it throws {@link RealmException}.</li>
 *   <li>{@link #revokeSession} is scoped to the account: a public id of someone else's session revokes
 *       nothing.</li>
 * </ul>
 */
public interface AdminRealm {

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

    // ----------------------------------------------------------------------------------------- sessions

    /** Revokes one session of an account by public id. Returns false if the account has no such live session. */
    boolean revokeSession(long accountId, String publicId, String reason);

    /** Revokes every session of an account and answers how many were live. */
    int revokeAllSessions(long accountId, String reason);

    /** Revokes every session of an account except one, and answers how many were revoked. */
    int revokeOtherSessions(long accountId, String keepPublicId, String reason);

    /** The account's live sessions, newest first. */
    List<SessionView> listSessions(long accountId);

    /** The limit on live sessions per account, if one is configured (for "2 of 3 sessions" on a page). */
    Optional<SessionLimit> sessionLimit();

    /**
     * Deletes expired and revoked sessions, aged-out sign-in throttle rows and audit events past their retention,
     * in batches of {@code batchSize} rows, each batch its own transaction.
     */
    PurgeResult purge(int batchSize);
}
