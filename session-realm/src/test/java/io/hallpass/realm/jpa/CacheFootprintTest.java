package io.hallpass.realm.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallpass.realm.RoleGrant;
import io.hallpass.realm.SessionCacheSettings;
import io.hallpass.realm.jpa.Rows.SessionRow;
import io.hallpass.realm.testing.FakeTicker;
import io.hallpass.realm.token.TokenCodec;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What one cached session costs in heap: 100,000 entries as the realm keeps them (a key of 32 bytes, the session row
 * with a browser's user agent, two grants, the cache's own node), heap used after a full collection with them minus
 * before, divided. Printed for the README; asserted only to be plausible, since collectors differ.
 */
class CacheFootprintTest {

    static final int ENTRIES = 100_000;

    @Test
    void retainedHeapPerCachedSession() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        FakeTicker ticker = new FakeTicker();
        SessionCache cache = new SessionCache(new SessionCacheSettings(ENTRIES, Duration.ofSeconds(1)),
                Duration.ofMinutes(30), ticker);
        TokenCodec tokens = new TokenCodec(null);
        Instant now = Instant.parse("2026-03-01T09:00:00.123456Z");
        long before = used(memory);
        for (int i = 0; i < ENTRIES; i++) {
            SessionRow row = new SessionRow(i, TokenCodec.newPublicId(), i / 3, "user" + i + "@example.com", true,
                    now, now.plusSeconds(i % 60), now.plusSeconds(43_200), now, "203.0.113." + (i % 250),
                    "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0",
                    "dev-" + TokenCodec.newPublicId(), false, 0, null, null, null);
            List<RoleGrant> grants = List.of(new RoleGrant("customer", now, null, null),
                    new RoleGrant("contractor", now, now.plusSeconds(86_400), null));
            CachedSession entry = new CachedSession(new SessionStore.Lookup(row, false, grants, Duration.ZERO),
                    cache.epoch(), ticker.read());
            entry.rolesAt(now);
            cache.put(new TokenKey(tokens.hash(tokens.newToken())), entry);
        }
        cache.trustFrom(ticker.read());
        long after = used(memory);
        assertEquals(ENTRIES, cache.size());
        long perEntry = (after - before) / ENTRIES;
        System.out.println("session cache: " + perEntry + " bytes retained per cached session (" + ENTRIES
                + " entries, " + (after - before) / (1024 * 1024) + " MiB)");
        assertTrue(perEntry > 200 && perEntry < 8_000, perEntry + " bytes per entry");
    }

    private static long used(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
