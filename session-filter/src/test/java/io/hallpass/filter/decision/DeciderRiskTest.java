package io.hallpass.filter.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hallpass.filter.policy.Permission;
import io.hallpass.filter.policy.Requirement;
import io.hallpass.filter.risk.RiskAssessment;
import io.hallpass.filter.risk.RiskSignal;
import io.hallpass.realm.ClientFacts;
import io.hallpass.realm.SessionView;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How a risk assessment adds friction to sensitive actions, and only to them. */
class DeciderRiskTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private static final Set<String> ALL = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final Permission SENSITIVE =
            new Permission(Requirement.AUTHENTICATED, Duration.ofMinutes(5), null, ALL, "test");
    private static final Permission CALM_PAGE = new Permission(Requirement.AUTHENTICATED, null, null, ALL, "test");
    private static final RiskAssessment NEW_DEVICE =
            new RiskAssessment(Set.of(RiskSignal.NEW_DEVICE), Duration.ofMinutes(2), false, false, "new device");
    private static final RiskAssessment NETWORK =
            new RiskAssessment(Set.of(RiskSignal.NETWORK_CHANGED), null, true, false, "network changed");

    private static Optional<SessionView> authenticated(Duration ago) {
        return Optional.of(new SessionView("p", 1, "alice", Set.of(), NOW.minusSeconds(7200), NOW, NOW.minus(ago),
                NOW.plusSeconds(600), NOW.plusSeconds(3600), ClientFacts.UNKNOWN, false, 0, false, Duration.ZERO));
    }

    @Test
    void decideWhenANewDeviceCapsTheWindowThenAThreeMinuteOldSignInMustStepUp() {
        Decision d = Decider.decide(SENSITIVE, () -> authenticated(Duration.ofMinutes(3)), v -> NEW_DEVICE, NOW);
        assertEquals(new Decision.StepUp(Duration.ofMinutes(2), Decider.STALE_AUTHENTICATION), d);
    }

    @Test
    void decideWhenANewDeviceCapsTheWindowThenAFreshSignInIsNotAskedAgain() {
        Decision d = Decider.decide(SENSITIVE, () -> authenticated(Duration.ofSeconds(20)), v -> NEW_DEVICE, NOW);
        assertEquals(Decision.Allow.class, d.getClass());
    }

    @Test
    void decideWhenTheNetworkChangedThenASensitiveActionStepsUpEvenInsideItsWindow() {
        Decision d = Decider.decide(SENSITIVE, () -> authenticated(Duration.ofSeconds(20)), v -> NETWORK, NOW);
        assertEquals(new Decision.StepUp(Duration.ofMinutes(5), Decider.RISK), d);
    }

    @Test
    void decideWhenTheNetworkChangedThenCalmPagesStayCalm() {
        Decision d = Decider.decide(CALM_PAGE, () -> authenticated(Duration.ofHours(3)), v -> NETWORK, NOW);
        assertEquals(Decision.Allow.class, d.getClass());
    }

    @Test
    void decideWhenTheTokenWasReplacedByARotationThenItNeverPassesASensitiveAction() {
        SessionView old = new SessionView("p", 1, "alice", Set.of(), NOW.minusSeconds(7200), NOW, NOW,
                NOW.plusSeconds(600), NOW.plusSeconds(3600), ClientFacts.UNKNOWN, false, 0, true, Duration.ZERO);
        assertEquals(Decision.StepUp.class, Decider.decide(SENSITIVE, () -> Optional.of(old), NOW).getClass());
        assertEquals(Decision.Allow.class, Decider.decide(CALM_PAGE, () -> Optional.of(old), NOW).getClass());
    }

    @Test
    void decideWithoutRiskIsTheSameAsACalmAssessment() {
        for (Duration ago : new Duration[] {Duration.ofMinutes(1), Duration.ofMinutes(6)}) {
            assertEquals(Decider.decide(SENSITIVE, () -> authenticated(ago), NOW),
                    Decider.decide(SENSITIVE, () -> authenticated(ago), v -> RiskAssessment.CALM, NOW));
        }
    }
}
