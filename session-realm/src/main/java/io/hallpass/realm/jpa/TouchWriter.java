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
 * memory ({@link #record}); once a session's last activity on this node is a touch interval past the last-seen
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

    /** This node's activity of one session. Guarded by itself. */
    private static final class Activity {
        final String publicId;
        Instant authenticatedAt;
        Instant lastSeen;
        Duration idleGap = Duration.ZERO;
        Instant written;
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
        synchronized (a) {
            Instant stored = later(s.lastSeenAt(), a.written);
            Duration gap = a.authenticatedAt != null && a.authenticatedAt.equals(s.lastAuthenticatedAt())
                    ? a.idleGap : Duration.ZERO;
            return new Seen(stored, later(stored, a.lastSeen), gap);
        }
    }

    /**
     * Records one activity of a session at {@code now}.
     *
     * @param authenticatedAt the authentication stamp of the view the activity was judged on; a later one than
     *                        seen before starts the gaps over
     * @param storedLastSeen  last-seen as the view knew it
     */
    void record(String publicId, Instant authenticatedAt, Instant storedLastSeen, Instant now) {
        while (true) {
            Activity a = activities.computeIfAbsent(publicId, Activity::new);
            synchronized (a) {
                if (a.removed) {
                    continue; // swept a moment ago: start a new one
                }
                if (a.authenticatedAt == null || a.authenticatedAt.isBefore(authenticatedAt)) {
                    a.authenticatedAt = authenticatedAt;
                    a.idleGap = Duration.ZERO;
                }
                Instant stored = later(storedLastSeen, a.written);
                Instant previous = later(stored, a.lastSeen);
                if (previous.isBefore(now)) {
                    Duration gap = Duration.between(previous, now);
                    if (gap.compareTo(a.idleGap) > 0) {
                        a.idleGap = gap;
                    }
                    a.lastSeen = now;
                }
                if (!a.queued && a.lastSeen != null
                        && Duration.between(stored, a.lastSeen).compareTo(touchInterval) >= 0) {
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
                touches.add(new Touch(a.publicId, a.lastSeen, a.idleGap, a.authenticatedAt));
            }
        }
        jdbc.write(c -> {
            SessionStore.touch(c, touches);
            return null;
        });
        for (int i = 0; i < taken.size(); i++) {
            Activity a = taken.get(i);
            synchronized (a) {
                a.written = later(a.written, touches.get(i).lastSeen());
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
                if (!a.queued && (a.lastSeen == null || a.lastSeen.isBefore(cut))) {
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
