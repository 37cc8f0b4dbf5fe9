package io.hallpass.filter;

import io.hallpass.filter.event.Events;
import io.hallpass.filter.event.HallpassEvent;
import io.hallpass.realm.Realm;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Deletes ended sessions and old throttle rows of the filter's own realm, in small batches, on one daemon
 * thread. Skipped while the realm has not started; a failed run is logged and the next one tries again. Each run
 * that completes is published ({@link HallpassEvent.Purged}), zeros included.
 */
final class PurgeSchedule {

    private static final System.Logger LOG = System.getLogger(PurgeSchedule.class.getName());
    private static final int BATCH = 500;

    private final RealmHolder realm;
    private final ScheduledExecutorService executor;
    private final Events events;

    PurgeSchedule(RealmHolder realm, Events events) {
        this.realm = realm;
        this.events = events;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "hallpass-purge");
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs the purge every {@code interval}, the first time one interval from now. */
    static PurgeSchedule start(RealmHolder realm, Duration interval, Events events) {
        PurgeSchedule schedule = new PurgeSchedule(realm, events);
        long every = interval.toSeconds();
        schedule.executor.scheduleWithFixedDelay(schedule::purge, every, every, TimeUnit.SECONDS);
        return schedule;
    }

    void stop() {
        executor.shutdownNow();
    }

    /** One run (the scheduled task; tests call it directly). */
    void purge() {
        Realm current = realm.current();
        if (current == null) {
            return;
        }
        try {
            var result = current.purge(BATCH);
            events.publish(new HallpassEvent.Purged(events.now(), result.sessions(), result.throttleCounts(),
                    result.auditEvents()));
            if (result.total() > 0) {
                LOG.log(System.Logger.Level.DEBUG, "Hallpass purge: " + result);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Hallpass purge failed: " + e.getMessage());
        }
    }
}
