package io.hallpass.filter.event;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The filter's event stream: hands each {@link HallpassEvent} to every listener in turn, on the caller's thread.
 * Internal to the filter (the places where things happen call {@link #publish}); applications implement
 * {@link HallpassListener} instead.
 *
 * <p>A listener that throws never breaks the request that emitted the event, nor the listeners after it: the
 * exception is caught and counted ({@link #failures()}), and logged with its stack trace the first time for each
 * listener class, then at most once per {@link #LOG_INTERVAL} with the number of failures since. Only a
 * {@link VirtualMachineError} (out of memory) goes on: the JVM is failing, not the listener.
 *
 * <pre>{@code
 * Events events = Events.of(List.of(metrics, mailer), clock);
 * events.publish(new HallpassEvent.Purged(events.now(), 12, 3, 0));
 * }</pre>
 */
public final class Events {

    private static final System.Logger LOG = System.getLogger(Events.class.getName());
    /** How often a listener class that keeps failing is logged at most. */
    static final Duration LOG_INTERVAL = Duration.ofMinutes(1);

    private static final Events NONE = new Events(List.of(), Clock.systemUTC());

    /** When each failing listener class was last logged, and how many failures it has had since. */
    private static final class Trouble {
        volatile Instant logged;
        final AtomicLong since = new AtomicLong();
    }

    private final HallpassListener[] listeners;
    private final Clock clock;
    private final LongAdder failures = new LongAdder();
    private final Map<Class<?>, Trouble> trouble = new ConcurrentHashMap<>();

    private Events(List<? extends HallpassListener> listeners, Clock clock) {
        this.listeners = listeners.toArray(new HallpassListener[0]);
        this.clock = clock;
    }

    /**
     * A stream to {@code listeners}, in this order.
     *
     * @param clock the realm's clock: events and decisions agree about now (and so does the rate limit of the log)
     */
    public static Events of(List<? extends HallpassListener> listeners, Clock clock) {
        for (HallpassListener l : listeners) {
            if (l == null) {
                throw new IllegalArgumentException("a listener is null");
            }
        }
        return new Events(listeners, clock);
    }

    /** A stream that nobody listens to (tests of other parts). */
    public static Events none() {
        return NONE;
    }

    /** Now, by the stream's clock: the time to put in an event. */
    public Instant now() {
        return clock.instant();
    }

    /** Whether anyone listens: a caller may skip building an event that costs something to build. */
    public boolean listened() {
        return listeners.length > 0;
    }

    /** Hands {@code event} to every listener; returns when all have had it (or failed). */
    public void publish(HallpassEvent event) {
        for (HallpassListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) { // a listener's fault, whatever it is, never reaches the request
                failed(listener, event, e);
            }
        }
    }

    /** How many times a listener has thrown since the filter started. */
    public long failures() {
        return failures.sum();
    }

    private void failed(HallpassListener listener, HallpassEvent event, Throwable e) {
        failures.increment();
        Class<?> type = listener.getClass();
        Trouble t = trouble.computeIfAbsent(type, k -> new Trouble());
        long since = t.since.incrementAndGet();
        Instant now = clock.instant();
        Instant last = t.logged;
        if (last != null && now.isBefore(last.plus(LOG_INTERVAL))) {
            return;
        }
        synchronized (t) {
            if (t.logged != last) {
                return; // another thread logged it meanwhile
            }
            t.logged = now;
            t.since.addAndGet(-since);
        }
        String kind = event.getClass().getSimpleName();
        if (last == null) {
            LOG.log(System.Logger.Level.WARNING, "Hallpass: event listener " + type.getName() + " failed on "
                    + kind + " (the request went on; further failures are logged at most once a minute)", e);
        } else {
            LOG.log(System.Logger.Level.WARNING, "Hallpass: event listener " + type.getName() + " failed "
                    + since + " times in the last minute or more, the latest on " + kind + ": " + e);
        }
    }
}
