package io.hallpass.filter.risk;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@link RiskPolicy} concluded about one request of a session, and the friction it asks for.
 *
 * @param signals       the signals observed (for the application, e.g. to tell the user about a new device)
 * @param reauthCap     the longest re-authentication window a sensitive action may have for this session now,
 *                      or null for no cap (a {@code @Sensitive} window of 5 minutes and a cap of 2 minutes
 *                      make 2 minutes)
 * @param stepUp        every sensitive action needs a new re-authentication now, even within its window
 * @param revoke        the session must end now (the request is then treated as signed out)
 * @param reason        a short description for logs and the audit trail, or null when nothing was observed
 */
public record RiskAssessment(Set<RiskSignal> signals, Duration reauthCap, boolean stepUp, boolean revoke,
                             String reason) {

    /** Nothing unusual: no signal, no friction. */
    public static final RiskAssessment CALM = new RiskAssessment(Set.of(), null, false, false, null);

    public RiskAssessment {
        signals = Set.copyOf(signals);
        if (reauthCap != null && (reauthCap.isNegative() || reauthCap.isZero())) {
            throw new IllegalArgumentException("reauthCap must be positive");
        }
        Objects.requireNonNull(signals);
    }

    public boolean has(RiskSignal signal) {
        return signals.contains(signal);
    }

    /** The window a sensitive action needs under this assessment. */
    public Duration capWindow(Duration window) {
        return reauthCap == null || window.compareTo(reauthCap) <= 0 ? window : reauthCap;
    }
}
