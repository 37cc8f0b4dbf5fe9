package io.hallpass.realm.jpa;

import io.hallpass.realm.SessionLimit;
import io.hallpass.realm.jpa.Rows.SessionRow;
import java.util.List;
import org.hibernate.LockMode;

/**
 * The configured limit on an account's live sessions, applied where a session is opened (sign-in, and
 * {@code open} for an account authenticated elsewhere). Counting and opening happen under the account's row lock,
 * taken exclusively when a limit is set (the lock disabling takes), so parallel sign-ins on any node are counted
 * one after the other and can not pass the limit. Without a limit, openings take the lock shared, as before.
 */
final class SessionLimits {

    private final SessionLimit limit;
    private final SessionStore store;

    /** @param limit the limit, or null for none */
    SessionLimits(SessionLimit limit, SessionStore store) {
        this.limit = limit;
        this.store = store;
    }

    /** The lock an opening takes on its account before it counts and opens. */
    LockMode lockForOpening() {
        return limit == null ? LockMode.PESSIMISTIC_READ : LockMode.PESSIMISTIC_WRITE;
    }

    /** The most live sessions an account may have, or 0 for no limit. */
    int max() {
        return limit == null ? 0 : limit.max();
    }

    /**
     * Whether one more session may open for the account, whose row the caller holds locked with
     * {@link #lockForOpening()}. Under {@link SessionLimit.Policy#END_OLDEST} the oldest live sessions are revoked
     * (audited, reason {@code session-limit}) to make room, in the caller's transaction; under
     * {@link SessionLimit.Policy#REFUSE_NEW} the answer is no.
     */
    boolean admit(Tx t, long accountId) {
        if (limit == null) {
            return true;
        }
        List<SessionRow> live = store.liveRows(t, accountId);
        if (live.size() < limit.max()) {
            return true;
        }
        if (limit.policy() == SessionLimit.Policy.REFUSE_NEW) {
            return false;
        }
        for (SessionRow oldest : live.subList(0, live.size() - limit.max() + 1)) {
            store.revoke(t, oldest, "session-limit");
        }
        return true;
    }
}
