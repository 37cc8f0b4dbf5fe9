package io.hallpass.filter.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallpass.realm.PasswordCost;
import io.hallpass.realm.SchemaAction;
import io.hallpass.realm.SessionLimit;
import io.hallpass.realm.SignInThrottle;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FilterSettingsTest {

    private final Map<String, String> init = new HashMap<>();
    private final Map<String, String> context = new HashMap<>();
    private final Map<String, String> env = new HashMap<>();

    private FilterSettings read() throws SettingsException {
        return FilterSettings.read(init, context, env::get, false);
    }

    private String problems() {
        SettingsException e = assertThrows(SettingsException.class, this::read);
        return String.join("\n", e.problems());
    }

    @Test
    void defaultsFollowNistAal2AndSecureCookies() throws SettingsException {
        init.put("jdbc-url", "jdbc:h2:mem:x");
        FilterSettings s = read();
        assertEquals(Duration.ofMinutes(30), s.idleTimeout());
        assertEquals(Duration.ofHours(12), s.absoluteTimeout());
        assertEquals(Duration.ofMinutes(5), s.reauthWithin());
        assertEquals("__Host-hallpass", s.cookieName());
        assertTrue(s.cookieSecure());
        assertEquals("Lax", s.cookieSameSite());
        assertTrue(s.denyUnmatched());
        assertEquals("/auth/login", s.loginPage());
        assertTrue(s.builtInLoginPage());
        assertEquals(List.of(), s.trustedProxies());
        assertEquals("no-store", s.cacheControl());
        assertEquals(PasswordCost.OWASP, s.passwordCost());
        assertNull(s.schemaAction(), "the realm picks: create-if-missing on H2, validate elsewhere");
        assertFalse(s.csrfAllowSameSite());
    }

    @Test
    void contextParamsWithThePrefixAreTheFallbackAndInitParamsWin() throws SettingsException {
        context.put("hallpass.jdbc-url", "jdbc:h2:mem:ctx");
        context.put("hallpass.idle-timeout", "10m");
        init.put("idle-timeout", "5m");
        context.put("idle-timeout", "1m"); // unprefixed context-params are the application's, not ours
        FilterSettings s = read();
        assertEquals("jdbc:h2:mem:ctx", s.jdbcUrl());
        assertEquals(Duration.ofMinutes(5), s.idleTimeout());
    }

    // ------------------------------------------------------------------------------- unknown settings

    @Test
    void aMisspeltInitParamIsRefusedNamingTheSettingMeant() {
        init.put("jdbc-url", "jdbc:h2:mem:x");
        init.put("idle-timout", "5m");
        assertEquals("unknown setting 'idle-timout' (init-param); did you mean 'idle-timeout'?", problems());
    }

    @Test
    void aMisspeltHallpassContextParamIsRefusedNamingTheSettingMeant() {
        context.put("hallpass.jdbc-url", "jdbc:h2:mem:x");
        context.put("hallpass.reauth-whithin", "2m");
        assertEquals("unknown setting 'hallpass.reauth-whithin' (context-param); did you mean 'hallpass.reauth-within'?",
                problems());
    }

    @Test
    void aSettingWrittenInAnotherCaseOrWithUnderscoresIsUnknownAndTheGuessSaysWhichItMeant() {
        init.put("jdbc-url", "jdbc:h2:mem:x");
        init.put("Idle_Timeout", "5m");
        init.put("hallpass.cookie-name", "__Host-x");
        String p = problems();
        assertTrue(p.contains("unknown setting 'Idle_Timeout' (init-param); did you mean 'idle-timeout'?"), p);
        assertTrue(p.contains("unknown setting 'hallpass.cookie-name' (init-param); did you mean 'cookie-name'?"), p);
    }

    @Test
    void anUnknownSettingWithNothingCloseIsRefusedWithoutAGuess() {
        init.put("jdbc-url", "jdbc:h2:mem:x");
        init.put("colour", "blue");
        assertEquals("unknown setting 'colour' (init-param)", problems());
    }

    @Test
    void unknownSettingsAreReportedTogetherWithTheOtherProblems() {
        init.put("jdbc-url", "jdbc:h2:mem:x");
        init.put("idle-timeout", "soon");
        init.put("throttle-free-failure", "5");
        context.put("hallpass.cokie-secure", "false");
        String p = problems();
        assertTrue(p.contains("init-param idle-timeout ('soon')"), p);
        assertTrue(p.contains("unknown setting 'throttle-free-failure' (init-param); did you mean 'throttle-free-failures'?"), p);
        assertTrue(p.contains("unknown setting 'hallpass.cokie-secure' (context-param); did you mean "
                + "'hallpass.cookie-secure'?"), p);
    }

    @Test
    void contextParamsWithoutThePrefixAreTheApplicationsBusiness() throws SettingsException {
        init.put("jdbc-url", "jdbc:h2:mem:x");
        context.put("idle-timout", "5m");
        context.put("spring.profiles.active", "prod");
        context.put("hallpassword-hint", "x");
        assertEquals(Duration.ofMinutes(30), read().idleTimeout());
    }

    @Test
    void eventListenersAreClassNamesInOrderOrNoneOrUnset() throws SettingsException {
        init.put("jdbc-url", "jdbc:h2:mem:x");
        assertEquals(null, read().eventListeners(), "unset: found through ServiceLoader");
        init.put("event-listeners", "com.example.Mailer, com.example.Siem$Feed");
        assertEquals(java.util.List.of("com.example.Mailer", "com.example.Siem$Feed"), read().eventListeners());
        init.put("event-listeners", "none");
        assertEquals(java.util.List.of(), read().eventListeners());
    }

    @Test
    void anEventListenerThatIsNoClassNameIsRefused() {
        init.put("jdbc-url", "jdbc:h2:mem:x");
        init.put("event-listeners", "com.example.Mailer, com..Bad, com.example.Mailer");
        String p = problems();
        assertTrue(p.contains("init-param event-listeners ('com..Bad'): is not a Java class name"), p);
        assertTrue(p.contains("init-param event-listeners ('com.example.Mailer'): is named twice"), p);
    }

    @Test
    void everyDocumentedSettingIsKnown() throws SettingsException {
        for (String name : FilterSettings.NAMES) {
            init.clear();
            init.put("jdbc-url", "jdbc:h2:mem:x");
            init.put(name, "?");
            try {
                read();
            } catch (SettingsException e) {
                assertFalse(String.join("\n", e.problems()).contains("unknown setting"), name + ": " + e.getMessage());
            }
        }
    }

    @Test
    void signOutClearsTheSitesCookiesUnlessToldOtherwise() throws SettingsException {
        init.put("jdbc-url", "jdbc:h2:mem:x");
        assertEquals("\"cookies\"", read().clearSiteData());
        init.put("clear-site-data", "none");
        assertNull(read().clearSiteData());
        init.put("clear-site-data", "cookies, \"storage\" cache cookies");
        assertEquals("\"cookies\", \"storage\", \"cache\"", read().clearSiteData());
        init.put("clear-site-data", "cookies, everything");
        assertEquals("init-param clear-site-data ('cookies, everything'): must be none or a list of cookies, storage, "
                + "cache", problems());
    }

    // ------------------------------------------------------------------------------- rotation grace

    @Test
    void aShortIdleTimeoutAloneStartsWithAGraceDerivedFromIt() throws SettingsException {
        init.put("jdbc-url", "jdbc:h2:mem:x");
        assertEquals(Duration.ofSeconds(10), read().rotationGrace(), "the default, for the default idle timeout");
        init.put("idle-timeout", "5s");
        FilterSettings s = read();
        assertEquals(Duration.ofMillis(2500), s.rotationGrace(), "half the idle timeout when that is shorter");
        init.put("idle-timeout", "20s");
        assertEquals(Duration.ofSeconds(10), read().rotationGrace());
        init.put("idle-timeout", "1s");
        assertEquals(Duration.ofMillis(500), read().rotationGrace());
    }

    @Test
    void aRotationGraceTheDeployerSetIsNeverShortenedButRefusedIfItConflicts() throws SettingsException {
        init.put("jdbc-url", "jdbc:h2:mem:x");
        init.put("idle-timeout", "5s");
        init.put("rotation-grace", "10s");
        assertEquals("init-param rotation-grace ('10s'): must be shorter than idle-timeout (5s)", problems());
        init.put("rotation-grace", "5s");
        assertEquals("init-param rotation-grace ('5s'): must be shorter than idle-timeout (5s)", problems());
        init.put("rotation-grace", "4s");
        assertEquals(Duration.ofSeconds(4), read().rotationGrace());
        context.put("hallpass.idle-timeout", "5s");
        init.remove("idle-timeout");
        init.put("rotation-grace", "10s");
        assertEquals("init-param rotation-grace ('10s'): must be shorter than idle-timeout (5s)", problems());
    }

    @Test
    void aMissingDatabaseIsAClearErrorNotASilentDefault() {
        assertTrue(problems().contains("configure the database"));
    }

    @Test
    void everyProblemIsReportedWithItsKeyAndOrigin() {
        init.put("jdbc-url", "jdbc:h2:mem:x");
        init.put("idle-timeout", "soon");
        context.put("hallpass.cookie-same-site", "Loose");
        init.put("deny-unmatched", "maybe");
        init.put("schema-action", "update");
        String p = problems();
        assertTrue(p.contains("init-param idle-timeout ('soon')"), p);
        assertTrue(p.contains("context-param hallpass.cookie-same-site ('Loose'): must be Strict, Lax or None"), p);
        assertTrue(p.contains("init-param deny-unmatched ('maybe'): must be true or false"), p);
        assertTrue(p.contains("init-param schema-action ('update')"), p);
    }

    @Test
    void anUnprefixedCookieNameIsRefusedUnlessExplicitlyAllowed() throws SettingsException {
        init.put("jdbc-url", "jdbc:h2:mem:x");
        init.put("cookie-name", "SESSION");
        assertTrue(problems().contains("__Host-"));
        init.put("allow-unprefixed-cookie-name", "true");
        init.put("device-cookie-name", "DEVICE");
        assertEquals("SESSION", read().cookieName());
    }

    @Test
    void aHostPrefixedCookieWithoutSecureIsRefused() {
        init.put("jdbc-url", "jdbc:h2:mem:x");
        init.put("cookie-secure", "false");
        assertTrue(problems().contains("requires cookie-secure=true"));
    }

    @Test
    void conflictingSettingsAreRefused() {
        init.put("jdbc-url", "jdbc:h2:mem:x");
        init.put("jndi-datasource", "java:comp/env/jdbc/app");
        init.put("rules", "/ = public");
        init.put("rules-file", "/WEB-INF/rules.txt");
        init.put("idle-timeout", "13h");
        init.put("logout-path", "/auth/login");
        String p = problems();
        assertTrue(p.contains("either jndi-datasource or jdbc-url"), p);
        assertTrue(p.contains("either rules or rules-file"), p);
        assertTrue(p.contains("longer than absolute-timeout"), p);
        assertTrue(p.contains("must all differ"), p);
    }

    @Test
    void theRulesFileMustNotBeServable() {
        init.put("jdbc-url", "jdbc:h2:mem:x");
        init.put("rules-file", "/rules.txt");
        assertTrue(problems().contains("under /WEB-INF/"));
    }

    @Test
    void pathsMustBePlainApplicationPaths() {
        init.put("jdbc-url", "jdbc:h2:mem:x");
        init.put("login-page", "https://evil.example/login");
        init.put("reauth-path", "/auth/../reauth");
        String p = problems();
        assertTrue(p.contains("init-param login-page"), p);
        assertTrue(p.contains("init-param reauth-path"), p);
    }

    @Test
    void trustedProxiesAreLiteralAddressesOrBlocks() throws SettingsException {
        init.put("jdbc-url", "jdbc:h2:mem:x");
        init.put("trusted-proxies", "10.0.0.0/8, ::1 192.168.1.7");
        assertEquals(3, read().trustedProxies().size());
        init.put("trusted-proxies", "proxy.internal");
        assertTrue(problems().contains("trusted-proxies ('proxy.internal')"));
    }

    @Test
    void thePepperComesFromTheEnvironmentAndIsNeverEchoed() throws SettingsException {
        init.put("jdbc-url", "jdbc:h2:mem:x");
        init.put("token-pepper-env", "HALLPASS_PEPPER");
        assertTrue(problems().contains("not set"));
        env.put("HALLPASS_PEPPER", "c2hvcnQ=");
        String p = problems();
        assertTrue(p.contains("at least 32 bytes") && !p.contains("c2hvcnQ="), p);
        env.put("HALLPASS_PEPPER", java.util.Base64.getEncoder().encodeToString(new byte[32]));
        assertEquals(32, read().tokenPepper().length);
    }

    @Test
    void theJdbcPasswordNeverAppearsInMessagesOrToString() throws SettingsException {
        init.put("jdbc-url", "jdbc:postgresql://db/app?password=hunter2");
        init.put("jdbc-password", "hunter2");
        FilterSettings s = read();
        assertFalse(s.toString().contains("hunter2"), s.toString());
        init.put("idle-timeout", "x");
        assertFalse(problems().contains("hunter2"));
    }

    @Test
    void theSignInThrottleIsReadAndEachProblemNamesItsSetting() throws SettingsException {
        init.put("jdbc-url", "jdbc:h2:mem:x");
        assertEquals(SignInThrottle.defaults(), read().signInThrottle());
        init.put("throttle-free-failures", "3");
        init.put("throttle-first-delay", "20m");
        init.put("throttle-max-delay", "1h");
        init.put("throttle-account-ceiling", "50");
        context.put("hallpass.throttle-account-cool-down", "7d");
        assertEquals(new SignInThrottle(3, Duration.ofMinutes(20), Duration.ofHours(1), 50, Duration.ofDays(7)),
                read().signInThrottle(), "raising the first delay and the maximum together is fine");

        init.put("throttle-account-ceiling", "101");
        init.put("throttle-max-delay", "10m");
        init.put("throttle-free-failures", "few");
        String p = problems();
        assertTrue(p.contains("init-param throttle-account-ceiling ('101'): account ceiling must be between 1 and 100"
                + " (NIST SP 800-63B allows at most 100 consecutive failures), was 101"), p);
        assertTrue(p.contains("init-param throttle-first-delay ('20m'): first delay (PT20M) is longer than the max"
                + " delay (PT10M)"), p);
        assertTrue(p.contains("init-param throttle-free-failures ('few'): must be a whole number"), p);
    }

    @Test
    void theSessionLimitIsOffByDefaultAndReadWithItsPolicy() throws SettingsException {
        init.put("jdbc-url", "jdbc:h2:mem:x");
        assertNull(read().sessionLimit());
        init.put("max-sessions", "3");
        assertEquals(new SessionLimit(3, SessionLimit.Policy.REFUSE_NEW), read().sessionLimit());
        context.put("hallpass.max-sessions-policy", "End-Oldest");
        assertEquals(new SessionLimit(3, SessionLimit.Policy.END_OLDEST), read().sessionLimit());

        init.put("max-sessions", "0");
        context.put("hallpass.max-sessions-policy", "kick");
        String p = problems();
        assertTrue(p.contains("init-param max-sessions ('0'): max sessions must be between 1 and 1000, was 0"), p);
        assertTrue(p.contains("context-param hallpass.max-sessions-policy ('kick'): must be one of refuse-new,"
                + " end-oldest"), p);
        init.remove("max-sessions");
        context.put("hallpass.max-sessions-policy", "end-oldest");
        assertTrue(problems().contains("context-param hallpass.max-sessions-policy ('end-oldest'): applies only"
                + " with max-sessions"));
    }

    @Test
    void theOldLockoutSettingsAreGone() {
        assertFalse(FilterSettings.NAMES.stream().anyMatch(n -> n.startsWith("lockout-")), FilterSettings.NAMES
                .toString());
    }

    @Test
    void schemaActionIsParsed() throws SettingsException {
        init.put("jdbc-url", "jdbc:h2:mem:x");
        init.put("schema-action", "validate");
        assertEquals(SchemaAction.VALIDATE, read().schemaAction());
    }

    @Test
    void aProvidedRealmMakesDatabaseSettingsAMistake() throws SettingsException {
        assertEquals(null, FilterSettings.read(init, context, env::get, true).jdbcUrl());
        init.put("jdbc-url", "jdbc:h2:mem:x");
        SettingsException e = assertThrows(SettingsException.class,
                () -> FilterSettings.read(init, context, env::get, true));
        assertTrue(e.getMessage().contains("provides its own realm"));
    }

    @Test
    void theSessionCacheIsOnByDefaultAndItsSettingsAreCheckedByTheRealmsOwnRule() throws SettingsException {
        init.put("jdbc-url", "jdbc:h2:mem:x");
        assertEquals(new io.hallpass.realm.SessionCacheSettings(100_000, Duration.ofSeconds(1)), read().sessionCache());
        init.put("session-cache-size", "5000");
        init.put("session-cache-bound", "3s");
        assertEquals(new io.hallpass.realm.SessionCacheSettings(5000, Duration.ofSeconds(3)), read().sessionCache());
        init.put("session-cache", "off");
        assertEquals(null, read().sessionCache());
        init.put("session-cache", "maybe");
        assertTrue(problems().contains("init-param session-cache ('maybe')"), problems());
        init.put("session-cache", "on");
        init.put("session-cache-size", "0");
        assertTrue(problems().contains("init-param session-cache-size ('0')"), problems());
        init.put("session-cache-size", "100");
        init.put("session-cache-bound", "2m");
        String p = problems();
        assertTrue(p.contains("init-param session-cache-bound ('2m'): session cache bound must be between"), p);
        init.put("session-cache-size", "20000000");
        init.put("session-cache-bound", "1s");
        assertTrue(problems().contains("init-param session-cache-size ('20000000')"), problems());
    }
}
