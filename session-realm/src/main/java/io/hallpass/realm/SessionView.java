package io.hallpass.realm;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable picture of a live session, as the realm saw it when resolving a token.
 *
 * @param publicId             the session's name in listings, logs and audit rows; never the token
 * @param accountId            the account the session belongs to
 * @param username             the account's normalised username
 * @param roles                the account's effective roles at resolve time: its unexpired grants
 * @param createdAt            when the session was opened
 * @param lastSeenAt           when the session was last seen (written at most once per touch interval)
 * @param lastAuthenticatedAt  when the holder last proved the password (login or re-authentication)
 * @param idleExpiresAt        when the session ends if unused (slides with use, never past absolute): the last
 *                             activity known on this node plus the idle timeout
 * @param absoluteExpiresAt    when the session ends whatever happens
 * @param client               the client facts recorded at login or at the last re-authentication; its {@code deviceId}
 *                             is a fingerprint of the device cookie (base64url SHA-256), never the cookie itself
 * @param newDevice            the session was opened from a device the account had not signed in from
 * @param failuresBeforeLogin  the account's consecutive failed attempts, from any client, just before
 *                             the login that opened this session
 * @param previousToken        the token presented was the one replaced by the last rotation, still inside
 *                             its grace; the view then carries the state from before that rotation
 * @param longestIdleSinceAuthentication the longest time the session was left unattended since the password was
 *                             last proved (sign-in or re-authentication), the current gap included: the largest of
 *                             the gaps between consecutive activities stored by any node, this node's own, and the
 *                             time since the last activity known here. Across nodes it may overestimate (another
 *                             node's last activity reaches the database up to a touch interval late), never
 *                             underestimate: a rule such as {@code idle:5m} errs strict. Peeking at a session, or a
 *                             request that is refused, is not activity.
 */
public record SessionView(
        String publicId,
        long accountId,
        String username,
        Set<String> roles,
        Instant createdAt,
        Instant lastSeenAt,
        Instant lastAuthenticatedAt,
        Instant idleExpiresAt,
        Instant absoluteExpiresAt,
        ClientFacts client,
        boolean newDevice,
        int failuresBeforeLogin,
        boolean previousToken,
        Duration longestIdleSinceAuthentication) {

    public SessionView {
        Objects.requireNonNull(publicId, "publicId");
        Objects.requireNonNull(username, "username");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
        Objects.requireNonNull(lastAuthenticatedAt, "lastAuthenticatedAt");
        Objects.requireNonNull(idleExpiresAt, "idleExpiresAt");
        Objects.requireNonNull(absoluteExpiresAt, "absoluteExpiresAt");
        client = client == null ? ClientFacts.UNKNOWN : client;
        Objects.requireNonNull(longestIdleSinceAuthentication, "longestIdleSinceAuthentication");
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Whether the holder proved the password no longer than {@code window} before {@code now}. */
    public boolean authenticatedWithin(Duration window, Instant now) {
        return !lastAuthenticatedAt.plus(window).isBefore(now);
    }
}
