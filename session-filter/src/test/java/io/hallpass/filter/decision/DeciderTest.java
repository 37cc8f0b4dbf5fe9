package io.hallpass.filter.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallpass.filter.policy.Permission;
import io.hallpass.filter.policy.Requirement;
import io.hallpass.realm.ClientFacts;
import io.hallpass.realm.RealmUnavailableException;
import io.hallpass.realm.SessionView;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DeciderTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private static final Duration REAUTH = Duration.ofMinutes(5);
    private static final Duration IDLE = Duration.ofMinutes(10);
    private static final Set<String> ALL = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private static final Requirement.Roles ADMIN = Requirement.Roles.anyOf(Set.of("admin"));
    /** one of reporting or admin, and eu */
    private static final Requirement.Roles REPORTING_OR_ADMIN_AND_EU =
            new Requirement.Roles(List.of(Set.of("reporting", "admin"), Set.of("eu")));

    /** A supplier that counts its calls. */
    private static final class CountingSession implements Supplier<Optional<SessionView>> {
        final Optional<SessionView> answer;
        int calls;

        CountingSession(Optional<SessionView> answer) {
            this.answer = answer;
        }

        @Override
        public Optional<SessionView> get() {
            calls++;
            return answer;
        }
    }

    private static SessionView session(Set<String> roles, Duration authenticatedAgo, Duration seenAgo) {
        return session(roles, authenticatedAgo, seenAgo, seenAgo);
    }

    /** A session last seen {@code seenAgo} ago, once left unattended for {@code longestIdle} since authenticating. */
    private static SessionView session(Set<String> roles, Duration authenticatedAgo, Duration seenAgo,
                                       Duration longestIdle) {
        Instant created = NOW.minus(Duration.ofHours(2));
        return new SessionView("sess-pub-1", 7L, "alice", roles, created, NOW.minus(seenAgo),
                NOW.minus(authenticatedAgo), NOW.plus(Duration.ofMinutes(30)), created.plus(Duration.ofHours(12)),
                ClientFacts.UNKNOWN, false, 0, false, longestIdle);
    }

    private static Permission permission(Requirement requirement, Duration reauth, Duration idle) {
        return new Permission(requirement, reauth, idle, ALL, "rule line 1");
    }

    // ---------------------------------------------------------------------------------------------
    // the named cases

    @Test
    void decideWhenAuthIsStaleThenStepUp() {
        CountingSession s = new CountingSession(Optional.of(session(Set.of("admin"), Duration.ofMinutes(6),
                Duration.ofMinutes(1))));
        Decision d = Decider.decide(permission(ADMIN, REAUTH, null), s, NOW);
        assertEquals(new Decision.StepUp(REAUTH, Decider.STALE_AUTHENTICATION), d);
        assertEquals(1, s.calls);
    }

    @Test
    void decideWhenAuthIsFreshThenAllowWithTheSession() {
        Optional<SessionView> view = Optional.of(session(Set.of("admin"), Duration.ofMinutes(4), Duration.ZERO));
        Decision d = Decider.decide(permission(ADMIN, REAUTH, null), () -> view, NOW);
        assertTrue(d instanceof Decision.Allow, d.toString());
        assertSame(view.get(), ((Decision.Allow) d).session().orElseThrow());
    }

    @Test
    void decideWhenAuthIsExactlyAtTheWindowThenStillAllowed() {
        Optional<SessionView> view = Optional.of(session(Set.of(), REAUTH, Duration.ZERO));
        assertTrue(Decider.decide(permission(Requirement.AUTHENTICATED, REAUTH, null), () -> view, NOW)
                instanceof Decision.Allow);
        Optional<SessionView> older = Optional.of(session(Set.of(), REAUTH.plusNanos(1), Duration.ZERO));
        assertTrue(Decider.decide(permission(Requirement.AUTHENTICATED, REAUTH, null), () -> older, NOW)
                instanceof Decision.StepUp);
    }

    @Test
    void decideWhenIdleIsPastThenStepUpWithReasonIdle() {
        Optional<SessionView> view = Optional.of(session(Set.of(), Duration.ofMinutes(30), Duration.ofMinutes(11)));
        Decision d = Decider.decide(permission(Requirement.AUTHENTICATED, null, IDLE), () -> view, NOW);
        assertEquals(new Decision.StepUp(IDLE, Decider.IDLE), d);
    }

    @Test
    void decideWhenTheSessionWasLeftIdleEarlierThenStepUpEvenThoughItWasJustSeen() {
        // a retried refusal, or a detour through a calm page, made it "seen" a moment ago: the gap still counts
        Optional<SessionView> view = Optional.of(session(Set.of(), Duration.ofMinutes(30), Duration.ofSeconds(2),
                Duration.ofMinutes(11)));
        Decision d = Decider.decide(permission(Requirement.AUTHENTICATED, null, IDLE), () -> view, NOW);
        assertEquals(new Decision.StepUp(IDLE, Decider.IDLE), d);
    }

    @Test
    void decideWhenIdleIsExactlyAtTheLimitThenStillAllowed() {
        Optional<SessionView> view = Optional.of(session(Set.of(), Duration.ofMinutes(30), IDLE));
        assertTrue(Decider.decide(permission(Requirement.AUTHENTICATED, null, IDLE), () -> view, NOW)
                instanceof Decision.Allow);
        Optional<SessionView> later = Optional.of(session(Set.of(), Duration.ofMinutes(30), IDLE.plusNanos(1)));
        assertTrue(Decider.decide(permission(Requirement.AUTHENTICATED, null, IDLE), () -> later, NOW)
                instanceof Decision.StepUp);
    }

    @Test
    void decideWhenIdleAndStaleBothThenIdleWithTheShorterWindowAsMaxAge() {
        Optional<SessionView> view = Optional.of(session(Set.of(), Duration.ofHours(1), Duration.ofMinutes(20)));
        Decision d = Decider.decide(permission(Requirement.AUTHENTICATED, REAUTH, IDLE), () -> view, NOW);
        assertEquals(new Decision.StepUp(REAUTH, Decider.IDLE), d);
    }

    @Test
    void decideWhenRoleIsMissingAndAuthIsStaleThenForbiddenNotStepUp() {
        Optional<SessionView> view = Optional.of(session(Set.of("user"), Duration.ofHours(1), Duration.ofHours(1)));
        Decision d = Decider.decide(permission(ADMIN, REAUTH, IDLE), () -> view, NOW);
        assertEquals(new Decision.Forbidden(Decider.MISSING_ROLE), d);
    }

    @Test
    void decideWhenNoSessionThenUnauthenticatedEvenIfARoleWouldBeMissing() {
        CountingSession s = new CountingSession(Optional.empty());
        assertEquals(new Decision.Unauthenticated(Decider.NO_SESSION), Decider.decide(permission(ADMIN, REAUTH, IDLE),
                s, NOW));
        assertEquals(1, s.calls);
    }

    @Test
    void decideWhenTheSupplierAnswersNullThenUnauthenticated() {
        assertEquals(new Decision.Unauthenticated(Decider.NO_SESSION),
                Decider.decide(permission(Requirement.AUTHENTICATED, null, null), () -> null, NOW));
    }

    @Test
    void decideWhenPublicThenAllowWithoutLookingUpTheSession() {
        CountingSession s = new CountingSession(Optional.of(session(Set.of(), Duration.ZERO, Duration.ZERO)));
        Decision d = Decider.decide(permission(Requirement.PUBLIC, null, null), s, NOW);
        assertEquals(new Decision.Allow(Optional.empty()), d);
        assertEquals(0, s.calls);
    }

    @Test
    void decideWhenDenyThenForbiddenWithoutLookingUpTheSession() {
        CountingSession s = new CountingSession(Optional.of(session(Set.of("admin"), Duration.ZERO, Duration.ZERO)));
        assertEquals(new Decision.Forbidden(Decider.DENIED),
                Decider.decide(permission(Requirement.DENY, null, null), s, NOW));
        assertEquals(0, s.calls);
    }

    @Test
    void decideWhenUnmatchedAndDeniedThenForbiddenWithoutLookingUpTheSession() {
        CountingSession s = new CountingSession(Optional.empty());
        assertEquals(new Decision.Forbidden(Decider.UNMATCHED), Decider.decide(Permission.unmatched(true), s, NOW));
        assertEquals(0, s.calls);
    }

    @Test
    void decideWhenUnmatchedAndLetThroughThenAllowWithoutLookingUpTheSession() {
        CountingSession s = new CountingSession(Optional.empty());
        assertEquals(new Decision.Allow(Optional.empty()), Decider.decide(Permission.unmatched(false), s, NOW));
        assertEquals(0, s.calls);
    }

    @Test
    void decideWhenMethodIsNotAllowedThenReject405WithTheAllowSetAndNoLookup() {
        CountingSession s = new CountingSession(Optional.empty());
        Permission p = Permission.methodNotAllowed(Set.of("GET", "HEAD"), "rules for /a (line 1)");
        Decision d = Decider.decide(p, s, NOW);
        assertEquals(new Decision.Reject(405, Decider.METHOD_NOT_ALLOWED, Set.of("GET", "HEAD")), d);
        assertEquals(0, s.calls);
    }

    @Test
    void decideWhenTheRealmIsUnavailableThenTheExceptionPropagates() {
        RealmUnavailableException down = new RealmUnavailableException("database unreachable",
                new SQLException("connection refused"));
        Supplier<Optional<SessionView>> failing = () -> {
            throw down;
        };
        RealmUnavailableException thrown = assertThrows(RealmUnavailableException.class,
                () -> Decider.decide(permission(Requirement.AUTHENTICATED, null, null), failing, NOW));
        assertSame(down, thrown);
    }

    @Test
    void decideWhenTheRealmIsUnavailableOnAPublicPathThenItIsNeverAsked() {
        Supplier<Optional<SessionView>> failing = () -> {
            throw new RealmUnavailableException("database unreachable", null);
        };
        assertTrue(Decider.decide(permission(Requirement.PUBLIC, null, null), failing, NOW)
                instanceof Decision.Allow);
        assertTrue(Decider.decide(permission(Requirement.DENY, null, null), failing, NOW)
                instanceof Decision.Forbidden);
    }

    @Test
    void decideWhenRolesNeedOneOfEachSetThenBothSetsAreChecked() {
        Permission p = permission(REPORTING_OR_ADMIN_AND_EU, null, null);
        for (Set<String> held : List.of(Set.of("reporting", "eu"), Set.of("admin", "eu"), Set.of("admin", "reporting", "eu"))) {
            Optional<SessionView> view = Optional.of(session(held, Duration.ZERO, Duration.ZERO));
            assertTrue(Decider.decide(p, () -> view, NOW) instanceof Decision.Allow, held.toString());
        }
        for (Set<String> held : List.of(Set.of("reporting", "admin"), Set.of("eu"), Set.<String>of())) {
            Optional<SessionView> view = Optional.of(session(held, Duration.ZERO, Duration.ZERO));
            assertEquals(new Decision.Forbidden(Decider.MISSING_ROLE), Decider.decide(p, () -> view, NOW),
                    held.toString());
        }
    }

    // ---------------------------------------------------------------------------------------------
    // every combination

    enum Req { PUBLIC, AUTHENTICATED, ROLE, ROLES_TWO_SETS, DENY, UNMATCHED_DENIED, UNMATCHED_PUBLIC }

    enum Sess { ABSENT, PRESENT }

    enum RoleState { HELD, MISSING }

    enum Window { NONE, FRESH, STALE }

    /** No idle limit; never left longer than it; left longer just now; left longer earlier, then active again. */
    enum Idle { NONE, WITHIN, PAST, PAST_EARLIER }

    static Stream<Arguments> everyCombination() {
        List<Arguments> all = new ArrayList<>();
        for (boolean methodAllowed : new boolean[] {true, false}) {
            for (Req req : Req.values()) {
                for (Sess sess : Sess.values()) {
                    for (RoleState role : RoleState.values()) {
                        for (Window window : Window.values()) {
                            for (Idle idle : Idle.values()) {
                                all.add(Arguments.of(methodAllowed, req, sess, role, window, idle));
                            }
                        }
                    }
                }
            }
        }
        return all.stream();
    }

    /** The specification, written independently of the implementation: which case, in which order. */
    private static Decision expected(boolean methodAllowed, Req req, Sess sess, RoleState role, Window window,
                                     Idle idle, Optional<SessionView> view) {
        if (!methodAllowed) {
            return new Decision.Reject(405, Decider.METHOD_NOT_ALLOWED, Set.of("GET", "HEAD"));
        }
        switch (req) {
            case DENY:
                return new Decision.Forbidden(Decider.DENIED);
            case UNMATCHED_DENIED:
                return new Decision.Forbidden(Decider.UNMATCHED);
            case PUBLIC, UNMATCHED_PUBLIC:
                return new Decision.Allow(Optional.empty());
            default:
                break;
        }
        if (sess == Sess.ABSENT) {
            return new Decision.Unauthenticated(Decider.NO_SESSION);
        }
        if ((req == Req.ROLE || req == Req.ROLES_TWO_SETS) && role == RoleState.MISSING) {
            return new Decision.Forbidden(Decider.MISSING_ROLE);
        }
        if (idle == Idle.PAST || idle == Idle.PAST_EARLIER) {
            // the definition: left unattended longer than the limit at any point since the last authentication
            return new Decision.StepUp(window == Window.NONE ? IDLE : REAUTH, Decider.IDLE);
        }
        if (window == Window.STALE) {
            return new Decision.StepUp(REAUTH, Decider.STALE_AUTHENTICATION);
        }
        return new Decision.Allow(view);
    }

    private static boolean needsSession(boolean methodAllowed, Req req) {
        return methodAllowed && (req == Req.AUTHENTICATED || req == Req.ROLE || req == Req.ROLES_TWO_SETS);
    }

    @ParameterizedTest(name = "[{index}] methodAllowed={0} {1} session={2} role={3} reauth={4} idle={5}")
    @MethodSource("everyCombination")
    void decideWhenAnyCombinationThenTheSpecifiedDecisionAndAtMostOneLookup(boolean methodAllowed, Req req,
            Sess sess, RoleState role, Window window, Idle idle) {
        Requirement requirement = switch (req) {
            case PUBLIC, UNMATCHED_PUBLIC -> Requirement.PUBLIC;
            case AUTHENTICATED -> Requirement.AUTHENTICATED;
            case ROLE -> ADMIN;
            case ROLES_TWO_SETS -> REPORTING_OR_ADMIN_AND_EU;
            case DENY, UNMATCHED_DENIED -> Requirement.DENY;
        };
        boolean windowsAllowed = requirement instanceof Requirement.Authenticated
                || requirement instanceof Requirement.Roles;
        Duration reauth = windowsAllowed && window != Window.NONE ? REAUTH : null;
        Duration idleWithin = windowsAllowed && idle != Idle.NONE ? IDLE : null;
        Permission permission;
        if (!methodAllowed) {
            permission = Permission.methodNotAllowed(Set.of("GET", "HEAD"), "rules for /x (line 1)");
        } else if (req == Req.UNMATCHED_DENIED) {
            permission = Permission.unmatched(true);
        } else if (req == Req.UNMATCHED_PUBLIC) {
            permission = Permission.unmatched(false);
        } else {
            permission = permission(requirement, reauth, idleWithin);
        }

        Set<String> roles = role == RoleState.HELD ? Set.of("admin", "eu") : Set.of("reporting");
        Duration authenticatedAgo = window == Window.STALE ? REAUTH.plusMinutes(1) : Duration.ofMinutes(1);
        Duration seenAgo = idle == Idle.PAST ? IDLE.plusMinutes(1) : Duration.ofMinutes(1);
        Duration longestIdle = idle == Idle.PAST || idle == Idle.PAST_EARLIER ? IDLE.plusMinutes(1) : seenAgo;
        Optional<SessionView> view = sess == Sess.PRESENT
                ? Optional.of(session(roles, authenticatedAgo, seenAgo, longestIdle)) : Optional.empty();
        CountingSession supplier = new CountingSession(view);

        Decision actual = Decider.decide(permission, supplier, NOW);

        Idle effectiveIdle = idleWithin == null ? Idle.NONE : idle;
        Window effectiveWindow = reauth == null ? Window.NONE : window;
        assertEquals(expected(methodAllowed, req, sess, role, effectiveWindow, effectiveIdle, view), actual);
        assertEquals(needsSession(methodAllowed, req) ? 1 : 0, supplier.calls, "session lookups");
    }
}
