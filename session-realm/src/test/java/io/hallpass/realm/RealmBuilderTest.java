package io.hallpass.realm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RealmBuilderTest {

    @Test
    void theTouchIntervalIsATenthOfTheIdleTimeoutAtMostAMinute() {
        assertEquals(Duration.ofMinutes(1), Realm.builder().jdbcUrl("jdbc:h2:mem:x").settings().touchInterval());
        assertEquals(Duration.ofSeconds(30), Realm.builder().jdbcUrl("jdbc:h2:mem:x")
                .idleTimeout(Duration.ofMinutes(5)).rotationGrace(Duration.ofSeconds(5)).settings().touchInterval());
    }

    @Test
    void defaultsCreateTheSchemaOnH2AndValidateElsewhere() {
        assertEquals(SchemaAction.CREATE_IF_MISSING, Realm.builder().jdbcUrl("jdbc:h2:mem:x").settings().schemaAction());
        assertEquals(SchemaAction.VALIDATE,
                Realm.builder().jdbcUrl("jdbc:postgresql://db/app").settings().schemaAction());
        RealmSettings settings = Realm.builder().jdbcUrl("jdbc:h2:mem:x").settings();
        assertEquals(PasswordCost.OWASP, settings.passwordCost());
        assertEquals(SignInThrottle.defaults(), settings.signInThrottle());
        assertEquals(100, settings.signInThrottle().accountCeiling());
        assertEquals(Duration.ofMinutes(30), settings.idleTimeout());
        assertEquals(Duration.ofHours(12), settings.absoluteTimeout());
    }

    @Test
    void conflictingOrMissingOptionsAreRefusedNamingThem() {
        InvalidInputException none = assertThrows(InvalidInputException.class, () -> Realm.builder().settings());
        assertTrue(none.getMessage().contains("jdbc url or a data source"));
        InvalidInputException idle = assertThrows(InvalidInputException.class, () -> Realm.builder()
                .jdbcUrl("jdbc:h2:mem:x").idleTimeout(Duration.ofHours(13)).settings());
        assertTrue(idle.getMessage().contains("PT13H"), idle.getMessage());
        assertThrows(InvalidInputException.class, () -> Realm.builder().jdbcUrl("postgres://no-jdbc-prefix"));
        assertThrows(InvalidInputException.class, () -> Realm.builder().poolSize(0));
        assertThrows(InvalidInputException.class, () -> Realm.builder().rotationGrace(Duration.ofMinutes(2)));
        assertThrows(InvalidInputException.class, () -> Realm.builder().tokenPepper(new byte[16]));
        assertThrows(NullPointerException.class, () -> Realm.builder().signInThrottle(null));
        assertThrows(InvalidInputException.class, () -> new PasswordCost(4, 1, 1));
    }

    @Test
    void theThrottleRefusesAnAccountCeilingAboveNistsHundredAndAWaitLongerThanItsCap() {
        InvalidInputException ceiling = assertThrows(InvalidInputException.class,
                () -> SignInThrottle.defaults().withAccountCeiling(101));
        assertTrue(ceiling.getMessage().contains("NIST") && ceiling.getMessage().endsWith("was 101"),
                ceiling.getMessage());
        InvalidInputException first = assertThrows(InvalidInputException.class,
                () -> SignInThrottle.defaults().withFirstDelay(Duration.ofMinutes(20)));
        assertTrue(first.getMessage().contains("PT20M") && first.getMessage().contains("PT15M"), first.getMessage());
        assertThrows(InvalidInputException.class, () -> SignInThrottle.defaults().withFreeFailures(0));
        assertThrows(InvalidInputException.class, () -> SignInThrottle.defaults().withCoolDown(Duration.ZERO));
        assertThrows(InvalidInputException.class, () -> SignInThrottle.defaults().withMaxDelay(Duration.ofDays(2)));
    }

    @Test
    void theWaitDoublesFromTheFirstDelayAfterTheFreeFailuresUpToItsCap() {
        SignInThrottle t = SignInThrottle.defaults();
        assertEquals(Duration.ZERO, t.delayAfter(4));
        assertEquals(Duration.ofSeconds(1), t.delayAfter(5));
        assertEquals(Duration.ofSeconds(2), t.delayAfter(6));
        assertEquals(Duration.ofSeconds(512), t.delayAfter(14));
        assertEquals(Duration.ofMinutes(15), t.delayAfter(15));
        assertEquals(Duration.ofMinutes(15), t.delayAfter(Integer.MAX_VALUE));
    }

    @Test
    void settingsNeverShowTheDatabasePasswordOrThePepper() {
        byte[] pepper = "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        RealmSettings settings = Realm.builder().jdbcUrl("jdbc:postgresql://db/app?password=hunter2")
                .credentials("app", "s3cret-pw").tokenPepper(pepper).settings();
        assertFalse(settings.toString().contains("hunter2"));
        assertFalse(settings.toString().contains("s3cret-pw"));
        assertFalse(settings.toString().contains("0123456789abcdef"));
        assertNotSame(pepper, settings.tokenPepper(), "the builder keeps its own copy");
        settings.tokenPepper()[0] = 'X';
        assertEquals('0', settings.tokenPepper()[0], "nor can a caller change the settings' pepper");
    }

    @Test
    void passwordCostKnowsOwaspsMinimum() {
        assertFalse(PasswordCost.OWASP.belowOwaspMinimum());
        assertFalse(new PasswordCost(12_288, 3, 1).belowOwaspMinimum());
        assertTrue(new PasswordCost(64, 1, 1).belowOwaspMinimum());
        assertTrue(new PasswordCost(19_456, 1, 1).belowOwaspMinimum());
        assertTrue(new PasswordCost(19_456, 2, 1).isStrongerThan(new PasswordCost(19_456, 1, 1)));
    }

    @Test
    void theSessionCacheIsOffByDefaultAndItsOptionsAreCheckedNamingTheValue() {
        assertEquals(null, Realm.builder().jdbcUrl("jdbc:h2:mem:x").settings().sessionCache());
        SessionCacheSettings cache = Realm.builder().jdbcUrl("jdbc:h2:mem:x")
                .sessionCache(100_000, Duration.ofSeconds(1)).settings().sessionCache();
        assertEquals(new SessionCacheSettings(100_000, Duration.ofSeconds(1)), cache);
        assertEquals(Duration.ofMillis(250), cache.pollInterval());
        assertEquals(null, Realm.builder().jdbcUrl("jdbc:h2:mem:x").sessionCache(1, Duration.ofSeconds(1))
                .noSessionCache().settings().sessionCache());
        for (int entries : new int[] {0, -1, 10_000_001}) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> Realm.builder().sessionCache(entries, Duration.ofSeconds(1)));
            assertTrue(e.getMessage().contains("was " + entries), e.getMessage());
        }
        for (Duration bound : new Duration[] {null, Duration.ofMillis(99), Duration.ofSeconds(61)}) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> Realm.builder().sessionCache(10, bound));
            assertTrue(e.getMessage().contains("was " + bound), e.getMessage());
        }
        assertTrue(Realm.builder().jdbcUrl("jdbc:h2:mem:x").sessionCache(10_000_000, Duration.ofMillis(100))
                .settings().toString().contains("sessionCache=10000000/PT0.1S"));
    }
}
