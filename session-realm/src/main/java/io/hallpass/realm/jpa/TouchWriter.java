package io.hallpass.realm.jpa;

import io.hallpass.realm.RealmUnavailableException;
import io.hallpass.realm.jpa.Rows.SessionRow;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Last-seen without writes on the request thread. A request that is let through records its activity here, in
 * memory ({@link #record}), without a lock when it comes within {@link #COALESCE_NANOS} of the last one recorded
 * (the common case under load: a signed-in user's parallel requests), and reads it without a lock; once a session's last activity on this node is a touch interval past the last-seen
 * stored for it, the session is queued, and one daemon thread per realm writes every queued session in one JDBC
 * batch ({@link SessionStore#touch}) at least every min(touch interval, 1 s), and once more on {@link #close()}. A
 * request never waits for it; a crash loses at most the activity of one flush interval, never a revocation (those
 * are written by the transactions that make them).
 *
 * <p>It also measures, per session, the longest gap between two consecutive activities since the last
 * authentication (sign-in or re-authentication), which {@code idle:X} rules judge. A re-authentication is noticed by
 * its new stamp: gaps measured against an older stamp no longer count, here or in the database (the write is
 * conditional on the stamp).
 *
 * <p>Every judgement of a session, cached or not, uses the latest of its stored last-seen and this node's
 * ({@link #seen}). Another node's activity reaches the database at most a touch interval (plus one flush) late, so
 * other nodes may think a session idle that long before it is: the idle rules err strict, never lenient.
 */
final class TouchWriter implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("io.hallpass.realm");
    private static final Duration MAX_FLUSH_INTERVAL = Duration.ofSeconds(1);
    /**
     * Activities closer than this to the last one recorded are not recorded again (see {@link #coalesces}): under
     * load, a signed-in user's requests then share one update per interval instead of taking a lock each.
     */
    static final long COALESCE_NANOS = 100_000_000L;

    /** One session's write: last activity, longest gap, and the authentication that gap is measured since. */
    record Touch(String publicId, Instant lastSeen, Duration idleGap, Instant authenticatedAt) {
    }

    /**
     * What this node knows of a session's activity beyond what it read from the database.
     *
     * @param storedLastSeen last-seen as stored, or as this node last wrote it if that is later
     * @param lastActivity   the latest of that and this node's last recorded activity
     * @param idleGap        this node's longest gap since the session's current authentication
     */
    record Seen(Instant storedLastSeen, Instant lastActivity, Duration idleGap) {
    }

    /**
     * This node's activity of one session, as one immutable value, so that a request reads it without a lock.
     *
     * @param authenticatedAt the authentication the gap is measured since, or null before the first activity
     * @param lastSeen        the last recorded activity, or null
     * @param idleGap         the longest gap since {@code authenticatedAt}
     * @param written         the last-seen this node last wrote, or null
     */
    private record Known(Instant authenticatedAt, Instant lastSeen, Duration idleGap, Instant written) {
        static final Known NOTHING = new Known(null, null, Duration.ZERO, null);
    }

    /** This node's activity of one session. Written under its own lock; {@link #known} is read without one. */
    private static final class Activity {
        final String publicId;
        volatile Known known = Known.NOTHING;
        boolean queued;
        boolean removed;

        Activity(String publicId) {
            this.publicId = publicId;
        }
    }

    private final Jdbc jdbc;
    private final Clock clock;
    private final Duration touchInterval;
    private final Duration idleTimeout;
    private final Duration flushInterval;
    private final Map<String, Activity> activities = new ConcurrentHashMap<>();
    private final Set<Activity> queued = ConcurrentHashMap.newKeySet();
    private final BackgroundLoop loop;
    private long flushes; // only the loop's thread

    TouchWriter(Jdbc jdbc, Clock clock, Duration touchInterval, Duration idleTimeout) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.touchInterval = touchInterval;
        this.idleTimeout = idleTimeout;
        this.flushInterval = touchInterval.compareTo(MAX_FLUSH_INTERVAL) < 0 ? touchInterval : MAX_FLUSH_INTERVAL;
        this.loop = new BackgroundLoop("hallpass-touch-writer", "the session last-seen writer", flushInterval, () -> {
            if (++flushes % 60 == 0) {
                sweep();
            }
            flush();
        });
        loop.start();
    }

    /**
     * What this node knows of a session beyond the row it read: last-seen as stored (or as this node wrote it),
     * its last activity here, and its longest gap here since the authentication {@code authenticatedAt}.
     */
    Seen seen(SessionRow s) {
        Activity a = activities.get(s.publicId());
        if (a == null) {
            return new Seen(s.lastSeenAt(), s.lastSeenAt(), Duration.ZERO);
        }
        Known k = a.known; // one consistent value, no lock
        Instant stored = later(s.lastSeenAt(), k.written());
        Duration gap = k.authenticatedAt() != null && k.authenticatedAt().equals(s.lastAuthenticatedAt())
                ? k.idleGap() : Duration.ZERO;
        return new Seen(stored, later(stored, k.lastSeen()), gap);
    }

    /**
     * Records one activity of a session at {@code now}.
     *
     * @param authenticatedAt the authentication stamp of the view the activity was judged on; a later one than
     *                        seen before starts the gaps over
     * @param storedLastSeen  last-seen as the view knew it
     */
    void record(String publicId, Instant authenticatedAt, Instant storedLastSeen, Instant now) {
        Activity seen = activities.get(publicId);
        if (seen != null && coalesces(seen.known, authenticatedAt, now)) {
            return;
        }
        while (true) {
            Activity a = activities.computeIfAbsent(publicId, Activity::new);
            synchronized (a) {
                if (a.removed) {
                    continue; // swept a moment ago: start a new one
                }
                Known k = a.known;
                Instant since = k.authenticatedAt();
                Duration longest = k.idleGap();
                if (since == null || since.isBefore(authenticatedAt)) {
                    since = authenticatedAt;
                    longest = Duration.ZERO;
                }
                Instant stored = later(storedLastSeen, k.written());
                Instant previous = later(stored, k.lastSeen());
                Instant last = k.lastSeen();
                if (previous.isBefore(now)) {
                    Duration gap = Duration.between(previous, now);
                    if (gap.compareTo(longest) > 0) {
                        longest = gap;
                    }
                    last = now;
                }
                a.known = new Known(since, last, longest, k.written());
                if (!a.queued && last != null && Duration.between(stored, last).compareTo(touchInterval) >= 0) {
                    a.queued = true;
                    queued.add(a);
                }
                return;
            }
        }
    }

    /**
     * How late activity on some node may reach the database: a touch interval before it is queued, then up to one
     * flush. The purge keeps sessions that long past their stored idle end, so that it never deletes a session that
     * a node still holds alive in memory.
     */
    Duration maxLateness() {
        return touchInterval.plus(flushInterval);
    }

    /**
     * Whether an activity at {@code now} adds nothing worth a lock: same authentication, and less than
     * {@link #COALESCE_NANOS} after the last activity recorded. Skipping it can only make the session look idle a
     * moment longer than it was (last-seen that much older, the next gap that much longer): the idle rules err
     * strict, by under {@link #COALESCE_NANOS}, never lenient.
     */
    private static boolean coalesces(Known k, Instant authenticatedAt, Instant now) {
        Instant last = k.lastSeen();
        if (last == null || k.authenticatedAt() == null || k.authenticatedAt().isBefore(authenticatedAt)) {
            return false;
        }
        long seconds = now.getEpochSecond() - last.getEpochSecond();
        if (seconds < 0 || seconds > 1) {
            return false;
        }
        long nanos = seconds * 1_000_000_000L + now.getNano() - last.getNano();
        return nanos >= 0 && nanos < COALESCE_NANOS;
    }

    /**
     * Writes every queued session now, in one batch. Package-private so that tests can flush without waiting.
     *
     * @throws RealmUnavailableException if the database can not be reached (the sessions stay queued)
     */
    void flush() {
        List<Activity> taken = new ArrayList<>(queued);
        if (taken.isEmpty()) {
            return;
        }
        List<Touch> touches = new ArrayList<>(taken.size());
        for (Activity a : taken) {
            synchronized (a) {
                Known k = a.known;
                touches.add(new Touch(a.publicId, k.lastSeen(), k.idleGap(), k.authenticatedAt()));
            }
        }
        jdbc.write(c -> {
            SessionStore.touch(c, touches);
            return null;
        });
        for (int i = 0; i < taken.size(); i++) {
            Activity a = taken.get(i);
            synchronized (a) {
                Known k = a.known;
                a.known = new Known(k.authenticatedAt(), k.lastSeen(), k.idleGap(),
                        later(k.written(), touches.get(i).lastSeen()));
                queued.remove(a);
                a.queued = false;
            }
        }
    }

    /** Forgets the activity of sessions idle for longer than the idle timeout: they have ended anyway. */
    private void sweep() {
        Instant cut = clock.instant().truncatedTo(ChronoUnit.MICROS).minus(idleTimeout);
        activities.forEach((publicId, a) -> {
            synchronized (a) {
                Instant last = a.known.lastSeen();
                if (!a.queued && (last == null || last.isBefore(cut))) {
                    a.removed = true;
                    activities.remove(publicId, a);
                }
            }
        });
    }

    /** Stops the thread without writing what is queued: what a crash does. For tests. */
    void halt() {
        loop.close();
        queued.clear();
    }

    /** Stops the thread and writes what is queued, once more. */
    @Override
    public void close() {
        loop.close();
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the last session last-seen writes were lost at close: " + e.getMessage());
        }
    }

    private static Instant later(Instant a, Instant b) {
        return b == null || a != null && a.isAfter(b) ? a : b;
    }
}
