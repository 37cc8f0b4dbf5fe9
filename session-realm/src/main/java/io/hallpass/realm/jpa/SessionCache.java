package io.hallpass.realm.jpa;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.hallpass.realm.SessionCacheSettings;
import io.hallpass.realm.SessionCacheStats;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The sessions one node keeps in memory, keyed by token hash ({@link TokenKey}), with what decides whether an
 * entry may still answer: invalidation by epochs, trust in the change log, and a maximum age.
 *
 * <h2>Invalidation without scans or races: epochs</h2>
 * A node-wide counter, {@code sequence}, only grows. An entry records {@code loadedAt}, the counter's value read
 * <em>before</em> its database read. An invalidation (this node's own change, after its commit; or a row of the
 * change log another node wrote, after that commit) increments the counter and records the new value for the
 * account or the session it concerns. An entry may answer only if no record for its account or its session is
 * greater than its {@code loadedAt}; otherwise it is dropped and read again. Why that is race-free: an invalidation
 * always runs after the commit it stands for. If its value is at most {@code loadedAt}, the increment happened before
 * the load read the counter, so the commit happened before the load read the database, and the load saw the new
 * state. If its value is greater, the load may have read the old state, and the entry is refused. No entry is ever
 * searched for, and a load racing an invalidation can not put back what the invalidation removed. Clearing the
 * whole cache (a gap in the change log) is one more record of the same kind, for every entry.
 *
 * <p>Records are kept for the maximum entry age, then pruned: every entry loaded before a record read the
 * monotonic clock before it, so it is older than the maximum age by then and refused for that alone.
 *
 * <h2>Trust: fail closed, with a bound</h2>
 * An entry may answer only while the monotonic clock is before {@code trustedUntil}: the start of the last
 * successful poll of the change log ({@link ChangePoller}) plus the bound. A poll that started after a change
 * committed reads its row, and applies it before it extends the trust. So no request is answered from the cache for
 * a session whose change committed more than the bound earlier, on any node, also while the database can not be
 * reached: then the trust lapses, and every request reads the database, which answers or fails (503).
 *
 * <h2>The maximum entry age: a backstop</h2>
 * Entries are read again at the latest {@link #MAX_ENTRY_AGE} after they were loaded, whatever the change log says:
 * a change made by hand in SQL, behind the realm's back (so with no change row), is seen within it.
 *
 * <h2>Misses</h2>
 * A token hash that resolves to nothing is remembered too, in a second, smaller cache, so that a flood of forged but
 * well-formed cookies does not reach the database. That is safe because nothing that resolves to nothing ever
 * resolves to something later: a new token's hash is a fresh random value, never one seen before; revoked and expired
 * sessions stay so (an expired one is marked revoked), a disabled account's sessions are revoked with it, and a
 * rotated token past its grace never comes back.
 */
final class SessionCache {

    /** How long an entry may answer at most, whatever the change log says. */
    static final Duration MAX_ENTRY_AGE = Duration.ofMinutes(5);

    /** When an invalidation was recorded: its epoch, and the monotonic time after it. */
    private record Mark(long epoch, long nanos) {
    }

    private final Ticker ticker;
    private final long boundNanos;
    private final long maxAgeNanos;
    private final Cache<TokenKey, CachedSession> sessions;
    private final Cache<TokenKey, Boolean> missing;
    private final AtomicLong sequence = new AtomicLong();
    /** How many invalidations have their record in place: counted after the record (see {@link #invalidated}). */
    private final AtomicLong published = new AtomicLong();
    private final Map<Long, Mark> accounts = new ConcurrentHashMap<>();
    private final Map<Long, Mark> sessionIds = new ConcurrentHashMap<>();
    private volatile Mark cleared = new Mark(0, 0);
    private volatile long trustedUntil;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    SessionCache(SessionCacheSettings settings, Duration idleTimeout, Ticker ticker) {
        this.ticker = ticker;
        this.boundNanos = settings.bound().toNanos();
        this.maxAgeNanos = MAX_ENTRY_AGE.toNanos();
        Caffeine<Object, Object> builder = Caffeine.newBuilder().ticker(ticker).maximumSize(settings.maxEntries())
                .expireAfterWrite(MAX_ENTRY_AGE);
        if (idleTimeout.compareTo(MAX_ENTRY_AGE) < 0) {
            builder.expireAfterAccess(idleTimeout); // unused that long, the session has ended anyway
        }
        this.sessions = builder.build();
        this.missing = Caffeine.newBuilder().ticker(ticker).maximumSize(Math.max(1, settings.maxEntries() / 10))
                .expireAfterWrite(MAX_ENTRY_AGE).build();
        this.trustedUntil = ticker.read(); // nothing is trusted before the first poll
    }

    /** The epoch to record in an entry: read it before the database read. */
    long epoch() {
        return sequence.get();
    }

    /** The monotonic time, read before {@link #epoch()} when loading. */
    long nanos() {
        return ticker.read();
    }

    /**
     * The entry of a token hash that may answer now, or null: none, not trusted now (the caller then reads the
     * database), invalidated since it was loaded, or too old.
     */
    CachedSession get(TokenKey key) {
        CachedSession entry = sessions.getIfPresent(key);
        if (entry == null) {
            return null;
        }
        long now = ticker.read();
        if (now - trustedUntil >= 0) {
            return null;
        }
        if (now - entry.loadedNanos >= maxAgeNanos || invalidated(entry)) {
            sessions.asMap().remove(key, entry);
            return null;
        }
        return entry;
    }

    /**
     * Whether an invalidation recorded since the entry's load concerns it. An entry found valid after the last
     * published invalidation needs no look at the records until the next one: {@code published} counts the
     * invalidations whose record is in place, so one that has counted before the check was read was seen by it, and
     * any later one changes the count.
     */
    private boolean invalidated(CachedSession entry) {
        long count = published.get();
        if (entry.checkedAt == count) {
            return false; // the common case: nothing invalidated since this entry was last checked
        }
        if (cleared.epoch() > entry.loadedAt || after(accounts.get(entry.accountId()), entry.loadedAt)
                || after(sessionIds.get(entry.sessionId()), entry.loadedAt)) {
            return true;
        }
        entry.checkedAt = count;
        return false;
    }

    private static boolean after(Mark mark, long loadedAt) {
        return mark != null && mark.epoch() > loadedAt;
    }

    /** Keeps a live session read at {@code entry.loadedAt}. */
    void put(TokenKey key, CachedSession entry) {
        sessions.put(key, entry);
    }

    /** Whether a token hash is known to resolve to nothing. */
    boolean isMissing(TokenKey key) {
        return missing.getIfPresent(key) != null;
    }

    /** Remembers that a token hash resolves to nothing, for good (see the class documentation). */
    void putMissing(TokenKey key) {
        sessions.invalidate(key);
        missing.put(key, Boolean.TRUE);
    }

    /** A committed change to one session ({@code sessionId} non-null) or to every session of an account. */
    void invalidate(long accountId, Long sessionId) {
        Mark mark = new Mark(sequence.incrementAndGet(), ticker.read());
        Map<Long, Mark> marks = sessionId == null ? accounts : sessionIds;
        marks.merge(sessionId == null ? accountId : sessionId, mark, (a, b) -> a.epoch() >= b.epoch() ? a : b);
        published.incrementAndGet();
    }

    /** Refuses every entry loaded so far: the change log has a gap, so some changes can not be known. */
    void clear() {
        cleared = new Mark(sequence.incrementAndGet(), ticker.read());
        published.incrementAndGet();
        sessions.invalidateAll();
    }

    /** A poll that started at {@code pollStartedNanos} has applied every change committed before it. */
    void trustFrom(long pollStartedNanos) {
        long until = pollStartedNanos + boundNanos;
        if (until - trustedUntil > 0) {
            trustedUntil = until;
        }
    }

    /** Whether an entry may answer now, as far as the change log goes. */
    boolean trusted() {
        return ticker.read() - trustedUntil < 0;
    }

    /** Forgets invalidation records older than the maximum entry age (see the class documentation). */
    void prune() {
        long now = ticker.read();
        accounts.values().removeIf(mark -> now - mark.nanos() >= maxAgeNanos);
        sessionIds.values().removeIf(mark -> now - mark.nanos() >= maxAgeNanos);
    }

    /** How many sessions are kept (an estimate, as Caffeine counts), for tests and logs. */
    long size() {
        return sessions.estimatedSize();
    }

    /** Counts a lookup the cache answered (for {@link #stats()}). */
    void hit() {
        hits.increment();
    }

    /** Counts a lookup that had to read the database (for {@link #stats()}). */
    void miss() {
        misses.increment();
    }

    /** Size, hits, misses and the time since the last successful poll started (the trust minus the bound). */
    SessionCacheStats stats() {
        long sincePoll = Math.max(0, ticker.read() - (trustedUntil - boundNanos));
        return new SessionCacheStats(sessions.estimatedSize(), hits.sum(), misses.sum(), Duration.ofNanos(sincePoll));
    }

    /** How many invalidation records are kept, for tests. */
    int marks() {
        return accounts.size() + sessionIds.size();
    }
}
