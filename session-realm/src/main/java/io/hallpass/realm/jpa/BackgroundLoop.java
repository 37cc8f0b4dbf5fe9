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
    private volatile boolean running = true;
    private boolean failing;

    /**
     * @param what what the step does, for the log ("the session last-seen writer", ...)
     */
    BackgroundLoop(String name, String what, Duration interval, Runnable step) {
        this.what = what;
        long millis = Math.max(1, interval.toMillis());
        this.thread = new Thread(() -> {
            while (running) {
                try {
                    Thread.sleep(millis);
                } catch (InterruptedException e) {
                    return;
                }
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

    /** Stops the thread and waits for its step to end. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
