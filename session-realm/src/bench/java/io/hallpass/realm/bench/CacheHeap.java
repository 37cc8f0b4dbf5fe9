package io.hallpass.realm.bench;

import io.hallpass.realm.Realm;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;

/**
 * What 100,000 cached sessions cost in heap, in a whole realm rather than in {@code CacheFootprintTest}'s bare
 * cache: 101,000 live sessions (two grants each) bulk-loaded, then resolved once each by a realm without a cache and
 * by one with a cache of 200,000 entries, heap used after full collections measured before and after each pass. The
 * first pass shows what any resolved session costs (this node's activity record, kept for the touch writer); the
 * second that plus the cache entry; the difference is the cache's own.
 *
 * <p>A connection of its own stays open throughout, so that H2's page cache (in this heap) is already full when
 * the first measurement starts. Arguments: {@code h2|postgresql [sessions=100000]}. Run by
 * {@code src/bench/run-scale.sh}, or {@code mvn -B -pl session-realm -Pbench test-compile exec:exec@scale
 * -Dscale.main=CacheHeap -Dscale.args="h2 100000"}.
 */
public final class CacheHeap {

    /** Sessions resolved before the first measurement, so that the realm's own first-use allocations are not counted. */
    private static final int WARM_UP = 1_000;

    private CacheHeap() {
    }

    public static void main(String[] args) throws Exception {
        String database = args.length > 0 ? args[0] : "h2";
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int sessions = measured + WARM_UP;
        ScaleDatabase db = ScaleDatabase.of(database, "heap");
        db.clear();
        db.realm().build().close();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (Connection keepOpen = db.connect()) {
            List<String> tokens = SessionLoad.load(keepOpen, sessions, 1, i -> true);
            long[] uncached = pass(db.realm().poolSize(2).build(), tokens, memory);
            long[] cached = pass(db.realm().poolSize(2).sessionCache(2 * sessions, Duration.ofSeconds(1)).build(),
                    tokens, memory);
            long activity = (uncached[1] - uncached[0]) / measured;
            long total = (cached[1] - cached[0]) / measured;
            System.out.printf("%s, %,d sessions resolved once each, heap %,d MiB max, %s:%n", db, measured,
                    memory.getHeapMemoryUsage().getMax() >> 20, gcNames());
            System.out.printf("  no cache:   %,6d bytes retained per resolved session (%,d MiB in all)%n", activity,
                    (uncached[1] - uncached[0]) >> 20);
            System.out.printf("  with cache: %,6d bytes retained per resolved session (%,d MiB in all)%n", total,
                    (cached[1] - cached[0]) >> 20);
            System.out.printf("  the cache's own: %,d bytes per cached session, %,d MiB per 100,000%n",
                    total - activity, (total - activity) * 100_000 >> 20);
        } finally {
            db.clear();
        }
    }

    /** Heap used before and after resolving every token once (kept, then closed, realm). */
    private static long[] pass(Realm realm, List<String> tokens, MemoryMXBean memory) throws InterruptedException {
        try (realm) {
            for (String token : tokens.subList(0, WARM_UP)) {
                realm.resolve(token);
            }
            long before = used(memory);
            for (String token : tokens.subList(WARM_UP, tokens.size())) {
                if (realm.resolve(token).isEmpty()) {
                    throw new IllegalStateException("a loaded live session does not resolve");
                }
            }
            long after = used(memory);
            return new long[] {before, after};
        }
    }

    private static long used(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static String gcNames() {
        return String.join("+", ManagementFactory.getGarbageCollectorMXBeans().stream().map(b -> b.getName())
                .toList());
    }
}
