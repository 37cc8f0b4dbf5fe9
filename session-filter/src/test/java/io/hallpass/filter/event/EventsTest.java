package io.hallpass.filter.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hallpass.filter.web.Refusal;
import io.hallpass.realm.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dispatch of the event stream: order, isolation of a failing listener, the rate-limited log. */
class EventsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final List<String> logged = new ArrayList<>();
    private final Logger jul = Logger.getLogger(Events.class.getName());
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        jul.addHandler(handler);
    }

    @AfterEach
    void stopListening() {
        jul.removeHandler(handler);
    }

    private HallpassEvent refused() {
        return new HallpassEvent.Refused(clock.instant(), Refusal.Kind.FIREWALL, "GET", "127.0.0.1");
    }

    /** Always throws: a listener with a bug. */
    static final class Broken implements HallpassListener {
        @Override
        public void onEvent(HallpassEvent event) {
            throw new IllegalStateException("listener bug");
        }
    }

    @Test
    void everyListenerReceivesEveryEventInOrder() {
        List<String> seen = new ArrayList<>();
        Events events = Events.of(List.of(e -> seen.add("first " + e.getClass().getSimpleName()),
                e -> seen.add("second " + e.getClass().getSimpleName())), clock);
        events.publish(refused());
        events.publish(new HallpassEvent.Purged(events.now(), 1, 2, 3));
        assertEquals(List.of("first Refused", "second Refused", "first Purged", "second Purged"), seen);
        assertEquals(0, events.failures());
    }

    @Test
    void aThrowingListenerIsCountedAndTheListenersAfterItStillReceive() {
        List<HallpassEvent> after = new ArrayList<>();
        Events events = Events.of(List.<HallpassListener>of(new Broken(), after::add), clock);
        events.publish(refused()); // returns normally
        events.publish(refused());
        assertEquals(2, after.size(), "the listener after the broken one saw both");
        assertEquals(2, events.failures());
    }

    @Test
    void anErrorThrownByAListenerDoesNotReachTheCallerEither() {
        Events events = Events.of(List.<HallpassListener>of(e -> {
            throw new AssertionError("an Error, not an exception");
        }), clock);
        events.publish(refused());
        assertEquals(1, events.failures());
    }

    @Test
    void theJvmRunningOutOfMemoryIsNotSwallowed() {
        Events events = Events.of(List.<HallpassListener>of(e -> {
            throw new OutOfMemoryError("simulated");
        }), clock);
        assertThrows(OutOfMemoryError.class, () -> events.publish(refused()));
    }

    @Test
    void aFailingListenerIsLoggedOnceAMinuteWithTheCountSince() {
        Events events = Events.of(List.of(new Broken()), clock);
        for (int i = 0; i < 100; i++) {
            events.publish(refused());
        }
        assertEquals(1, logged.size(), logged.toString());
        assertEquals(true, logged.get(0).contains(Broken.class.getName()), logged.get(0));
        clock.advance(Duration.ofSeconds(59));
        events.publish(refused());
        assertEquals(1, logged.size(), "still within the minute");
        clock.advance(Duration.ofSeconds(1));
        events.publish(refused());
        assertEquals(2, logged.size());
        assertEquals(true, logged.get(1).contains("failed 101 times"), logged.get(1));
        assertEquals(102, events.failures(), "every failure counts, logged or not");
    }

    @Test
    void aNullListenerIsRefusedAtStart() {
        List<HallpassListener> listeners = new ArrayList<>();
        listeners.add(null);
        assertThrows(IllegalArgumentException.class, () -> Events.of(listeners, clock));
    }

    @Test
    void aStreamWithoutListenersIsNotListened() {
        assertEquals(false, Events.none().listened());
        assertEquals(true, Events.of(List.of(e -> { }), clock).listened());
    }
}
