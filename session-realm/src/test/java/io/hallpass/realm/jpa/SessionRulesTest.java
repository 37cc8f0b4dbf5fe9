package io.hallpass.realm.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallpass.realm.ClientFacts;
import io.hallpass.realm.RoleGrant;
import io.hallpass.realm.SessionView;
import io.hallpass.realm.jpa.Rows.SessionRow;
import io.hallpass.realm.jpa.SessionRules.State;
import io.hallpass.realm.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The session rules on their own: fixed instants from a fake clock, every state, and every boundary at the
 * microsecond the databases store (exactly at an end, and one microsecond before it).
 */
class SessionRulesTest {

    static final Instant OPENED = Instant.parse("2026-03-01T09:00:00.000001Z");
    static final Duration IDLE = Duration.ofMinutes(30);
    static final Duration ABSOLUTE = Duration.ofHours(12);
    static final Duration TOUCH = Duration.ofMinutes(1);
    static final Duration GRACE = Duration.ofSeconds(10);
    static final Duration MICRO = Duration.ofNanos(1_000);

    final SessionRules rules = new SessionRules(IDLE, ABSOLUTE, TOUCH, GRACE);
    final MutableClock clock = new MutableClock(OPENED);

    /** A session opened at {@link #OPENED} under {@link #rules}, last seen at {@code lastSeen}. */
    static SessionRow session(Instant lastSeen) {
        return row(lastSeen, OPENED.plus(ABSOLUTE), true, null, null);
    }

    static SessionRow row(Instant lastSeen, Instant storedAbsolute, boolean enabled, Instant prevValidUntil,
                          Instant revokedAt) {
        return new SessionRow(7, "public-id", 42, "alice", enabled, OPENED, lastSeen, storedAbsolute, OPENED,
                "192.0.2.1", "Firefox", "device-1", false, 0, prevValidUntil, OPENED, revokedAt);
    }

    // ================================================================================================ states

    @Test
    void aSessionJustOpenedIsLive() {
        assertEquals(State.LIVE, rules.state(session(OPENED), clock.instant(), false));
    }

    @Test
    void aRevokedSessionIsRevokedEvenWhenItWouldAlsoHaveExpiredOrBeenDisabled() {
        clock.advance(ABSOLUTE.plusHours(1));
        SessionRow revoked = row(OPENED, OPENED.plus(ABSOLUTE), false, null, OPENED.plusSeconds(5));
        assertEquals(State.REVOKED, rules.state(revoked, clock.instant(), true));
    }

    @Test
    void idleExpiryStartsExactlyAtLastSeenPlusTheIdleTimeout() {
        Instant lastSeen = OPENED.plus(Duration.ofHours(2));
        clock.set(lastSeen.plus(IDLE).minus(MICRO));
        assertEquals(State.LIVE, rules.state(session(lastSeen), clock.instant(), false), "one microsecond before");
        clock.advance(MICRO);
        assertEquals(State.IDLE_EXPIRED, rules.state(session(lastSeen), clock.instant(), false), "exactly at");
        clock.advance(Duration.ofDays(1));
        assertEquals(State.ABSOLUTE_EXPIRED, rules.state(session(lastSeen), clock.instant(), false),
                "long after both ends, the absolute end is named");
    }

    @Test
    void absoluteExpiryStartsExactlyAtTheAbsoluteEndHoweverRecentTheLastUse() {
        Instant end = OPENED.plus(ABSOLUTE);
        SessionRow busy = session(end.minus(Duration.ofSeconds(1)));
        clock.set(end.minus(MICRO));
        assertEquals(State.LIVE, rules.state(busy, clock.instant(), false), "one microsecond before");
        clock.advance(MICRO);
        assertEquals(State.ABSOLUTE_EXPIRED, rules.state(busy, clock.instant(), false), "exactly at");
    }

    @Test
    void aDisabledAccountEndsALiveSessionButAnExpiredOneIsStillNamedExpiredSoThatItIsMarked() {
        SessionRow disabled = row(OPENED, OPENED.plus(ABSOLUTE), false, null, null);
        assertEquals(State.ACCOUNT_DISABLED, rules.state(disabled, clock.instant(), false));
        clock.advance(IDLE);
        assertEquals(State.IDLE_EXPIRED, rules.state(disabled, clock.instant(), false));
    }

    @Test
    void aShortenedAbsoluteTimeoutEndsSessionsOpenedUnderTheLongerOne() {
        SessionRules strict = new SessionRules(IDLE, Duration.ofHours(1), TOUCH, GRACE);
        SessionRow opened = session(OPENED.plus(Duration.ofMinutes(50))); // stored: opened + 12 h
        Instant end = OPENED.plus(Duration.ofHours(1));
        assertEquals(end, strict.absoluteEnd(OPENED, OPENED.plus(ABSOLUTE)));
        clock.set(end.minus(MICRO));
        assertEquals(State.LIVE, strict.state(opened, clock.instant(), false));
        assertEquals(State.LIVE, rules.state(opened, clock.instant(), false));
        clock.advance(MICRO);
        assertEquals(State.ABSOLUTE_EXPIRED, strict.state(opened, clock.instant(), false));
        assertEquals(State.LIVE, rules.state(opened, clock.instant(), false), "the configuration that opened it");
    }

    @Test
    void aLengthenedAbsoluteTimeoutNeverExtendsASessionBeyondItsStoredExpiry() {
        SessionRules lenient = new SessionRules(IDLE, Duration.ofHours(48), TOUCH, GRACE);
        Instant stored = OPENED.plus(ABSOLUTE);
        assertEquals(stored, lenient.absoluteEnd(OPENED, stored));
        SessionRow busy = session(stored.minus(Duration.ofSeconds(1)));
        assertEquals(State.ABSOLUTE_EXPIRED, lenient.state(busy, stored, false));
    }

    // ================================================================================================ grace

    @Test
    void thePreviousTokenWorksUntilExactlyTheEndOfItsGrace() {
        Instant rotatedAt = OPENED.plus(Duration.ofMinutes(5));
        Instant graceEnd = rules.graceEnd(rotatedAt);
        assertEquals(rotatedAt.plus(GRACE), graceEnd);
        SessionRow rotated = row(rotatedAt, OPENED.plus(ABSOLUTE), true, graceEnd, null);
        clock.set(graceEnd.minus(MICRO));
        assertEquals(State.LIVE, rules.state(rotated, clock.instant(), true), "one microsecond before");
        clock.advance(MICRO);
        assertEquals(State.GRACE_OVER, rules.state(rotated, clock.instant(), true), "exactly at");
        assertEquals(State.LIVE, rules.state(rotated, clock.instant(), false), "the current token has no grace");
    }

    @Test
    void aPreviousTokenWithoutAGraceNeverWorks() {
        SessionRow neverRotated = session(OPENED);
        assertEquals(State.GRACE_OVER, rules.state(neverRotated, OPENED, true));
    }

    @Test
    void aDisabledAccountIsNamedBeforeAnEndedGrace() {
        SessionRow rotated = row(OPENED, OPENED.plus(ABSOLUTE), false, OPENED, null);
        assertEquals(State.ACCOUNT_DISABLED, rules.state(rotated, OPENED.plusSeconds(1), true));
    }

    // ================================================================================================ ends

    @Test
    void theIdleEndSlidesWithLastSeenButNeverPassesTheAbsoluteEnd() {
        Instant absolute = OPENED.plus(ABSOLUTE);
        assertEquals(OPENED.plus(IDLE), rules.idleEnd(OPENED, absolute));
        Instant late = absolute.minus(IDLE).plus(MICRO);
        assertEquals(absolute, rules.idleEnd(late, absolute), "capped");
        Instant justInTime = absolute.minus(IDLE);
        assertEquals(absolute, rules.idleEnd(justInTime, absolute), "meets it exactly");
        assertEquals(absolute.minus(MICRO), rules.idleEnd(justInTime.minus(MICRO), absolute));
    }

    @Test
    void aNewSessionsStoredExpiryIsItsOpeningPlusTheAbsoluteTimeout() {
        assertEquals(OPENED.plus(ABSOLUTE), rules.absoluteExpiry(OPENED));
    }

    @Test
    void lastSeenIsDueExactlyOneTouchIntervalAfterItWasWritten() {
        Instant lastSeen = OPENED.plusSeconds(90);
        assertFalse(rules.touchDue(lastSeen, lastSeen));
        assertFalse(rules.touchDue(lastSeen, lastSeen.plus(TOUCH).minus(MICRO)), "one microsecond before");
        assertTrue(rules.touchDue(lastSeen, lastSeen.plus(TOUCH)), "exactly at");
        assertTrue(rules.touchDue(lastSeen, lastSeen.plus(IDLE)));
    }

    @Test
    void thePurgesCutOffsMeetTheStateRulesToTheMicrosecond() {
        Instant now = OPENED.plus(Duration.ofHours(5));
        Instant idleCut = rules.idleCutoff(now);
        assertEquals(State.IDLE_EXPIRED, rules.state(session(idleCut), now, false), "last seen at the cut-off");
        assertEquals(State.LIVE, rules.state(session(idleCut.plus(MICRO)), now, false), "a microsecond after it");

        Instant late = OPENED.plus(ABSOLUTE);
        assertEquals(OPENED, rules.openedCutoff(late), "opened at the cut-off");
        assertEquals(State.ABSOLUTE_EXPIRED, rules.state(session(late.minusSeconds(1)), late, false));
        assertEquals(State.LIVE, rules.state(session(late.minusSeconds(1)), late.minus(MICRO), false));
    }

    @Test
    void onlyTheTwoExpiriesAreMarkedAndEachHasItsOwnReason() {
        assertEquals(EnumSet.of(State.IDLE_EXPIRED, State.ABSOLUTE_EXPIRED),
                EnumSet.copyOf(List.of(State.values()).stream().filter(State::expired).toList()));
        assertEquals("idle-expired", State.IDLE_EXPIRED.expiryReason());
        assertEquals("absolute-expired", State.ABSOLUTE_EXPIRED.expiryReason());
    }

    // ================================================================================================ grants

    @Test
    void aGrantStopsCountingExactlyAtItsExpiry() {
        Instant now = OPENED.plus(Duration.ofHours(3));
        List<RoleGrant> grants = List.of(
                new RoleGrant("forever", OPENED, null, "hr"),
                new RoleGrant("ends-now", OPENED, now, "hr"),
                new RoleGrant("ends-in-a-microsecond", OPENED, now.plus(MICRO), "hr"),
                new RoleGrant("ended", OPENED, now.minus(MICRO), "hr"),
                new RoleGrant("ends-tomorrow", OPENED, now.plus(Duration.ofDays(1)), "hr"));
        assertEquals(Set.of("forever", "ends-in-a-microsecond", "ends-tomorrow"),
                SessionRules.activeRoles(grants, now));
        assertEquals(Set.of("forever", "ends-tomorrow"), SessionRules.activeRoles(grants, now.plus(MICRO)));
        assertEquals(Set.of(), SessionRules.activeRoles(List.of(), now));
    }

    // ================================================================================================ view

    @Test
    void theViewShowsLastSeenAsStoredAndTheIdleEndFromThisRequest() {
        Instant lastSeen = OPENED.plus(Duration.ofMinutes(10));
        Instant touched = OPENED.plus(Duration.ofMinutes(20));
        ClientFacts client = new ClientFacts("198.51.100.7", "Mobile Safari", "device-phone");
        SessionView view = rules.view(session(lastSeen), Set.of("customer"), touched, OPENED, client, true,
                Duration.ofMinutes(7));
        assertEquals("public-id", view.publicId());
        assertEquals(42, view.accountId());
        assertEquals("alice", view.username());
        assertEquals(Set.of("customer"), view.roles());
        assertEquals(OPENED, view.createdAt());
        assertEquals(lastSeen, view.lastSeenAt());
        assertEquals(OPENED, view.lastAuthenticatedAt());
        assertEquals(touched.plus(IDLE), view.idleExpiresAt());
        assertEquals(OPENED.plus(ABSOLUTE), view.absoluteExpiresAt());
        assertEquals(client, view.client());
        assertTrue(view.previousToken());
        assertEquals(Duration.ofMinutes(7), view.longestIdleSinceAuthentication());
    }

    @Test
    void theViewUnderAShortenedTimeoutShowsTheShortenedEnds() {
        SessionRules strict = new SessionRules(IDLE, Duration.ofMinutes(40), TOUCH, GRACE);
        Instant lastSeen = OPENED.plus(Duration.ofMinutes(20));
        SessionView view = strict.view(session(lastSeen), Set.of(), lastSeen, OPENED, ClientFacts.UNKNOWN, false,
                Duration.ZERO);
        assertEquals(OPENED.plus(Duration.ofMinutes(40)), view.absoluteExpiresAt());
        assertEquals(OPENED.plus(Duration.ofMinutes(40)), view.idleExpiresAt(), "idle capped by absolute");
    }

    // ====================================================================================== longest idle

    @Test
    void theLongestIdleIsTheLargestOfTheStoredGapThisNodesGapAndTheCurrentGap() {
        Instant last = OPENED.plus(Duration.ofMinutes(10));
        Duration stored = Duration.ofMinutes(4);
        Duration local = Duration.ofMinutes(6);
        assertEquals(local, SessionRules.longestIdle(stored, local, last, last.plus(Duration.ofMinutes(5))));
        assertEquals(Duration.ofMinutes(8), SessionRules.longestIdle(stored, local, last,
                last.plus(Duration.ofMinutes(8))), "the current gap counts: the request being judged would record it");
        assertEquals(Duration.ofMinutes(9), SessionRules.longestIdle(Duration.ofMinutes(9), local, last, last));
        assertEquals(Duration.ZERO, SessionRules.longestIdle(Duration.ZERO, Duration.ZERO, last, last.minusSeconds(1)),
                "an activity a moment in the future (another node's clock) is no gap");
    }

    @Test
    void anActivityViewSlidesOnlyTheIdleEndAndNeverPastTheAbsoluteEnd() {
        SessionView view = rules.view(session(OPENED), Set.of(), OPENED, OPENED, ClientFacts.UNKNOWN, false,
                Duration.ofMinutes(3));
        Instant now = OPENED.plus(Duration.ofMinutes(5));
        SessionView active = rules.activeAt(view, now);
        assertEquals(now.plus(IDLE), active.idleExpiresAt());
        assertEquals(view.lastSeenAt(), active.lastSeenAt());
        assertEquals(view.longestIdleSinceAuthentication(), active.longestIdleSinceAuthentication());
        Instant late = OPENED.plus(ABSOLUTE).minusSeconds(60);
        assertEquals(OPENED.plus(ABSOLUTE), rules.activeAt(view, late).idleExpiresAt());
    }
}
