package io.hallpass.realm.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import io.hallpass.realm.testing.ScratchDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The invariant the session caches rest on ({@link ChangeLog}): change ids are dense and in commit order. Many
 * writers append at once, some roll back after taking their ids, and each holds its transaction open a moment after
 * appending, so that an id handed out before another commits after it if the implementation allowed it. A reader
 * meanwhile keeps taking one-statement snapshots: in every one, the ids seen must be exactly 1..max (a higher id
 * visible while a lower one is not would be a commit out of order, or a gap). At the end the committed ids are
 * exactly 1..n, and exactly the ones the committing writers were given. On all three databases.
 */
class ChangeLogIT {

    static final int WRITERS = 6;
    static final int TRANSACTIONS_EACH = 40;

    @ParameterizedTest
    @EnumSource(ScratchDatabase.Kind.class)
    void concurrentWritersGetDenseIdsInCommitOrderAndRollbacksLeaveNoGap(ScratchDatabase.Kind kind)
            throws Exception {
        try (ScratchDatabase db = ScratchDatabase.create(kind); HikariDataSource pool = db.pool(WRITERS + 2)) {
            Schema.forProduct(Schema.productName(pool, java.time.Duration.ofSeconds(5))).createIfMissing(pool);
            List<Long> committed = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger rolledBack = new AtomicInteger();
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicReference<String> violation = new AtomicReference<>();
            AtomicInteger snapshots = new AtomicInteger();
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(WRITERS + 1);
            try {
                Future<?> reader = threads.submit(() -> {
                    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                        go.await();
                        while (writing.get() || snapshots.get() == 0) {
                            // the ids themselves, in order, as a poller reads them: no aggregate, whose shortcuts
                            // (H2 answers count(*) from the map's size, uncommitted rows included) see other things
                            try (ResultSet rs = s.executeQuery("select id from hp_session_change order by id")) {
                                long expected = 1;
                                while (rs.next()) {
                                    long id = rs.getLong(1);
                                    if (id != expected) {
                                        violation.compareAndSet(null, "a snapshot saw id " + id + " where "
                                                + expected + " was due: a gap or an id out of commit order");
                                        break;
                                    }
                                    expected++;
                                }
                            }
                            snapshots.incrementAndGet();
                        }
                    }
                    return null;
                });
                List<Future<?>> writers = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    int writer = w;
                    writers.add(threads.submit(() -> {
                        go.await();
                        for (int i = 0; i < TRANSACTIONS_EACH; i++) {
                            ThreadLocalRandom random = ThreadLocalRandom.current();
                            int k = 1 + random.nextInt(3);
                            List<SessionChange> changes = new ArrayList<>();
                            for (int j = 0; j < k; j++) {
                                changes.add(new SessionChange(writer, (long) i * 10 + j, "test"));
                            }
                            try (Connection c = pool.getConnection()) {
                                c.setAutoCommit(false);
                                ChangeLog.append(c, Instant.parse("2026-03-01T09:00:00Z"), changes);
                                long last = ChangeLog.counter(c);
                                Thread.sleep(random.nextInt(3)); // hold the ids a moment before deciding
                                if (random.nextInt(4) == 0) {
                                    c.rollback();
                                    rolledBack.incrementAndGet();
                                } else {
                                    c.commit();
                                    for (long id = last - k + 1; id <= last; id++) {
                                        committed.add(id);
                                    }
                                }
                            }
                        }
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> writer : writers) {
                    writer.get(300, TimeUnit.SECONDS);
                }
                writing.set(false);
                reader.get(60, TimeUnit.SECONDS);
            } finally {
                threads.shutdownNow();
            }

            Set<Long> stored = new TreeSet<>();
            long counter;
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("select id from hp_session_change")) {
                    while (rs.next()) {
                        stored.add(rs.getLong(1));
                    }
                }
                counter = ChangeLog.counter(c);
            }
            assertEquals(null, violation.get(), "every snapshot must see ids 1..max and nothing else");
            assertTrue(rolledBack.get() > 0 && snapshots.get() > 1, rolledBack + " rollbacks, " + snapshots
                    + " snapshots: the test must reach both");
            Set<Long> expected = new TreeSet<>();
            for (long id = 1; id <= committed.size(); id++) {
                expected.add(id);
            }
            assertEquals(expected, stored, "exactly 1..n, with no gap where a transaction rolled back");
            assertEquals(expected, new TreeSet<>(committed), "the ids each committing writer was given");
            assertEquals(committed.size(), counter, "the counter rolled back with every rollback");
            System.out.println(kind + ": " + committed.size() + " change ids committed, " + rolledBack
                    + " transactions rolled back, " + snapshots + " snapshots, all dense and in commit order");
        }
    }
}
