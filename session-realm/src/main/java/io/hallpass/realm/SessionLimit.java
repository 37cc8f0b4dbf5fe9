package io.hallpass.realm;

/**
 * At most {@code max} live sessions per account, and what happens to the sign-in that would open one more. Off
 * unless configured ({@link RealmBuilder#maxSessions}). The sessions are counted, and the new one opened, under the
 * account's row lock (the one that disabling takes), so parallel sign-ins, on any node, can not pass the limit.
 *
 * @param max    live sessions an account may have (1 to 1000)
 * @param policy what a sign-in past the limit does
 */
public record SessionLimit(int max, Policy policy) {

    /** What a sign-in past the limit does. */
    public enum Policy {
        /** It is refused ({@link LoginResult.TooManySessions}); the sessions the account has stay. */
        REFUSE_NEW,
        /** It is let in, and the oldest live sessions are revoked (audited, reason {@code session-limit}). */
        END_OLDEST
    }

    public SessionLimit {
        if (max < 1 || max > 1000) {
            throw new InvalidInputException("max sessions must be between 1 and 1000, was " + max);
        }
        if (policy == null) {
            throw new InvalidInputException("the session limit's policy is missing");
        }
    }
}
