package io.hallpass.realm;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a realm's session cache looks like now, read-only, for metrics: how much it holds, how often it answered, and
 * how fresh its view of other nodes' changes is.
 *
 * <pre>{@code
 * if (realm instanceof SessionCacheStats.Source source) {
 *     source.sessionCacheStats().ifPresent(stats -> report(stats.size(), stats.hitRatio()));
 * }
 * }</pre>
 *
 * @param size          sessions kept (Caffeine's estimate)
 * @param hits          lookups the cache answered (a live entry, or a token hash known to resolve to nothing)
 * @param misses        lookups that read the database
 * @param sinceLastPoll how long ago the last successful poll of the change log started: a change committed on
 *                      another node acts here within about this long, and past the cache's bound the cache stops
 *                      answering until a poll succeeds again
 */
public record SessionCacheStats(long size, long hits, long misses, Duration sinceLastPoll) {

    public SessionCacheStats {
        Objects.requireNonNull(sinceLastPoll, "sinceLastPoll");
    }

    /** Hits over all lookups, from 0 to 1; -1 before the first lookup. */
    public double hitRatio() {
        long total = hits + misses;
        return total == 0 ? -1 : (double) hits / total;
    }

    /** A realm whose session cache can be observed. {@link Realm#builder()}'s realms are. */
    public interface Source {

        /** The cache's statistics now; empty when the cache is off. */
        Optional<SessionCacheStats> sessionCacheStats();
    }
}
