package io.hallpass.filter.risk;

import io.hallpass.filter.config.Cidr;
import io.hallpass.realm.ClientFacts;
import io.hallpass.realm.SessionView;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Hallpass's built-in risk policy, with one configurable reaction per signal:
 * <ul>
 *   <li>{@link RiskSignal#NEW_DEVICE} and {@link RiskSignal#FAILED_LOGINS_BEFORE_SUCCESS} (at least
 *       {@code failedLoginsThreshold} failures just before the sign-in): cap the re-authentication window of
 *       sensitive actions to {@code newDeviceWindow} (default 2 minutes). The password typed at sign-in is the
 *       only proof such a session has given, so it is asked for again once it is no longer fresh; it is not
 *       asked for again seconds after the sign-in, which would prove nothing new.</li>
 *   <li>{@link RiskSignal#NETWORK_CHANGED} (IPv4 /24, IPv6 /48): {@code step-up} by default, so the next
 *       sensitive action requires re-authentication even inside its window; re-authenticating records the new
 *       network and clears the signal. {@code revoke} and {@code ignore} are the alternatives.</li>
 *   <li>{@link RiskSignal#USER_AGENT_CHANGED}: {@code revoke} by default (a cookie copied to another browser);
 *       {@code step-up} and {@code ignore} are the alternatives.</li>
 * </ul>
 */
public final class DefaultRiskPolicy implements RiskPolicy {

    /** What to do about a signal. */
    public enum Reaction {
        IGNORE, STEP_UP, REVOKE;

        public static Reaction parse(String text) {
            return switch (text) {
                case "ignore" -> IGNORE;
                case "step-up" -> STEP_UP;
                case "revoke" -> REVOKE;
                default -> throw new IllegalArgumentException("reaction must be ignore, step-up or revoke");
            };
        }
    }

    private final Duration newDeviceWindow;
    private final Reaction networkChange;
    private final Reaction userAgentChange;
    private final int failedLoginsThreshold;
    /** Indexed by the signals observed, one bit per {@link RiskSignal#ordinal()}. */
    private final RiskAssessment[] assessments;

    public DefaultRiskPolicy(Duration newDeviceWindow, Reaction networkChange, Reaction userAgentChange,
                             int failedLoginsThreshold) {
        this.newDeviceWindow = Objects.requireNonNull(newDeviceWindow);
        this.networkChange = Objects.requireNonNull(networkChange);
        this.userAgentChange = Objects.requireNonNull(userAgentChange);
        if (failedLoginsThreshold < 1) {
            throw new IllegalArgumentException("failedLoginsThreshold must be at least 1");
        }
        this.failedLoginsThreshold = failedLoginsThreshold;
        this.assessments = assessments();
    }

    /** The documented defaults: 2 minutes, step-up on a network change, revoke on a user-agent change, 3 failures. */
    public static DefaultRiskPolicy withDefaults() {
        return new DefaultRiskPolicy(Duration.ofMinutes(2), Reaction.STEP_UP, Reaction.REVOKE, 3);
    }

    @Override
    public RiskAssessment assess(SessionView session, ClientFacts request, Instant now) {
        int observed = 0;
        if (session.newDevice()) {
            observed |= bit(RiskSignal.NEW_DEVICE);
        }
        if (session.failuresBeforeLogin() >= failedLoginsThreshold) {
            observed |= bit(RiskSignal.FAILED_LOGINS_BEFORE_SUCCESS);
        }
        if (networkChanged(session.client().ip(), request.ip())) {
            observed |= bit(RiskSignal.NETWORK_CHANGED);
        }
        String recordedAgent = session.client().userAgent();
        if (recordedAgent != null && !recordedAgent.equals(request.userAgent())) {
            observed |= bit(RiskSignal.USER_AGENT_CHANGED);
        }
        return assessments[observed];
    }

    private static int bit(RiskSignal signal) {
        return 1 << signal.ordinal();
    }

    /**
     * The assessment of every combination of signals, made once: a session that signed in on a new device carries
     * that signal on every request, which must then cost no more than a calm one.
     */
    private RiskAssessment[] assessments() {
        RiskSignal[] all = RiskSignal.values();
        RiskAssessment[] made = new RiskAssessment[1 << all.length];
        made[0] = RiskAssessment.CALM;
        for (int mask = 1; mask < made.length; mask++) {
            Set<RiskSignal> signals = EnumSet.noneOf(RiskSignal.class);
            for (RiskSignal signal : all) {
                if ((mask & bit(signal)) != 0) {
                    signals.add(signal);
                }
            }
            made[mask] = assessment(signals);
        }
        return made;
    }

    private RiskAssessment assessment(Set<RiskSignal> signals) {
        Duration cap = signals.contains(RiskSignal.NEW_DEVICE) || signals.contains(RiskSignal.FAILED_LOGINS_BEFORE_SUCCESS)
                ? newDeviceWindow : null;
        boolean stepUp = false;
        boolean revoke = false;
        List<String> reasons = new ArrayList<>();
        for (RiskSignal signal : signals) {
            Reaction reaction = switch (signal) {
                case NETWORK_CHANGED -> networkChange;
                case USER_AGENT_CHANGED -> userAgentChange;
                default -> Reaction.IGNORE; // handled by the cap
            };
            stepUp |= reaction == Reaction.STEP_UP;
            revoke |= reaction == Reaction.REVOKE;
            reasons.add(signal.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        }
        return new RiskAssessment(signals, cap, stepUp, revoke, String.join(", ", reasons));
    }

    /**
     * Whether two addresses lie in different networks: IPv4 compared on the first 24 bits, IPv6 on the first 48,
     * an IPv4 and an IPv6 address always different. Unknown or unparsable addresses never signal.
     */
    static boolean networkChanged(String recorded, String current) {
        if (recorded == null || current == null || recorded.equals(current)) {
            return false;
        }
        byte[] a = Cidr.literal(recorded);
        byte[] b = Cidr.literal(current);
        if (a == null || b == null) {
            return false;
        }
        if (a.length != b.length) {
            return true;
        }
        int prefix = a.length == 4 ? 24 : 48;
        return !new Cidr(Cidr.mask(a, prefix), prefix).contains(b);
    }
}
