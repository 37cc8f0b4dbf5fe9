package io.hallpass.filter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The sign-in throttle on the wire, each test named after the attack it shows closed: a stranger who knows only a
 * username guesses from one address, then from a hundred (each a loopback address of its own, so that each is a
 * network of its own), and tries to lock the holder out. Runs in every container through a subclass; the realm has
 * the default throttle (5 free failures a client, then 1 s doubling; 100 consecutive failures of an account) and a
 * clock the tests move.
 */
public abstract class ThrottleContract extends ContainerSuite {

    static final int FREE = 5;
    static final int CEILING = 100;

    /** A stranger's address: a network of its own on the loopback interface, never 127.0.0.1. */
    static String stranger(int n) {
        return "127.0." + (10 + n / 200) + "." + (1 + n % 200);
    }

    RawHttp.Response signIn(String user, String password, String from, String cookie) {
        RawHttp.Request request = http.request("POST", "/auth/login").api().from(from)
                .form(form("username", user, "password", password));
        return cookie == null ? request.send() : request.cookie(cookie).send();
    }

    /** Guesses from one address until it is slowed, then from a hundred others up to the account's ceiling. */
    void strangerGuesses(String user) {
        for (int i = 0; i < FREE + 2; i++) {
            signIn(user, "guess-" + i, "127.0.0.1", null);
        }
        for (int n = 1; n <= CEILING; n++) {
            signIn(user, "guess-" + n, stranger(n), null);
        }
        RawHttp.Response refused = signIn(user, "pw-" + user, stranger(CEILING + 1), null);
        assertEquals(429, refused.status(), "the stranger reached the ceiling: even the right password waits "
                + refused);
    }

    @Test
    void aStrangerWhoKnowsTheUsernameCannotStopALiveSessionFromReauthenticating() {
        String user = newUser("customer");
        String cookie = login(user);
        strangerGuesses(user);
        RawHttp.Response reauth = http.request("POST", "/auth/reauth").api().cookie(cookie)
                .json("{\"password\":\"pw-" + user + "\"}").send();
        assertEquals(200, reauth.status(), reauth.toString());
        assertNotNull(reauth.cookie(COOKIE), "the rotated token");
    }

    @Test
    void aStrangerWhoKnowsTheUsernameCannotStopTheHolderFromChangingThePassword() {
        String user = newUser("customer");
        String cookie = login(user);
        strangerGuesses(user);
        RawHttp.Response changed = http.request("POST", "/account/password").api().cookie(cookie)
                .form(form("current", "pw-" + user, "new", "a new password after the attack")).send();
        assertEquals(200, changed.status(), changed.toString());
        assertEquals(200, apiGet("/account/x", COOKIE + "=" + changed.cookie(COOKIE)).status());
    }

    @Test
    void aStrangerWhoKnowsTheUsernameCannotStopAKnownDeviceFromSigningIn() {
        String user = newUser("customer");
        String known = loginFromKnownDevice(user);
        String device = known.split("; ", 2)[1];
        strangerGuesses(user);
        RawHttp.Response ok = signIn(user, "pw-" + user, "127.0.0.1", device);
        assertEquals(200, ok.status(), ok.toString());
        assertTrue(ok.body().contains("\"newDevice\":false"), ok.body());
    }

    @Test
    void guessingFromOneClientIsSlowedProgressively() {
        String user = newUser("customer");
        String from = stranger(150);
        for (int i = 0; i < FREE; i++) {
            assertEquals(401, signIn(user, "guess-" + i, from, null).status(), "free " + i);
        }
        for (long wait = 1; wait <= 8; wait *= 2) {
            RawHttp.Response slowed = signIn(user, "another guess", from, null);
            assertEquals(429, slowed.status(), slowed.toString());
            assertEquals(Long.toString(wait), slowed.header("Retry-After"), slowed.toString());
            assertEquals(429, signIn(user, "pw-" + user, from, null).status(), "not verified while it waits");
            clock.advance(Duration.ofSeconds(wait));
            assertEquals(401, signIn(user, "guess after " + wait + " s", from, null).status());
        }
        assertEquals(401, signIn(user, "a guess from elsewhere", stranger(151), null).status(),
                "another network is not slowed by this one");
        clock.advance(Duration.ofSeconds(16));
        assertEquals(200, signIn(user, "pw-" + user, from, null).status());
    }

    @Test
    void guessingFromManyClientsStopsAtTheAccountCeiling() {
        String user = newUser("customer");
        String known = loginFromKnownDevice(user);
        for (int n = 1; n <= CEILING; n++) {
            assertEquals(401, signIn(user, "guess-" + n, stranger(n), null).status(), "network " + n);
        }
        RawHttp.Response refused = signIn(user, "pw-" + user, stranger(CEILING + 1), null);
        assertEquals(429, refused.status(), "the 101st network is refused, even with the right password");
        assertEquals(Long.toString(Duration.ofHours(24).toSeconds()), refused.header("Retry-After"));
        assertEquals(200, signIn(user, "pw-" + user, "127.0.0.1", known.split("; ", 2)[1]).status(),
                "the known device still signs in");
        assertEquals(200, signIn(user, "pw-" + user, stranger(CEILING + 1), null).status(),
                "and its success ends the ceiling");
    }

    @Test
    void anUnknownUsernameIsThrottledLikeAKnownOne() {
        String user = newUser("customer");
        String ghost = "ghost-" + UUID.randomUUID();
        List<String> forUser = new ArrayList<>();
        List<String> forGhost = new ArrayList<>();
        for (int i = 0; i < FREE + 2; i++) {
            forUser.add(answer(signIn(user, "guess-" + i, stranger(160), null)));
            forGhost.add(answer(signIn(ghost, "guess-" + i, stranger(160), null)));
        }
        for (int n = 1; n <= CEILING + 1; n++) {
            forUser.add(answer(signIn(user, "guess-" + n, stranger(n), null)));
            forGhost.add(answer(signIn(ghost, "guess-" + n, stranger(n), null)));
        }
        assertEquals(forUser, forGhost, "the same statuses, waits and bodies");
        assertEquals("429 1", forUser.get(FREE), forUser.toString());
        assertEquals("429 86400", forUser.get(forUser.size() - 1), forUser.toString());
    }

    @Test
    void parallelGuessesCannotPassTheLimits() throws Exception {
        String user = newUser("customer");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int n = i;
                answers.add(pool.submit(() -> {
                    go.await();
                    return signIn(user, "guess-" + n, stranger(170), null).status();
                }));
            }
            go.countDown();
            int failed = 0;
            int slowed = 0;
            for (Future<Integer> answer : answers) {
                int status = answer.get(60, TimeUnit.SECONDS);
                failed += status == 401 ? 1 : 0;
                slowed += status == 429 ? 1 : 0;
            }
            assertEquals(FREE, failed, "exactly the free failures were verified");
            assertEquals(20 - FREE, slowed);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A response as the client sees it: status, and the wait or the body. */
    static String answer(RawHttp.Response r) {
        return r.status() + " " + (r.status() == 429 ? r.header("Retry-After") : r.body());
    }
}
