package io.hallpass.realm;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The per-request part of the realm: what the filter calls on every request that carries a session cookie, and
 * when it opens, rotates or ends a session.
 *
 * <pre>{@code
 * Optional<SessionView> view = sessions.resolve(cookieValue); // empty: no live session, treat as signed out
 * }</pre>
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>{@link #resolve} and {@link #peek} read without a transaction (one statement, consistent by itself) and
 *       write only to mark an expired session. No request waits for last-seen to be written: activity is recorded
 *       in memory and written in batches by a background writer, at most once per touch interval per session.
 *       Every other method is one transaction.</li>
 *   <li>Without a session cache, what {@link #resolve} answers is never older than the last commit: a revocation,
 *       a disabled account or an expired grant acts on the very next request. With the cache on
 *       ({@link RealmBuilder#sessionCache}), a change made on this node still acts on the very next request here,
 *       and one made anywhere else within the cache's bound; a node that can not hear from the database for longer
 *       than the bound stops answering from its cache.</li>
 *   <li>A session token appears in exactly one place: {@link OpenedSession#token()}, once. Sessions are named by
 *       their {@linkplain SessionView#publicId() public id}.</li>
 *   <li>A malformed or forged token is not an error: it simply resolves to nothing (and revokes or rotates
 *       nothing), without a database round trip.</li>
 *   <li>Every expiry is computed from {@link #clock()}; {@link #resolve} takes no {@code now}, so no caller can mix
 *       two notions of now.</li>
 * </ul>
 */
public interface SessionRealm {

    /**
     * Opens a session for an account that was authenticated elsewhere. The token in the result is the only
     * copy that will ever exist.
     *
     * @throws InvalidInputException if the account does not exist or is disabled, or has reached a session limit
     *                               whose policy is to refuse new sessions (under the other policy its oldest
     *                               sessions end)
     */
    OpenedSession open(long accountId, ClientFacts client);

    /**
     * The session a token stands for, if it is live: not revoked, within its idle and absolute lifetimes,
     * its account enabled. Roles are the account's unexpired grants at this moment. Counts as activity: slides the
     * idle expiry (last-seen is written at most once per touch interval, in the background). The same as
     * {@link #peek} followed by {@link #recordActivity}. A malformed token answers empty without touching the
     * database.
     */
    Optional<SessionView> resolve(String token);

    /**
     * The session a token stands for, as {@link #resolve} finds it, but without counting as activity: the idle
     * expiry does not slide and no gap is recorded. For deciding about a request before it is known whether it will
     * be let through; call {@link #recordActivity} for one that is.
     */
    Optional<SessionView> peek(String token);

    /**
     * Counts one activity of a session at now: this node's last-seen of it moves to now, the gap since its previous
     * activity counts toward {@link SessionView#longestIdleSinceAuthentication()}, and last-seen is queued for the
     * background writer once the touch interval has passed. Never waits for the database.
     *
     * @param session a view answered by {@link #peek} or {@link #resolve}
     */
    void recordActivity(SessionView session);

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

    // -------------------------------------------------------------------------------------- configuration

    /** The clock every expiry is computed from. */
    Clock clock();

    Duration idleTimeout();

    Duration absoluteTimeout();
}
