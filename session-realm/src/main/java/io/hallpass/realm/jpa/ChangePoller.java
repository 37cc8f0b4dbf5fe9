package io.hallpass.realm.jpa;

import com.github.benmanes.caffeine.cache.Ticker;
import io.hallpass.realm.RealmUnavailableException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;

/**
 * Each node's reader of the change log ({@link ChangeLog}): one daemon thread per realm with the cache on, which every
 * poll interval (the bound / 4) reads the counter and then every change row up to it after the last one it applied,
 * in batches, and applies each to the {@link SessionCache} as an invalidation. Ids are dense and in commit order, so
 * the first row must be the next id and each row the one after: a gap means that rows this node needed were purged
 * (it could not poll for longer than their retention), and the whole cache is cleared. After each successful poll
 * the cache's trust extends to the poll's start plus the bound; a poll that fails extends nothing, so the trust
 * lapses by itself.
 */
final class ChangePoller implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("io.hallpass.realm");
    static final int BATCH = 1_000;

    private final Jdbc jdbc;
    private final SessionCache cache;
    private final Ticker ticker;
    private final BackgroundLoop loop;
    private long last; // guarded by this
    private long polls; // only the loop's thread

    /**
     * Reads the counter (before any entry is cached: everything up to it is already in the database any load reads),
     * which counts as a first successful poll.
     *
     * @param background whether to poll on a thread of its own (tests poll with {@link #pollOnce()})
     */
    ChangePoller(Jdbc jdbc, SessionCache cache, Ticker ticker, Duration interval, boolean background) {
        this.jdbc = jdbc;
        this.cache = cache;
        this.ticker = ticker;
        long started = ticker.read();
        this.last = jdbc.read(ChangeLog::counter);
        cache.trustFrom(started);
        this.loop = new BackgroundLoop("hallpass-change-poller", "the session cache's change-log poller", interval,
                () -> {
                    if (++polls % 64 == 0) {
                        cache.prune();
                    }
                    pollOnce();
                });
        if (background) {
            loop.start();
        }
    }

    /**
     * Reads and applies every change committed since the last poll, then extends the cache's trust.
     *
     * @throws RealmUnavailableException if the database can not be reached (nothing is extended)
     */
    synchronized void pollOnce() {
        long started = ticker.read();
        jdbc.read(c -> {
            long upTo = ChangeLog.counter(c);
            while (last < upTo) {
                List<ChangeLog.Entry> rows = ChangeLog.between(c, last, upTo, BATCH);
                for (ChangeLog.Entry row : rows) {
                    if (row.id() != last + 1) {
                        break; // a gap: see below
                    }
                    cache.invalidate(row.accountId(), row.sessionId());
                    last = row.id();
                }
                if (rows.isEmpty() || last != rows.get(rows.size() - 1).id()) {
                    LOG.log(Level.WARNING, "the session cache missed changes " + (last + 1) + " and later (purged"
                            + " before this node read them); it starts over empty");
                    cache.clear();
                    last = upTo;
                }
            }
            return null;
        });
        cache.trustFrom(started);
    }

    /** The last change id applied. */
    synchronized long last() {
        return last;
    }

    @Override
    public void close() {
        loop.close();
    }
}
