package io.hallpass.filter.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallpass.filter.web.Refusal;
import io.hallpass.realm.SessionCacheStats;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The metrics as a listener: each event counted where it belongs, and nothing else. */
class MetricsTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private final AtomicReference<Optional<SessionCacheStats>> cache = new AtomicReference<>(Optional.empty());
    private final Metrics metrics = new Metrics("", cache::get, () -> 7);

    @Test
    void signInsAreCountedByOutcome() {
        metrics.onEvent(new HallpassEvent.SignedIn(NOW, "ann", "s1", true, "10.0.0.1"));
        metrics.onEvent(new HallpassEvent.SignedIn(NOW, "ann", "s2", false, "10.0.0.1"));
        for (HallpassEvent.Failure failure : HallpassEvent.Failure.values()) {
            for (int i = 0; i <= failure.ordinal(); i++) {
                metrics.onEvent(new HallpassEvent.SignInFailed(NOW, failure, null));
            }
        }
        assertEquals(2, metrics.getSignInsSucceeded());
        assertEquals(1, metrics.getSignInsNewDevice());
        assertEquals(1, metrics.getSignInsFailed());
        assertEquals(2, metrics.getSignInsThrottled());
        assertEquals(3, metrics.getSignInsBusy());
        assertEquals(4, metrics.getSignInsTooManySessions());
    }

    @Test
    void everyRefusalKindHasItsOwnCountStartingAtZero() {
        Map<String, Long> zeros = metrics.getRefusals();
        assertEquals(Arrays.stream(Refusal.Kind.values()).map(k -> k.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet()), zeros.keySet());
        assertTrue(zeros.values().stream().allMatch(v -> v == 0));
        metrics.onEvent(new HallpassEvent.Refused(NOW, Refusal.Kind.CROSS_SITE, "POST", null));
        metrics.onEvent(new HallpassEvent.Refused(NOW, Refusal.Kind.REALM_UNAVAILABLE, "GET", null));
        metrics.onEvent(new HallpassEvent.Refused(NOW, Refusal.Kind.REALM_UNAVAILABLE, "GET", null));
        assertEquals(1, metrics.getRefusals().get("cross_site"));
        assertEquals(2, metrics.getRefusals().get("realm_unavailable"));
        assertEquals(2, metrics.getRealmUnavailable());
    }

    @Test
    void stepUpsRevocationsAndPurgesAreCounted() {
        metrics.onEvent(new HallpassEvent.StepUpDemanded(NOW, "ann", "s1", "stale", Duration.ofMinutes(5)));
        metrics.onEvent(new HallpassEvent.StepUpPassed(NOW, "ann", "s1"));
        metrics.onEvent(new HallpassEvent.StepUpFailed(NOW, "ann", "s1", HallpassEvent.Failure.WRONG_CREDENTIALS));
        metrics.onEvent(new HallpassEvent.StepUpFailed(NOW, "ann", "s1", HallpassEvent.Failure.THROTTLED));
        metrics.onEvent(new HallpassEvent.SignedOut(NOW, "ann", "s1"));
        metrics.onEvent(new HallpassEvent.SessionRevoked(NOW, "ann", "s2", HallpassEvent.Cause.PASSWORD_CHANGED, 3));
        metrics.onEvent(new HallpassEvent.SessionRevoked(NOW, "ann", "s3", HallpassEvent.Cause.RISK_POLICY, 1));
        metrics.onEvent(new HallpassEvent.PasswordChanged(NOW, "ann", "s2"));
        metrics.onEvent(new HallpassEvent.Purged(NOW, 10, 2, 0));
        metrics.onEvent(new HallpassEvent.Purged(NOW, 0, 0, 5));
        assertEquals(1, metrics.getStepUpsDemanded());
        assertEquals(1, metrics.getStepUpsPassed());
        assertEquals(2, metrics.getStepUpsFailed());
        assertEquals(1, metrics.getSignOuts());
        assertEquals(Map.of("signed_out", 1L, "replaced_by_sign_in", 0L, "risk_policy", 1L, "password_changed", 3L),
                metrics.getSessionsRevoked());
        assertEquals(2, metrics.getPurgeRuns());
        assertEquals(10, metrics.getPurgedSessions());
        assertEquals(2, metrics.getPurgedThrottleCounts());
        assertEquals(5, metrics.getPurgedAuditEvents());
        assertEquals(0, metrics.getSignInsSucceeded(), "nothing counted twice");
    }

    @Test
    void theRootContextIsNamedSlashAndListenerFailuresComeFromTheStream() {
        assertEquals("/", metrics.getContextPath());
        assertEquals("/portal", new Metrics("/portal", Optional::empty, () -> 0).getContextPath());
        assertEquals(7, metrics.getListenerFailures());
    }

    @Test
    void cacheGaugesReadMinusOneWhenTheCacheIsOffAndTheStatsWhenOn() {
        assertFalse(metrics.isSessionCacheOn());
        assertEquals(-1, metrics.getSessionCacheSize());
        assertEquals(-1.0, metrics.getSessionCacheHitRatio());
        assertEquals(-1, metrics.getSessionCacheInvalidationLagMillis());
        cache.set(Optional.of(new SessionCacheStats(12, 3, 1, Duration.ofMillis(250))));
        assertTrue(metrics.isSessionCacheOn());
        assertEquals(12, metrics.getSessionCacheSize());
        assertEquals(0.75, metrics.getSessionCacheHitRatio());
        assertEquals(250, metrics.getSessionCacheInvalidationLagMillis());
    }

    @Test
    void aGaugeWhoseRealmFailsReadsAsOff() {
        Metrics failing = new Metrics("", () -> {
            throw new IllegalStateException("realm closed");
        }, () -> 0);
        assertEquals(-1, failing.getSessionCacheSize());
    }
}
