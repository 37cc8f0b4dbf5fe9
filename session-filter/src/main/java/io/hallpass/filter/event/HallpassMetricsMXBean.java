package io.hallpass.filter.event;

import java.util.Map;

/**
 * Hallpass's counters for one web application, on the platform MBean server as
 * {@code io.hallpass:type=Metrics,context=<context path>} ({@code context=/} for the root context). Every counter
 * counts since the filter started; none holds a username, a token or an address.
 *
 * <p>Read it with {@code jconsole} (MBeans tab, {@code io.hallpass}), or in a few lines of Java:
 *
 * <pre>{@code
 * MBeanServer server = ManagementFactory.getPlatformMBeanServer();
 * HallpassMetricsMXBean metrics = JMX.newMXBeanProxy(server,
 *         new ObjectName("io.hallpass:type=Metrics,context=/portal"), HallpassMetricsMXBean.class);
 * long failed = metrics.getSignInsFailed();
 * }</pre>
 */
public interface HallpassMetricsMXBean {

    /** The web application's context path ({@code /} for the root context). */
    String getContextPath();

    /** Sign-ins that opened a session. */
    long getSignInsSucceeded();

    /** Sign-ins refused for a wrong password, an unknown username or a disabled account (all alike). */
    long getSignInsFailed();

    /** Sign-ins refused with 429 because the client or the account must wait. */
    long getSignInsThrottled();

    /** Sign-ins shed with 503 because every password-hashing slot was taken. */
    long getSignInsBusy();

    /** Sign-ins refused because the account had all the live sessions its limit allows. */
    long getSignInsTooManySessions();

    /** Sign-ins that opened a session from a device the account had not used before. */
    long getSignInsNewDevice();

    /** Sign-outs of a live session. */
    long getSignOuts();

    /** Requests sent to re-authenticate (a stale password, an idle gap, a risk signal). */
    long getStepUpsDemanded();

    /** Re-authentications that passed. */
    long getStepUpsPassed();

    /** Re-authentications that failed, for any reason (wrong password, throttled, busy). */
    long getStepUpsFailed();

    /**
     * Refusals Hallpass answered, by reason, every reason listed (zeros included): {@code firewall},
     * {@code cross_site}, {@code duplicate_cookie}, {@code method}, {@code bad_input}, {@code unauthenticated},
     * {@code forbidden}, {@code unmatched}, {@code step_up}, {@code invalid_credentials}, {@code too_many_attempts},
     * {@code too_many_sessions}, {@code busy}, {@code realm_unavailable}, {@code internal}.
     */
    Map<String, Long> getRefusals();

    /** Requests answered 503 because the realm could not be reached (also in {@link #getRefusals()}). */
    long getRealmUnavailable();

    /**
     * Sessions ended, by cause: {@code signed_out}, {@code replaced_by_sign_in}, {@code risk_policy},
     * {@code password_changed} (the other sessions of an account whose password changed).
     */
    Map<String, Long> getSessionsRevoked();

    /** Runs of the purge (only when the filter starts its own realm). */
    long getPurgeRuns();

    /** Ended sessions the purge deleted. */
    long getPurgedSessions();

    /** Sign-in throttle rows the purge deleted. */
    long getPurgedThrottleCounts();

    /** Audit events past their retention that the purge deleted. */
    long getPurgedAuditEvents();

    /** Exceptions thrown by event listeners (each caught; no request was affected). */
    long getListenerFailures();

    /** Whether the realm's session cache is on (and the realm has started): the cache gauges mean something. */
    boolean isSessionCacheOn();

    /** Sessions the cache holds (Caffeine's estimate); -1 when the cache is off. */
    long getSessionCacheSize();

    /** Lookups the cache answered over all lookups, from 0 to 1; -1 when the cache is off or never asked. */
    double getSessionCacheHitRatio();

    /**
     * How long ago the last successful poll of the change log started, in milliseconds: a change made on another
     * node acts here within about this long (the cache stops answering past its bound); -1 when the cache is off.
     */
    long getSessionCacheInvalidationLagMillis();
}
