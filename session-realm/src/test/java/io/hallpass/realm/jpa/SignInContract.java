package io.hallpass.realm.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallpass.realm.AccountView;
import io.hallpass.realm.AuditEvent;
import io.hallpass.realm.ClientFacts;
import io.hallpass.realm.LoginResult;
import io.hallpass.realm.OpenedSession;
import io.hallpass.realm.PasswordChange;
import io.hallpass.realm.Realm;
import io.hallpass.realm.password.PasswordHasher;
import io.hallpass.realm.token.TokenCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Attacks on the password checks, each test named after the attack it shows closed: a stranger who knows only a
 * username trying to lock its holder out, guessing from one client or from many, in parallel, on a name that
 * exists or not; and what a failure on an unknown username leaves behind. The realm runs with the default
 * throttle. Run on H2, PostgreSQL and MariaDB by its subclasses.
 */
abstract class SignInContract extends DatabaseContract {

    /** The default throttle: failures a client may make before it waits, the first wait, the longest. */
    static final int FREE = 5;
    static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_DELAY = Duration.ofMinutes(15);
    /** Consecutive failures of an account after which unknown clients are refused (NIST's 100), and for how long. */
    static final int CEILING = 100;
    static final Duration COOL_DOWN = Duration.ofHours(24);

    // ============================================================================ a stranger's lockout

    @Test
    void aStrangerWhoKnowsTheUsernameCannotStopALiveSessionFromReauthenticating() {
        AccountView account = newAccount("holder-reauth");
        OpenedSession session = login(account, LAPTOP);
        strangerGuesses(account.username());

        LoginResult.Success ok = assertInstanceOf(LoginResult.Success.class,
                realm.reauthenticate(session.token(), PASSWORD, LAPTOP));
        assertEquals(session.view().publicId(), ok.session().view().publicId());
        assertTrue(ok.recentFailures() >= CEILING, "the stranger's failures are reported to the holder: "
                + ok.recentFailures());
    }

    @Test
    void aStrangerWhoKnowsTheUsernameCannotStopTheHolderFromChangingThePassword() {
        AccountView account = newAccount("holder-change");
        OpenedSession session = login(account, LAPTOP);
        strangerGuesses(account.username());

        assertInstanceOf(PasswordChange.Changed.class, realm.changePassword(account.id(), PASSWORD,
                "a new password after the attack", session.view().publicId()));
        assertInstanceOf(LoginResult.Success.class,
                realm.login(account.username(), "a new password after the attack", LAPTOP));
    }

    @Test
    void aStrangerWhoKnowsTheUsernameCannotStopAKnownDeviceFromSigningIn() {
        AccountView account = newAccount("holder-device");
        login(account, LAPTOP); // the laptop's device becomes known
        strangerGuesses(account.username());

        LoginResult.Success ok = assertInstanceOf(LoginResult.Success.class,
                realm.login(account.username(), PASSWORD, LAPTOP));
        assertFalse(ok.newDevice());
        assertInstanceOf(LoginResult.Success.class, realm.login(account.username(), PASSWORD, network(CEILING + 7)),
                "a success from a known device ends the ceiling for every client");
    }

    // ======================================================================================== guessing

    @Test
    void guessingFromOneClientIsSlowedProgressively() {
        AccountView account = newAccount("one-client");
        ClientFacts guesser = network(1);
        for (int i = 0; i < FREE; i++) {
            assertInstanceOf(LoginResult.Failed.class, realm.login(account.username(), WRONG, guesser), "free " + i);
        }
        Duration expected = FIRST_DELAY;
        int verified = FREE;
        for (int round = 0; round < 14; round++) {
            LoginResult.Locked locked = assertInstanceOf(LoginResult.Locked.class,
                    realm.login(account.username(), WRONG, guesser), "round " + round);
            assertEquals(now().plus(expected), locked.until(), "round " + round);
            assertInstanceOf(LoginResult.Locked.class, realm.login(account.username(), PASSWORD, guesser),
                    "while it waits, not even the right password is verified");
            clock.set(locked.until().minusNanos(1_000));
            assertInstanceOf(LoginResult.Locked.class, realm.login(account.username(), WRONG, guesser));
            clock.set(locked.until());
            assertInstanceOf(LoginResult.Failed.class, realm.login(account.username(), WRONG, guesser));
            verified++;
            expected = expected.multipliedBy(2).compareTo(MAX_DELAY) > 0 ? MAX_DELAY : expected.multipliedBy(2);
        }
        assertEquals(MAX_DELAY, expected, "the wait doubled up to its cap");
        assertEquals(verified, count(trail(account.id()), AuditEvent.Type.LOGIN_FAILED), "only these were verified");
        assertInstanceOf(LoginResult.Failed.class, realm.login(account.username(), WRONG, network(2)),
                "another client is not slowed by this one");

        clock.advance(MAX_DELAY);
        assertInstanceOf(LoginResult.Success.class, realm.login(account.username(), PASSWORD, guesser));
        for (int i = 0; i < FREE; i++) {
            assertInstanceOf(LoginResult.Failed.class, realm.login(account.username(), WRONG, guesser),
                    "a success clears the client's count: free again " + i);
        }
    }

    @Test
    void guessingFromManyClientsStopsAtTheAccountCeiling() {
        AccountView account = newAccount("many-clients");
        login(account, LAPTOP); // the holder's device
        Instant last = null;
        for (int n = 1; n <= CEILING; n++) {
            assertInstanceOf(LoginResult.Failed.class, realm.login(account.username(), WRONG, network(n)),
                    "network " + n);
            last = now();
            clock.advance(Duration.ofSeconds(1));
        }
        LoginResult.Locked refused = assertInstanceOf(LoginResult.Locked.class,
                realm.login(account.username(), PASSWORD, network(CEILING + 1)),
                "the 101st unknown client is refused, even with the right password");
        assertEquals(last.plus(COOL_DOWN), refused.until());
        List<AuditEvent> events = trail(account.id());
        assertEquals(CEILING, count(events, AuditEvent.Type.LOGIN_FAILED));
        assertEquals(1, count(events, AuditEvent.Type.LOGIN_LOCKED), "reaching the ceiling is audited once");

        assertInstanceOf(LoginResult.Success.class, realm.login(account.username(), PASSWORD, LAPTOP),
                "the known device still signs in");
        assertInstanceOf(LoginResult.Success.class, realm.login(account.username(), PASSWORD, network(CEILING + 1)),
                "and its success ends the ceiling");
    }

    @Test
    void theCeilingLiftsForUnknownClientsAfterTheCoolDown() {
        AccountView account = newAccount("cool-down");
        for (int n = 1; n <= CEILING; n++) {
            realm.login(account.username(), WRONG, network(n));
        }
        Instant last = now();
        clock.set(last.plus(COOL_DOWN).minusSeconds(1));
        assertInstanceOf(LoginResult.Locked.class, realm.login(account.username(), PASSWORD, network(CEILING + 1)));
        clock.set(last.plus(COOL_DOWN));
        assertInstanceOf(LoginResult.Success.class, realm.login(account.username(), PASSWORD, network(CEILING + 1)));
    }

    @Test
    void parallelGuessesCannotPassTheLimits() throws Exception {
        // two nodes on one database: every attempt is counted, under a row lock, before it is verified
        try (Realm second = node(builder())) {
            AccountView account = newAccount("parallel");
            List<LoginResult> oneClient = inParallel(20, i -> (i % 2 == 0 ? realm : second)
                    .login(account.username(), WRONG, network(1)));
            assertEquals(FREE, oneClient.stream().filter(r -> r instanceof LoginResult.Failed).count(),
                    "one client: exactly its free failures were verified " + oneClient);
            assertEquals(20 - FREE, oneClient.stream().filter(r -> r instanceof LoginResult.Locked).count());

            // the account now stands at FREE consecutive failures; guess on alone up to three short of the ceiling
            int before = CEILING - 3;
            for (int n = 2; n < 2 + before - FREE; n++) {
                assertInstanceOf(LoginResult.Failed.class, realm.login(account.username(), WRONG, network(n)));
            }
            List<LoginResult> manyClients = inParallel(20, i -> (i % 2 == 0 ? realm : second)
                    .login(account.username(), WRONG, network(CEILING + i)));
            assertEquals(CEILING - before, manyClients.stream().filter(r -> r instanceof LoginResult.Failed).count(),
                    "many clients: exactly up to the ceiling were verified " + manyClients);
            assertEquals(CEILING, count(trail(account.id()), AuditEvent.Type.LOGIN_FAILED));
        }
    }

    @Test
    void anUnknownUsernameIsThrottledLikeAKnownOne() {
        String ghost = uniqueName("nobody-has-this-name");
        AccountView account = newAccount("somebody");
        Instant start = now();
        List<String> forGhost = guessingPattern(ghost);
        clock.set(start);
        List<String> forAccount = guessingPattern(account.username());
        assertEquals(forAccount, forGhost, "the same answers, at the same times");
        assertEquals(List.of("Failed", "Failed", "Failed", "Failed", "Failed", "Locked+PT1S", "Failed",
                "Locked+PT2S", "Failed", "Locked+PT4S", "Failed"), forAccount.subList(0, 11),
                "one client: slowed progressively");
        assertEquals(CEILING, forAccount.stream().filter("Failed"::equals).count(), "verified up to the ceiling");
        assertEquals("Locked+PT24H", forAccount.get(forAccount.size() - 1), "then refused for the cool-down");
    }

    /**
     * What a stranger who knows only the username can do: guess from one network (the holder's own, behind a
     * shared address) until it is slowed, then from as many networks as it takes to reach the account's
     * ceiling; then even the right password from a new network is refused.
     */
    void strangerGuesses(String username) {
        ClientFacts sameNetwork = new ClientFacts(LAPTOP.ip(), "curl/8.5.0", null);
        for (int i = 0; i < FREE + 3; i++) {
            realm.login(username, WRONG, sameNetwork);
        }
        for (int n = 1; n <= CEILING; n++) {
            realm.login(username, WRONG, network(n));
        }
        assertInstanceOf(LoginResult.Locked.class, realm.login(username, PASSWORD, network(CEILING + 1)),
                "the stranger has done the worst it can: unknown clients are refused");
    }

    /**
     * The answers to one client's guesses (waiting each time exactly as long as it is told), then to one guess
     * from each of many networks, past the ceiling; a refusal is written with the wait it names.
     */
    List<String> guessingPattern(String username) {
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < FREE; i++) {
            answers.add(describe(realm.login(username, WRONG, network(1))));
        }
        for (int round = 0; round < 3; round++) {
            LoginResult refused = realm.login(username, WRONG, network(1));
            answers.add(describe(refused));
            if (refused instanceof LoginResult.Locked locked) {
                clock.set(locked.until());
            }
            answers.add(describe(realm.login(username, WRONG, network(1))));
        }
        for (int n = 2; n <= CEILING + 1; n++) {
            answers.add(describe(realm.login(username, WRONG, network(n))));
        }
        return answers;
    }

    String describe(LoginResult result) {
        return result instanceof LoginResult.Locked locked
                ? "Locked+" + Duration.between(now(), locked.until()) : result.getClass().getSimpleName();
    }

    // ================================================================================== hashing slots

    @Test
    @SuppressWarnings("try") // the permit is held, not used
    void aFloodOfSignInsCannotStarveTheHoldersReauthenticationOrPasswordChange() {
        AccountView account = newAccount("starved");
        OpenedSession session = login(account, LAPTOP);
        try (Realm bounded = node(builder().hashingLimit(1, Duration.ZERO).hashingReserve(1))) {
            PasswordHasher hasher = ((JpaRealm) bounded).hasher();
            try (PasswordHasher.Permit flood = hasher.tryAcquire(Duration.ZERO)) {
                assertNotNull(flood, "a sign-in holds every sign-in permit, as a flood of them would");
                assertInstanceOf(LoginResult.Busy.class, bounded.login(account.username(), PASSWORD, LAPTOP),
                        "another sign-in gets busy");
                LoginResult.Success ok = assertInstanceOf(LoginResult.Success.class,
                        bounded.reauthenticate(session.token(), PASSWORD, LAPTOP), "re-authentication still runs");
                assertInstanceOf(PasswordChange.Changed.class, bounded.changePassword(account.id(), PASSWORD,
                        "a new password in a flood", ok.session().view().publicId()), "so does the password change");
            }
            assertEquals(1, hasher.availablePermits(), "no sign-in permit leaked");
            assertEquals(1, hasher.availableReserve(), "no reserved permit leaked");
        }
    }

    // =============================================================================== unknown usernames

    @Test
    void aFailureOnAnUnknownNameLeavesNeitherTheNameNorItsPlainSha256InTheAuditRowOrTheLogLine() {
        // what is typed into the username field is sometimes a password
        String typed = uniqueName("Hunter2-Typed-Into-The-Name-Field");
        String name = typed.toLowerCase(Locale.ROOT);
        ClientFacts stranger = new ClientFacts("198.51.100.77", "curl/8.5.0", null);
        List<String> lines = auditLines(() -> {
            assertInstanceOf(LoginResult.Failed.class, realm.login(typed, WRONG, stranger));
            assertInstanceOf(LoginResult.Failed.class, realm.login(typed, WRONG, stranger));
        });
        List<AuditEvent> rows = failuresFrom(stranger);
        assertEquals(2, rows.size(), rows.toString());
        for (AuditEvent row : rows) {
            assertRevealsNothing(row.toString(), typed, name);
            assertTrue(row.username().matches("unknown:[0-9a-f]{12}"), row.username());
        }
        assertEquals(rows.get(0).username(), rows.get(1).username(),
                "the same unknown name carries the same fingerprint, so an operator can count its attempts");
        assertEquals(2, lines.stream().filter(l -> l.contains(rows.get(0).username())).count(), lines.toString());
        for (String line : lines) {
            assertRevealsNothing(line, typed, name);
        }

        ClientFacts other = new ClientFacts("198.51.100.78", "curl/8.5.0", null);
        realm.login(uniqueName("another-unknown-name"), WRONG, other);
        assertNotEquals(rows.get(0).username(), failuresFrom(other).get(0).username());
    }

    @Test
    void nothingStoredAboutAnUnknownNameHoldsTheNameOrItsPlainSha256() throws Exception {
        String typed = uniqueName("Secret-Password-Typed-As-A-Name");
        String name = typed.toLowerCase(Locale.ROOT);
        for (int i = 0; i < 3; i++) {
            realm.login(typed, WRONG, network(i));
        }
        List<String> stored = everyStoredValue();
        assertTrue(stored.size() > 10, "the dump saw the data");
        for (String value : stored) {
            assertRevealsNothing(value, typed, name);
        }
    }

    @Test
    void twoNodesFingerprintAnUnknownNameAlikeAndAPepperIsAKeyOfItsOwn() {
        String typed = uniqueName("ghost-of-two-nodes");
        ClientFacts first = new ClientFacts("198.51.100.81", null, null);
        ClientFacts second = new ClientFacts("198.51.100.82", null, null);
        ClientFacts peppered = new ClientFacts("198.51.100.83", null, null);
        realm.login(typed, WRONG, first);
        try (Realm node = node(builder())) {
            node.login(typed, WRONG, second);
        }
        byte[] pepper = "a pepper of at least 32 bytes, kept outside the database".getBytes(StandardCharsets.UTF_8);
        try (Realm node = node(builder().tokenPepper(pepper))) {
            node.login(typed, WRONG, peppered);
        }
        String fingerprint = failuresFrom(first).get(0).username();
        assertEquals(fingerprint, failuresFrom(second).get(0).username(), "every node keys alike");
        assertNotEquals(fingerprint, failuresFrom(peppered).get(0).username(), "the pepper is the key when set");
    }

    // =========================================================================================== helpers

    /** The failed sign-ins of unknown names from one client, oldest first. */
    List<AuditEvent> failuresFrom(ClientFacts client) {
        List<AuditEvent> rows = new ArrayList<>(trail(null).stream()
                .filter(e -> e.type() == AuditEvent.Type.LOGIN_FAILED && e.accountId() == null
                        && client.ip().equals(e.ip()))
                .toList());
        Collections.reverse(rows);
        return rows;
    }

    /** Neither the text as typed, nor normalised, nor any 8 or more leading hex digits of SHA-256 of either. */
    static void assertRevealsNothing(String text, String typed, String name) {
        String lower = text.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains(name), "holds the name: " + text);
        for (String value : List.of(typed, name)) {
            String sha256 = HexFormat.of().formatHex(TokenCodec.sha256(value));
            assertFalse(lower.contains(sha256.substring(0, 8)), "holds a plain SHA-256 prefix of the name: " + text);
        }
    }

    /** The lines written to the audit log while {@code action} ran. */
    static List<String> auditLines(Runnable action) {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(String.valueOf(record.getMessage()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger audit = Logger.getLogger("io.hallpass.audit");
        audit.addHandler(capture);
        try {
            action.run();
        } finally {
            audit.removeHandler(capture);
        }
        return List.copyOf(lines);
    }
}
