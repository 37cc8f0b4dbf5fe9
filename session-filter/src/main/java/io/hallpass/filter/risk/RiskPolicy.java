package io.hallpass.filter.risk;

import io.hallpass.realm.ClientFacts;
import io.hallpass.realm.SessionView;
import java.time.Instant;

/**
 * Turns what is known about a request and its session into friction: allow, shorten the re-authentication
 * window of sensitive actions, demand re-authentication, or end the session. Called for every request of a
 * signed-in session, so it must be fast and must not block: it sees only facts the realm already returned.
 *
 * <p>Hallpass uses {@link DefaultRiskPolicy} unless the init-param {@code risk-policy} names a class with a
 * public no-argument constructor, or a {@code META-INF/services/io.hallpass.filter.risk.RiskPolicy} entry on
 * the application's class path provides one. A team's policy can add GeoIP, a second factor or its own rules,
 * and can delegate to the default for the rest:
 *
 * <pre>{@code
 * public final class OfficeHoursPolicy implements RiskPolicy {
 *     private final RiskPolicy defaults = DefaultRiskPolicy.withDefaults();
 *     public RiskAssessment assess(SessionView session, ClientFacts request, Instant now) {
 *         RiskAssessment base = defaults.assess(session, request, now);
 *         boolean night = now.atZone(ZoneId.of("America/Chicago")).getHour() < 6;
 *         return night ? new RiskAssessment(base.signals(), base.reauthCap(), true, base.revoke(), "night") : base;
 *     }
 * }
 * }</pre>
 */
public interface RiskPolicy {

    /**
     * @param session the live session, with the client facts it last proved itself from
     * @param request the facts of this request: client address (after trusted-proxy rules), user agent, device id
     * @param now     the filter's clock
     */
    RiskAssessment assess(SessionView session, ClientFacts request, Instant now);
}
