package io.hallpass.realm;

/**
 * The password checks: what the sign-in, re-authentication and password-change endpoints call.
 *
 * <pre>{@code
 * LoginResult result = credentials.login(username, password, client);
 * if (result instanceof LoginResult.Success ok) {
 *     setCookie(ok.session().token());       // the only copy of the token
 * } else if (result instanceof LoginResult.Locked locked) {
 *     tooManyRequests(locked.until());       // nothing was verified
 * } else if (result instanceof LoginResult.Busy) {
 *     serviceUnavailable();                  // nothing was counted
 * } else {
 *     signInPageAgain();                     // Failed: says nothing more
 * }
 * }</pre>
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>Each method reads in one transaction and writes in another, with the password hash computed between them:
 *       no connection is held while hashing, and the write re-checks what was read (the account still enabled,
 *       with the same password hash).</li>
 *   <li>Every attempt is counted toward the lockout of its normalised username before the password is verified,
 *       under a row lock, so parallel guesses can not pass the threshold; while the name is locked nothing is
 *       verified. Unknown usernames and disabled accounts cost the same work as a wrong password.</li>
 *   <li>At most a configured number of hashes run at once; an attempt that gets no permit in time answers
 *       {@code Busy} and counts nothing.</li>
 *   <li>Passwords are refused with an {@link InvalidInputException} before any hashing when they are empty or
 *       too long; no message, log line or audit row ever holds a password.</li>
 * </ul>
 */
public interface CredentialRealm {

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
     * Success stamps the session's last authentication, rotates the token (see
     * {@link SessionRealm#markReauthenticated}) and answers {@link LoginResult.Success} with the new token. Failure
     * counts toward the account's lockout and changes nothing else.
     */
    LoginResult reauthenticate(String token, String password, ClientFacts client);

    /**
     * The account holder's own password change: verifies {@code currentPassword} (a failure counts toward
     * the lockout like a failed login), stores the new hash and ends every other session of the account,
     * keeping the one named by {@code keepSessionPublicId} (may be null to end them all).
     */
    PasswordChange changePassword(long accountId, String currentPassword, String newPassword,
                                  String keepSessionPublicId);
}
