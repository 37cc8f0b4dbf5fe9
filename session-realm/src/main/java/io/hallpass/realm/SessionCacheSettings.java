package io.hallpass.realm;

import java.time.Duration;

/**
 * The session cache of a realm, as {@link RealmBuilder#sessionCache(int, Duration)} configured it.
 *
 * @param maxEntries how many sessions one node keeps at most (1 to 10,000,000)
 * @param bound      how long a change made on another node may take to act here, and how long this node goes on
 *                   answering from its cache when it can not hear from the database (100 ms to 60 s)
 */
public record SessionCacheSettings(int maxEntries, Duration bound) {

    static final int MAX_ENTRIES = 10_000_000;
    static final Duration MIN_BOUND = Duration.ofMillis(100);
    static final Duration MAX_BOUND = Duration.ofSeconds(60);

    public SessionCacheSettings {
        if (maxEntries < 1 || maxEntries > MAX_ENTRIES) {
            throw new InvalidInputException("session cache size must be between 1 and " + MAX_ENTRIES + ", was "
                    + maxEntries);
        }
        if (bound == null || bound.compareTo(MIN_BOUND) < 0 || bound.compareTo(MAX_BOUND) > 0) {
            throw new InvalidInputException("session cache bound must be between 100 ms and 60 s, was " + bound);
        }
    }

    /** How often each node reads the change log: a quarter of the bound. */
    public Duration pollInterval() {
        return bound.dividedBy(4);
    }
}
