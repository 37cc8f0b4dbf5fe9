package io.hallpass.filter;

import io.hallpass.realm.Realm;
import io.hallpass.realm.RealmUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Holds the realm, and starts it late if the database was unreachable when the filter started: protected
 * requests then get 503 and each one (at most once per retry interval) tries again, while public paths keep
 * working. Configuration and schema errors are not retried: they stop the filter at start-up.
 */
final class RealmHolder implements Supplier<Realm> {

    private static final System.Logger LOG = System.getLogger(RealmHolder.class.getName());

    private final Supplier<Realm> starter;
    private final boolean owned;
    private final Duration retryInterval;
    private final Clock clock;
    private volatile Realm realm;
    private volatile Instant nextAttempt = Instant.MIN;
    private volatile RealmUnavailableException lastFailure;

    /** A realm that already runs (handed in by the application); it is not closed with the filter. */
    static RealmHolder of(Realm realm) {
        RealmHolder holder = new RealmHolder(() -> realm, false, Duration.ZERO, realm.clock());
        holder.realm = realm;
        return holder;
    }

    /** A realm the filter starts (now, or later if the database cannot be reached yet) and closes. */
    static RealmHolder starting(Supplier<Realm> starter, Duration retryInterval, Clock clock) {
        RealmHolder holder = new RealmHolder(starter, true, retryInterval, clock);
        try {
            holder.get();
        } catch (RealmUnavailableException e) {
            LOG.log(System.Logger.Level.WARNING, "Hallpass: the database cannot be reached (" + e.getMessage()
                    + (e.getCause() == null ? "" : ": " + e.getCause())
                    + "); protected paths answer 503 until it can, retrying every " + retryInterval.toSeconds() + " s");
        }
        return holder;
    }

    private RealmHolder(Supplier<Realm> starter, boolean owned, Duration retryInterval, Clock clock) {
        this.starter = starter;
        this.owned = owned;
        this.retryInterval = retryInterval;
        this.clock = clock;
    }

    /**
     * The running realm.
     *
     * @throws RealmUnavailableException if it has not started yet and cannot start now
     */
    @Override
    public Realm get() {
        Realm current = realm;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (realm != null) {
                return realm;
            }
            Instant now = clock.instant();
            if (now.isBefore(nextAttempt)) {
                throw lastFailure;
            }
            try {
                realm = starter.get();
                LOG.log(System.Logger.Level.INFO, "Hallpass: realm started");
                return realm;
            } catch (RealmUnavailableException e) {
                lastFailure = e;
                nextAttempt = now.plus(retryInterval);
                throw e;
            }
        }
    }

    /** The realm if it runs, else null; never tries to start it. */
    Realm current() {
        return realm;
    }

    void close() {
        Realm current = realm;
        realm = null;
        if (owned && current != null) {
            current.close();
        }
    }
}
