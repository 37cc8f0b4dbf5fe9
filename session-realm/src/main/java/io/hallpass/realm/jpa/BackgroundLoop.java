package io.hallpass.realm.jpa;

import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * One daemon thread that runs a step every interval until it is closed: the last-seen writer's flush
 * ({@link TouchWriter}) and the change-log poll ({@link ChangePoller}). A step that fails is logged once, at WARNING,
 * and once more, at INFO, when a step succeeds again; the loop goes on either way.
 */
final class BackgroundLoop implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("io.hallpass.realm");

    private final Thread thread;
    private final String what;
    private final Object wake = new Object();
    private volatile boolean running = true;
    private boolean failing;

    /**
     * @param what what the step does, for the log ("the session last-seen writer", ...)
     */
    BackgroundLoop(String name, String what, Duration interval, Runnable step) {
        this.what = what;
        long millis = Math.max(1, interval.toMillis());
        this.thread = new Thread(() -> {
            while (pause(millis)) {
                runStep(step);
            }
        }, name);
        thread.setDaemon(true);
    }

    private void runStep(Runnable step) {
        try {
            step.run();
            if (failing) {
                failing = false;
                LOG.log(Level.INFO, what + " reaches the database again");
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.log(Level.WARNING, what + " can not reach the database (" + e.getMessage() + "); it keeps trying");
            }
        }
    }

    void start() {
        thread.start();
    }

    /** Waits one interval, or until closed; answers whether to run the step. */
    private boolean pause(long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        synchronized (wake) {
            try {
                for (long left = millis; running && left > 0; left = (end - System.nanoTime()) / 1_000_000L) {
                    wake.wait(left);
                }
            } catch (InterruptedException e) {
                return false; // someone else's interrupt: stop, as close() would
            }
        }
        return running;
    }

    /**
     * Stops the thread and waits for its step to end. It wakes the thread rather than interrupting it: an interrupt
     * that lands while the step is inside an H2 file's I/O closes H2's file channel, and H2 then takes the whole
     * database as broken, under the application's feet.
     */
    @Override
    public void close() {
        running = false;
        synchronized (wake) {
            wake.notifyAll();
        }
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
