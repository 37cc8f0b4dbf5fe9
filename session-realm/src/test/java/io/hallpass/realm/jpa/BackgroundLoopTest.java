package io.hallpass.realm.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The realm's background threads are stopped by waking them, never by an interrupt: an interrupt landing inside an
 * H2 file's I/O closes H2's file channel, and H2 then takes the whole database as broken (a realm closed in the
 * middle of a last-seen flush broke the application's own H2 file database).
 */
class BackgroundLoopTest {

    @Test
    void closingWaitsForARunningStepWithoutInterruptingIt() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean finished = new AtomicBoolean();
        BackgroundLoop loop = new BackgroundLoop("test-loop", "the test step", Duration.ofMillis(1), () -> {
            if (finished.get()) {
                return;
            }
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS); // stands for file I/O that an interrupt would break
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
            interrupted.compareAndSet(false, Thread.currentThread().isInterrupted());
            finished.set(true);
        });
        loop.start();
        assertTrue(entered.await(10, TimeUnit.SECONDS), "the step ran");

        Thread closer = new Thread(loop::close, "closer");
        closer.start();
        awaitWaiting(closer); // close() is waiting for the step: the race is reached
        release.countDown();
        closer.join(10_000);

        assertFalse(closer.isAlive(), "close() returned once the step ended");
        assertTrue(finished.get());
        assertFalse(interrupted.get(), "the step was interrupted");
    }

    @Test
    void closingAnIdleLoopEndsItAtOnceAndNoStepRunsAfterwards() throws Exception {
        AtomicInteger steps = new AtomicInteger();
        BackgroundLoop loop = new BackgroundLoop("idle-loop", "the test step", Duration.ofHours(1), steps::incrementAndGet);
        loop.start();
        loop.close(); // waits at most 10 s for the thread: it must have ended, not be sleeping out its hour
        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("idle-loop")),
                "the loop's thread outlived close()");
        assertEquals(0, steps.get(), "a step ran after close()");
    }

    private static void awaitWaiting(Thread thread) throws InterruptedException {
        for (int i = 0; i < 1000; i++) {
            Thread.State state = thread.getState();
            if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("close() never waited for the step: " + thread.getState());
    }
}
