package io.hallpass.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hallpass.filter.event.Events;
import io.hallpass.filter.event.HallpassEvent;
import io.hallpass.realm.PurgeResult;
import io.hallpass.realm.Realm;
import io.hallpass.realm.RealmUnavailableException;
import io.hallpass.realm.testing.MutableClock;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A purge run publishes what it deleted; a failed run publishes nothing. */
class PurgeScheduleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final List<HallpassEvent> published = new ArrayList<>();
    private RuntimeException failure;

    /** A realm that answers only what the purge asks: purge and its clock. */
    private Realm realm() {
        return (Realm) Proxy.newProxyInstance(Realm.class.getClassLoader(), new Class<?>[] {Realm.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "purge" -> {
                        if (failure != null) {
                            throw failure;
                        }
                        yield new PurgeResult(4, 2, 1);
                    }
                    case "clock" -> clock;
                    case "close" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aRunPublishesWhatItDeletedAndAFailedRunNothing() {
        PurgeSchedule schedule = new PurgeSchedule(RealmHolder.of(realm()), Events.of(List.of(published::add), clock));
        try {
            schedule.purge();
            assertEquals(List.of(new HallpassEvent.Purged(clock.instant(), 4, 2, 1)), published);
            failure = new RealmUnavailableException("database down (test)", null);
            schedule.purge();
            assertEquals(1, published.size(), "a failed run deleted nothing it could name");
        } finally {
            schedule.stop();
        }
    }
}
