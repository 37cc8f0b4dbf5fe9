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
 * } else if (result instanceof LoginResult.TooManySessions) {
 *     signOutElsewhereFirst();               // a session limit refuses new sessions
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
 *   <li>Every attempt is counted by the {@link SignInThrottle} before the password is verified, under row locks,
 *       so parallel guesses can not pass a limit: per account and client (the live session, else a device the
 *       account has signed in from, else the network), which waits longer after each failure past a few, and per
 *       account, whose ceiling refuses unknown clients. A stranger who knows only the username can therefore slow
 *       its own clients and stop other unknown ones, but never a live session or a known device. While a client
 *       waits nothing is verified. Unknown usernames are counted and answered exactly like existing ones, and
 *       they and disabled accounts cost the same work as a wrong password.</li>
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
     * counted per account and client, and per account, whether or not the account exists; while the client must
     * wait, or the account is at its ceiling and the client unknown, the answer is {@link LoginResult.Locked}
     * without verifying anything. When too many hashes are already running, the answer is
     * {@link LoginResult.Busy}. With a {@link SessionLimit}, a right password past the limit answers
     * {@link LoginResult.TooManySessions} (refuse-new) or ends the oldest sessions (end-oldest); sessions are
     * counted under the account's row lock, so parallel sign-ins can not pass it.
     */
    LoginResult login(String username, String password, ClientFacts client);

    /**
     * Re-authenticates the session holding {@code token} with the password of that session's own account.
     * Success stamps the session's last authentication, rotates the token (see
     * {@link SessionRealm#markReauthenticated}) and answers {@link LoginResult.Success} with the new token. Failure
     * is throttled with the session as the client (the account's ceiling never refuses it) and changes nothing
     * else.
     */
    LoginResult reauthenticate(String token, String password, ClientFacts client);

    /**
     * The account holder's own password change: verifies {@code currentPassword} (a failure is throttled like a
     * failed login, with the kept session as the client if it is live), stores the new hash and ends every other
     * session of the account, keeping the one named by {@code keepSessionPublicId} (may be null to end them all).
     * The kept session, if live, gets a new token in the same transaction, with no grace: its old token, and one
     * still inside the grace of its last rotation, stop at once. The new token is in
     * {@link PasswordChange.Changed#kept()}, and the caller must hand it to the client (the filter's
     * {@code Hallpass.changePassword} does). Its last authentication becomes now.
     */
    PasswordChange changePassword(long accountId, String currentPassword, String newPassword,
                                  String keepSessionPublicId);
}
