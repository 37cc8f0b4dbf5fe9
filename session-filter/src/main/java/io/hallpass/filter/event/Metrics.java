package io.hallpass.filter.event;

import io.hallpass.filter.web.Refusal;
import io.hallpass.realm.SessionCacheStats;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The filter's JMX metrics: a {@link HallpassListener} that counts the event stream, and the
 * {@link HallpassMetricsMXBean} that shows the counts (registered by {@link MetricsRegistration}). Counting is a
 * {@link LongAdder} increment per event: no lock, no allocation. Only kinds are counted: an event's account, session
 * and address are never looked at.
 */
public final class Metrics implements HallpassListener, HallpassMetricsMXBean {

    private final String contextPath;
    private final Supplier<Optional<SessionCacheStats>> cache;
    private final LongSupplier listenerFailures;

    private final LongAdder signInsSucceeded = new LongAdder();
    private final LongAdder signInsNewDevice = new LongAdder();
    private final Map<HallpassEvent.Failure, LongAdder> signInsFailed = adders(HallpassEvent.Failure.class);
    private final LongAdder signOuts = new LongAdder();
    private final LongAdder stepUpsDemanded = new LongAdder();
    private final LongAdder stepUpsPassed = new LongAdder();
    private final LongAdder stepUpsFailed = new LongAdder();
    private final Map<Refusal.Kind, LongAdder> refusals = adders(Refusal.Kind.class);
    private final Map<HallpassEvent.Cause, LongAdder> revoked = adders(HallpassEvent.Cause.class);
    private final LongAdder purgeRuns = new LongAdder();
    private final LongAdder purgedSessions = new LongAdder();
    private final LongAdder purgedThrottleCounts = new LongAdder();
    private final LongAdder purgedAuditEvents = new LongAdder();

    /**
     * @param contextPath      the web application's context path ({@code ""} for the root)
     * @param cache            the realm's session cache statistics now (empty when off, or while the realm has not
     *                         started)
     * @param listenerFailures how many times a listener has thrown ({@link Events#failures()})
     */
    public Metrics(String contextPath, Supplier<Optional<SessionCacheStats>> cache, LongSupplier listenerFailures) {
        this.contextPath = contextPath.isEmpty() ? "/" : contextPath;
        this.cache = cache;
        this.listenerFailures = listenerFailures;
    }

    private static <E extends Enum<E>> Map<E, LongAdder> adders(Class<E> type) {
        Map<E, LongAdder> map = new EnumMap<>(type);
        for (E e : type.getEnumConstants()) {
            map.put(e, new LongAdder());
        }
        return map;
    }

    @Override
    public void onEvent(HallpassEvent event) {
        if (event instanceof HallpassEvent.Refused r) {
            refusals.get(r.kind()).increment();
        } else if (event instanceof HallpassEvent.SignedIn in) {
            signInsSucceeded.increment();
            if (in.newDevice()) {
                signInsNewDevice.increment();
            }
        } else if (event instanceof HallpassEvent.SignInFailed f) {
            signInsFailed.get(f.reason()).increment();
        } else if (event instanceof HallpassEvent.SignedOut) {
            signOuts.increment();
        } else if (event instanceof HallpassEvent.StepUpDemanded) {
            stepUpsDemanded.increment();
        } else if (event instanceof HallpassEvent.StepUpPassed) {
            stepUpsPassed.increment();
        } else if (event instanceof HallpassEvent.StepUpFailed) {
            stepUpsFailed.increment();
        } else if (event instanceof HallpassEvent.SessionRevoked s) {
            revoked.get(s.cause()).add(s.count());
        } else if (event instanceof HallpassEvent.Purged p) {
            purgeRuns.increment();
            purgedSessions.add(p.sessions());
            purgedThrottleCounts.add(p.throttleCounts());
            purgedAuditEvents.add(p.auditEvents());
        }
        // PasswordChanged: its ended sessions arrive as SessionRevoked(PASSWORD_CHANGED)
    }

    @Override
    public String getContextPath() {
        return contextPath;
    }

    @Override
    public long getSignInsSucceeded() {
        return signInsSucceeded.sum();
    }

    @Override
    public long getSignInsFailed() {
        return signInsFailed.get(HallpassEvent.Failure.WRONG_CREDENTIALS).sum();
    }

    @Override
    public long getSignInsThrottled() {
        return signInsFailed.get(HallpassEvent.Failure.THROTTLED).sum();
    }

    @Override
    public long getSignInsBusy() {
        return signInsFailed.get(HallpassEvent.Failure.BUSY).sum();
    }

    @Override
    public long getSignInsTooManySessions() {
        return signInsFailed.get(HallpassEvent.Failure.TOO_MANY_SESSIONS).sum();
    }

    @Override
    public long getSignInsNewDevice() {
        return signInsNewDevice.sum();
    }

    @Override
    public long getSignOuts() {
        return signOuts.sum();
    }

    @Override
    public long getStepUpsDemanded() {
        return stepUpsDemanded.sum();
    }

    @Override
    public long getStepUpsPassed() {
        return stepUpsPassed.sum();
    }

    @Override
    public long getStepUpsFailed() {
        return stepUpsFailed.sum();
    }

    @Override
    public Map<String, Long> getRefusals() {
        return sums(refusals);
    }

    @Override
    public long getRealmUnavailable() {
        return refusals.get(Refusal.Kind.REALM_UNAVAILABLE).sum();
    }

    @Override
    public Map<String, Long> getSessionsRevoked() {
        Map<String, Long> out = sums(revoked);
        out.put("signed_out", signOuts.sum());
        return out;
    }

    @Override
    public long getPurgeRuns() {
        return purgeRuns.sum();
    }

    @Override
    public long getPurgedSessions() {
        return purgedSessions.sum();
    }

    @Override
    public long getPurgedThrottleCounts() {
        return purgedThrottleCounts.sum();
    }

    @Override
    public long getPurgedAuditEvents() {
        return purgedAuditEvents.sum();
    }

    @Override
    public long getListenerFailures() {
        return listenerFailures.getAsLong();
    }

    @Override
    public boolean isSessionCacheOn() {
        return cacheStats().isPresent();
    }

    @Override
    public long getSessionCacheSize() {
        return cacheStats().map(SessionCacheStats::size).orElse(-1L);
    }

    @Override
    public double getSessionCacheHitRatio() {
        return cacheStats().map(SessionCacheStats::hitRatio).orElse(-1.0);
    }

    @Override
    public long getSessionCacheInvalidationLagMillis() {
        return cacheStats().map(s -> s.sinceLastPoll().toMillis()).orElse(-1L);
    }

    private Optional<SessionCacheStats> cacheStats() {
        try {
            return cache.get();
        } catch (RuntimeException e) {
            return Optional.empty(); // a gauge never fails the JMX client
        }
    }

    /** Lower-case names ({@code cross_site}), in name order, every constant present. */
    private static <E extends Enum<E>> Map<String, Long> sums(Map<E, LongAdder> adders) {
        Map<String, Long> out = new TreeMap<>();
        adders.forEach((k, v) -> out.put(k.name().toLowerCase(Locale.ROOT), v.sum()));
        return out;
    }
}
