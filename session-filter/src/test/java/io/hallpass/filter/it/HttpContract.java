package io.hallpass.filter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallpass.filter.Hallpass;
import io.hallpass.realm.password.PasswordHasher;
import java.lang.reflect.Method;
import io.hallpass.realm.Realm;
import io.hallpass.realm.SessionLimit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The filter's HTTP behaviour, asserted on the wire against a real container. Each container runs this same
 * suite through a subclass; nothing here knows which container it talks to.
 */
public abstract class HttpContract extends ContainerSuite {

    // ---------------------------------------------------------------------------------- unauthenticated

    @Test
    void anAnonymousBrowserIsSentToSignInWithASameOriginReturnPath() {
        RawHttp.Response r = http.request("GET", "/account/profile?tab=2").browser().send();
        assertEquals(303, r.status(), r.toString());
        assertEquals("/auth/login?return=%2Faccount%2Fprofile%3Ftab%3D2", r.header("Location"));
        assertEquals("no-store", r.header("Cache-Control"));
    }

    @Test
    void anAnonymousApiClientGets401WithAChallengeAndJson() {
        RawHttp.Response r = apiGet("/api/me", null);
        assertEquals(401, r.status(), r.toString());
        assertNotCached(r);
        assertTrue(r.header("WWW-Authenticate").startsWith("Hallpass realm="), r.toString());
        assertTrue(r.header("Content-Type").startsWith("application/json"), r.toString());
        assertTrue(r.body().contains("\"error\":\"unauthenticated\""), r.body());
    }

    @Test
    void publicPathsAnswerWithoutASession() {
        RawHttp.Response r = apiGet("/public/hello", null);
        assertEquals(200, r.status(), r.toString());
        assertTrue(r.body().startsWith("echo GET /public/hello user=null"), r.body());
        assertEquals(200, apiGet("/", null).status());
    }

    @Test
    void anUnmatchedPathIsDeniedEvenWhenSignedIn() {
        String cookie = login(newUser("customer"));
        assertEquals(403, apiGet("/nowhere", cookie).status());
        assertEquals(403, apiGet("/nowhere", null).status());
        assertEquals(403, apiGet("/error/403", cookie).status(), "an error page is not a public path");
    }

    // ------------------------------------------------------------------------------------------ sign in

    @Test
    void signingInSetsAHostOnlySecureCookieAndReturnsToThePage() {
        String user = newUser("customer");
        RawHttp.Response r = http.request("POST", "/auth/login").browser().sameOrigin()
                .form(form("username", user, "password", "pw-" + user, "return", "/account/overview")).send();
        assertEquals(303, r.status(), r.toString());
        assertEquals("/account/overview", r.header("Location"));
        String setCookie = r.setCookieHeader(COOKIE);
        assertNotNull(setCookie, r.toString());
        assertTrue(setCookie.matches(COOKIE + "=hp1_[A-Za-z0-9_-]+; Path=/; Secure; HttpOnly; SameSite=Lax"), setCookie);
        RawHttp.Response page = apiGet("/account/overview", COOKIE + "=" + r.cookie(COOKIE));
        assertEquals(200, page.status(), page.toString());
        assertTrue(page.body().contains("user=" + user), page.body());
    }

    @Test
    void signingInWithJsonAnswersTheUsernameAndRoles() {
        String user = newUser("customer", "support");
        RawHttp.Response r = http.request("POST", "/auth/login").api()
                .json("{\"username\":\"" + user.toUpperCase() + "\",\"password\":\"pw-" + user + "\"}").send();
        assertEquals(200, r.status(), r.toString());
        assertTrue(r.body().contains("\"username\":\"" + user + "\""), r.body());
        assertTrue(r.body().contains("\"roles\":[\"customer\",\"support\"]"), r.body());
    }

    @Test
    void anUnknownUserAndAWrongPasswordGetTheSameAnswer() {
        String user = newUser("customer");
        RawHttp.Response wrong = http.request("POST", "/auth/login").api()
                .form(form("username", user, "password", "not-the-password")).send();
        RawHttp.Response unknown = http.request("POST", "/auth/login").api()
                .form(form("username", "nobody-" + UUID.randomUUID(), "password", "not-the-password")).send();
        assertEquals(401, wrong.status());
        assertEquals(wrong.status(), unknown.status());
        assertEquals(wrong.body(), unknown.body());
        assertEquals(wrong.header("WWW-Authenticate"), unknown.header("WWW-Authenticate"));
        assertNull(wrong.cookie(COOKIE));

        RawHttp.Response browser = http.request("POST", "/auth/login").browser().sameOrigin()
                .form(form("username", user, "password", "nope-nope", "return", "/account/x")).send();
        assertEquals(303, browser.status());
        assertEquals("/auth/login?error=1&return=%2Faccount%2Fx", browser.header("Location"));
    }

    @Test
    void afterTooManyFailuresSignInIsRefusedWith429UntilTheLockEnds() {
        String user = newUser("customer");
        String ghost = "ghost-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            assertEquals(401, http.request("POST", "/auth/login").api()
                    .form(form("username", user, "password", "wrong-" + i)).send().status());
            assertEquals(401, http.request("POST", "/auth/login").api()
                    .form(form("username", ghost, "password", "wrong-" + i)).send().status());
        }
        RawHttp.Response locked = http.request("POST", "/auth/login").api()
                .form(form("username", user, "password", "pw-" + user)).send();
        assertEquals(429, locked.status(), "even the right password waits: " + locked);
        assertNotCached(locked);
        long retryAfter = Long.parseLong(locked.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 15 * 60, locked.toString());
        RawHttp.Response ghostLocked = http.request("POST", "/auth/login").api()
                .form(form("username", ghost, "password", "whatever")).send();
        assertEquals(429, ghostLocked.status(), "a lock says nothing about whether the account exists");

        clock.advance(Duration.ofMinutes(16));
        assertNotNull(login(user));
    }

    @Test
    void aPasswordChangeSetsANewCookieAndTheOldTokensStopAtOnce() {
        String user = newUser("customer");
        String signedIn = login(user);
        clock.advance(Duration.ofMinutes(1));
        RawHttp.Response reauth = http.request("POST", "/auth/reauth").api().cookie(signedIn)
                .json("{\"password\":\"pw-" + user + "\"}").send();
        assertEquals(200, reauth.status(), reauth.toString());
        String reauthenticated = COOKIE + "=" + reauth.cookie(COOKIE);
        assertEquals(200, apiGet("/account/x", signedIn).status(), "inside the grace before the change");
        String other = login(user);

        RawHttp.Response changed = http.request("POST", "/account/password").api().cookie(reauthenticated)
                .form(form("current", "pw-" + user, "new", "a new password for " + user)).send();
        assertEquals(200, changed.status(), changed.toString());
        assertTrue(changed.body().contains("user=" + user), "the rest of the request is still signed in: " + changed);
        assertNotNull(changed.cookie(COOKIE), "the new token is set: " + changed);
        String fresh = COOKIE + "=" + changed.cookie(COOKIE);
        assertEquals(401, apiGet("/account/x", reauthenticated).status(), "the token it had stops at once");
        assertEquals(401, apiGet("/account/x", signedIn).status(), "so does the one inside the grace");
        assertEquals(401, apiGet("/account/x", other).status(), "and every other session");
        assertEquals(200, apiGet("/account/x", fresh).status(), "the new cookie works");

        RawHttp.Response wrong = http.request("POST", "/account/password").api().cookie(fresh)
                .form(form("current", "not it at all", "new", "yet another password")).send();
        assertEquals(400, wrong.status(), wrong.toString());
        assertNull(wrong.cookie(COOKIE), "a refused change sets no cookie");
        assertEquals(200, apiGet("/account/x", fresh).status());
    }

    @Test
    void aSignInPastTheSessionLimitIsRefusedWithAClearMessage() {
        try (Realm limited = realmBuilder().maxSessions(2, SessionLimit.Policy.REFUSE_NEW).build()) {
            withRealm(limited, client -> {
                String user = newUser("customer");
                String first = signInTo(client, user);
                signInTo(client, user);
                RawHttp.Response api = client.request("POST", "/auth/login").api()
                        .form(form("username", user, "password", "pw-" + user)).send();
                assertEquals(409, api.status(), api.toString());
                assertNotCached(api);
                assertTrue(api.body().contains("signed in on too many devices; sign out elsewhere"), api.body());
                assertNull(api.cookie(COOKIE), "no session was opened");
                RawHttp.Response browser = client.request("POST", "/auth/login").browser().sameOrigin()
                        .form(form("username", user, "password", "pw-" + user)).send();
                assertEquals(409, browser.status(), browser.toString());
                assertNotCached(browser);
                assertTrue(browser.body().contains("sign out elsewhere"), browser.body());
                assertEquals(2, realm.listSessions(accountId(user)).size());

                assertEquals(204, client.request("POST", "/auth/logout").api().cookie(first).send().status());
                signInTo(client, user);
            });
        }
    }

    private String signInTo(RawHttp client, String user) {
        RawHttp.Response r = client.request("POST", "/auth/login").api()
                .form(form("username", user, "password", "pw-" + user)).send();
        assertEquals(200, r.status(), r.toString());
        return COOKIE + "=" + r.cookie(COOKIE);
    }

    @Test
    void theReturnPathNeverLeavesTheOrigin() {
        String user = newUser("customer");
        for (String evil : new String[] {"//evil.example/", "https://evil.example/", "/\\evil.example", "/%2e%2e/admin"}) {
            RawHttp.Response r = http.request("POST", "/auth/login").browser().sameOrigin()
                    .form(form("username", user, "password", "pw-" + user, "return", evil)).send();
            assertEquals(303, r.status());
            assertEquals("/", r.header("Location"), "return=" + evil);
        }
    }

    @Test
    void credentialsInTheUrlAreRefused() {
        RawHttp.Response r = http.request("POST", "/auth/login?password=secret").api()
                .form(form("username", "x")).send();
        assertEquals(400, r.status(), r.toString());
        assertNotCached(r);
    }

    /**
     * The query's names as the container decodes them: {@code %XX} in any case, {@code +} for a space, a name
     * repeated or after another; {@code PW} stands for the password, which then never reaches the sign-in.
     */
    @ParameterizedTest
    @ValueSource(strings = {"password=PW", "pass%77ord=PW", "%70assword=PW", "%70%61%73%73%77%6F%72%64=PW",
            "%70%61%73%73%77%6f%72%64=PW", "PASSWORD=PW", "Pass%57ord=PW", "return=%2F&password=PW",
            "password=PW&password=PW", "password+=PW", "+password=PW", "password%20=PW", "%20pass%77ord%09=PW",
            "&&pass%77ord=PW&", "pass%77ord%ZZ=PW", "pass%C1%B7ord=PW"})
    void aPasswordSmuggledInTheQueryStringIsRefusedHoweverItsNameIsWritten(String query) {
        String user = newUser("customer");
        String password = "pw-" + user;
        String target = "/auth/login?" + query.replace("PW", password);
        RawHttp.Response form = http.request("POST", target).api().sameOrigin().form(form("username", user)).send();
        assertRefusedWithoutEcho(form, password);
        RawHttp.Response json = http.request("POST", target).api().sameOrigin()
                .json("{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}").send();
        assertRefusedWithoutEcho(json, password);
        assertRefusedWithoutEcho(http.request("GET", target).browser().send(), password);

        String cookie = login(user);
        String reauth = "/auth/reauth?" + query.replace("PW", password);
        assertRefusedWithoutEcho(http.request("POST", reauth).api().sameOrigin().cookie(cookie).form("return=%2F").send(),
                password);
        assertRefusedWithoutEcho(http.request("GET", reauth).browser().cookie(cookie).send(), password);
    }

    @ParameterizedTest
    @ValueSource(strings = {"username=U", "user%6Eame=U", "%75sername=U", "USER%4eAME=U", "username+=U"})
    void aUsernameSmuggledInTheQueryStringIsRefused(String query) {
        String user = newUser("customer");
        RawHttp.Response r = http.request("POST", "/auth/login?" + query.replace("U", user)).api().sameOrigin()
                .form(form("password", "pw-" + user)).send();
        assertRefusedWithoutEcho(r, "pw-" + user);
    }

    @Test
    void queryNamesThatAreNotCredentialsStillWork() {
        String user = newUser("customer");
        RawHttp.Response r = http.request("POST", "/auth/login?pass=1&passwords=2&new-password%3D=3").browser()
                .sameOrigin().form(form("username", user, "password", "pw-" + user, "return", "/account/x")).send();
        assertEquals(303, r.status(), r.toString());
        assertEquals("/account/x", r.header("Location"));
    }

    /**
     * Every refusal Hallpass writes (400, 401, 403, 405, 409, 429, 503) is kept out of caches by Hallpass itself: the
     * test containers' Jetty error handlers add no {@code Cache-Control} of their own, so this fails if Hallpass does
     * not set it.
     */
    static void assertNotCached(RawHttp.Response r) {
        assertEquals("no-store", r.header("Cache-Control"), "a refusal must not be cached: " + r);
    }

    private static void assertRefusedWithoutEcho(RawHttp.Response r, String password) {
        assertEquals(400, r.status(), r.toString());
        assertNotCached(r);
        assertNull(r.cookie(COOKIE), "nobody signed in: " + r);
        assertFalse(r.body().contains(password), "the value is never echoed: " + r);
        r.headers().forEach((name, values) -> values.forEach(v -> assertFalse(v.contains(password), name + ": " + v)));
    }

    @Test
    void aNewSignInRevokesTheSessionPresentedWithIt() {
        String user = newUser("customer");
        String first = login(user);
        RawHttp.Response r = http.request("POST", "/auth/login").api().cookie(first)
                .form(form("username", user, "password", "pw-" + user)).send();
        assertEquals(200, r.status());
        assertNotEquals(first, COOKIE + "=" + r.cookie(COOKIE));
        assertEquals(401, apiGet("/account/x", first).status(), "the pre-login token must be dead");
    }

    // ---------------------------------------------------------------------------------- authorisation

    @Test
    void aSignedInUserWithoutTheRoleIsForbidden() {
        String cookie = login(newUser("customer"));
        RawHttp.Response browser = http.request("GET", "/admin/users").browser().cookie(cookie).send();
        assertEquals(403, browser.status(), browser.toString());
        assertTrue(browser.body().contains("Custom forbidden page"), "the application's error page: " + browser);
        RawHttp.Response api = apiGet("/admin/users", cookie);
        assertEquals(403, api.status());
        assertNotCached(api);
        assertTrue(api.body().contains("\"error\":\"forbidden\""), api.body());
        assertFalse(browser.body().contains("TOP-SECRET") || api.body().contains("TOP-SECRET"));
    }

    /**
     * The application's own 403 page, which Hallpass reaches through {@code sendError(403)}, is not cached either.
     * Jetty's error handler, which would add {@code no-store} whatever Hallpass does, adds nothing in the test
     * containers. Known gap: Jetty's error dispatch drops the headers set before {@code sendError}, so on Jetty the
     * page carries no {@code Cache-Control} unless the page sets it (or Jetty's error handler keeps its default); the
     * test says so as a visible skip there instead of passing.
     */
    @Test
    void theApplicationsOwn403PageIsNotCached() {
        String cookie = login(newUser("customer"));
        RawHttp.Response browser = http.request("GET", "/admin/users").browser().cookie(cookie).send();
        assertEquals(403, browser.status(), browser.toString());
        assertTrue(browser.body().contains("Custom forbidden page"), "the application's error page: " + browser);
        // Jetty clears the headers set before sendError; the filter, mapped for ERROR too, sets no-store again
        assertNotCached(browser);
    }

    @Test
    void methodsTheRulesDoNotNameAreRefusedWith405() {
        String cookie = login(newUser("customer"));
        RawHttp.Response r = http.request("DELETE", "/account/thing").api().cookie(cookie).sameOrigin().send();
        assertEquals(405, r.status(), r.toString());
        assertNotCached(r);
        assertEquals("GET, HEAD, POST", r.header("Allow"));
    }

    @Test
    void annotationsAloneProtectAServlet() {
        assertEquals(401, apiGet("/reports/sales", null).status());
        assertEquals(403, apiGet("/reports/sales", login(newUser("customer"))).status());
        RawHttp.Response ok = apiGet("/reports/sales", login(newUser("reporting")));
        assertEquals(200, ok.status(), ok.toString());
        assertTrue(ok.body().startsWith("TOP-SECRET report"), ok.body());
    }

    @Test
    void whenARuleAndAnAnnotationApplyBothMustPass() {
        // the rule wants role customer; the annotation wants a password entered within two minutes
        String support = login(newUser("support"));
        assertEquals(403, http.request("POST", "/account/payout").api().cookie(support).form("amount=5").send().status());
        String customer = login(newUser("customer"));
        RawHttp.Response paid = http.request("POST", "/account/payout").api().cookie(customer).form("amount=5").send();
        assertEquals(200, paid.status(), paid.toString());
        assertTrue(paid.body().startsWith("TOP-SECRET paid 5"), paid.body());
    }

    @Test
    void theServletSecurityApiAnswersFromTheSession() {
        String admin = newUser("admin");
        RawHttp.Response r = apiGet("/account/whoami", login(admin));
        assertEquals(200, r.status());
        assertTrue(r.body().contains("user=" + admin + " admin=true customer=false any=true auth=FORM principal=" + admin),
                r.body());
    }

    @Test
    void publicPagesLookTheSessionUpOnlyWhenAsked() {
        String user = newUser("customer");
        RawHttp.Response r = apiGet("/public/page", login(user));
        assertEquals(200, r.status());
        assertTrue(r.body().contains("user=" + user), "getRemoteUser() on a public page resolves lazily: " + r.body());
    }

    @Test
    void authenticatedAnswersAreNotCached() {
        RawHttp.Response r = apiGet("/account/x", login(newUser("customer")));
        assertEquals(200, r.status());
        assertEquals("no-store", r.header("Cache-Control"));
        assertVariesByCookie(r);
    }

    @Test
    void hallpassRequestAttributesShowTheSessionAsItIsThroughALogout() {
        String user = newUser("customer");
        String cookie = login(user);
        assertEquals("session=" + user + " risk=true listed=true", apiGet("/account/attributes", cookie).body());
        assertEquals("session=null risk=false listed=false", apiGet("/public/attributes", cookie).body(),
                "a public page that did not ask has no session resolved");
        RawHttp.Response out = apiGet("/account/attributes?logout", cookie);
        assertEquals("session=" + user + " risk=true listed=true | after logout session=null risk=false listed=false",
                out.body());
        assertEquals(401, apiGet("/account/attributes", cookie).status());

        String again = login(user);
        assertEquals("session=" + user + " risk=true listed=true | after logout session=null risk=false listed=false",
                apiGet("/account/attributes?plant&logout", again).body(),
                "a view left in the container's own attributes does not outlive the logout");
    }

    @Test
    void anErrorPageAfterAnAdmittedRequestSeesItsSessionAttribute() {
        String user = newUser("customer");
        RawHttp.Response page = http.request("GET", "/account/attributes?deny").browser().cookie(login(user)).send();
        assertEquals(403, page.status(), page.toString());
        assertTrue(page.body().contains("Custom forbidden page") && page.body().contains("signed-in=" + user),
                page.toString());
    }

    @Test
    void aPublicPageThatShowsTheSignedInUserIsNotCached() {
        String user = newUser("customer");
        RawHttp.Response page = apiGet("/public/page", login(user));
        assertTrue(page.body().contains("user=" + user), page.body());
        assertEquals("no-store", page.header("Cache-Control"), "a shared cache would hand it to the next visitor");
        assertVariesByCookie(page);

        RawHttp.Response greeting = apiGet("/public/greeting", login(user));
        assertEquals("hello " + user, greeting.body());
        assertEquals("no-store", greeting.header("Cache-Control"), "Hallpass.session(request) asked who it is");
        assertVariesByCookie(greeting);
    }

    @Test
    void aPublicPageThatAskedWhoIsSignedInIsNotCachedForAnonymousVisitorsEither() {
        RawHttp.Response greeting = apiGet("/public/greeting", null);
        assertEquals("hello guest", greeting.body());
        assertEquals("no-store", greeting.header("Cache-Control"), "a signed-in visitor must not get the guest's copy");
        assertVariesByCookie(greeting);
    }

    @Test
    void aPublicPageThatNeverAsksWhoIsSignedInKeepsItsOwnCaching() {
        RawHttp.Response r = apiGet("/public/cacheable", login(newUser("customer")));
        assertEquals(200, r.status(), r.toString());
        assertEquals("public, max-age=60", r.header("Cache-Control"));
        assertTrue(r.headers("Vary").stream().noneMatch(v -> v.toLowerCase().contains("cookie")), r.toString());
    }

    private static void assertVariesByCookie(RawHttp.Response r) {
        assertTrue(r.headers("Vary").stream().anyMatch(v -> v.toLowerCase().contains("cookie")), "Vary: Cookie: " + r);
    }

    // ---------------------------------------------------------------------------------- step-up

    @Test
    void aStaleSessionMustReauthenticateForASensitiveActionApi() {
        String user = newUser("customer");
        String cookie = login(user);
        clock.advance(Duration.ofMinutes(3));
        RawHttp.Response challenge = http.request("POST", "/account/payout").api().cookie(cookie).form("amount=9").send();
        assertEquals(401, challenge.status(), challenge.toString());
        String www = challenge.header("WWW-Authenticate");
        assertTrue(www.contains("error=\"insufficient_user_authentication\"") && www.contains("max_age=120"), www);
        assertTrue(challenge.body().contains("\"max_age\":120"), challenge.body());
        assertEquals(200, apiGet("/account/payout", cookie).status(), "reading the form stays calm");

        RawHttp.Response reauth = http.request("POST", "/auth/reauth").api().cookie(cookie)
                .json("{\"password\":\"pw-" + user + "\"}").send();
        assertEquals(200, reauth.status(), reauth.toString());
        String fresh = COOKIE + "=" + reauth.cookie(COOKIE);
        assertNotEquals(cookie, fresh, "re-authentication rotates the token");
        assertEquals(200, http.request("POST", "/account/payout").api().cookie(fresh).form("amount=9").send().status());
        assertEquals(401, http.request("POST", "/account/payout").api().cookie(cookie).form("amount=9").send().status(),
                "the old token never carries the fresh authentication, even in its grace");
        assertEquals(200, apiGet("/account/x", cookie).status(), "but it still works for calm pages during the grace");
        clock.advance(Duration.ofSeconds(11));
        assertEquals(401, apiGet("/account/x", cookie).status(), "and dies after the grace");
        assertEquals(200, apiGet("/account/x", fresh).status());
    }

    @Test
    void aStaleSessionMustReauthenticateForASensitiveActionBrowser() {
        String user = newUser("customer");
        String cookie = login(user);
        clock.advance(Duration.ofMinutes(3));
        RawHttp.Response challenge = http.request("POST", "/account/payout").browser().sameOrigin().cookie(cookie)
                .header("Referer", "http://127.0.0.1:" + server.port() + "/account/payout?step=2").form("amount=9").send();
        assertEquals(303, challenge.status(), challenge.toString());
        assertEquals("/auth/reauth?return=%2Faccount%2Fpayout%3Fstep%3D2&resubmit=1", challenge.header("Location"));

        RawHttp.Response page = http.request("GET", challenge.header("Location")).browser().cookie(cookie).send();
        assertEquals(200, page.status());
        assertTrue(page.body().contains("submit it again") && page.body().contains(user), page.body());

        RawHttp.Response done = http.request("POST", "/auth/reauth").browser().sameOrigin().cookie(cookie)
                .form(form("password", "pw-" + user, "return", "/account/payout?step=2")).send();
        assertEquals(303, done.status(), done.toString());
        assertEquals("/account/payout?step=2", done.header("Location"));
        String fresh = COOKIE + "=" + done.cookie(COOKIE);
        assertEquals(200, http.request("POST", "/account/payout").browser().sameOrigin().cookie(fresh)
                .form("amount=9").send().status());
    }

    @Test
    void anotherAccountsPasswordNeverReauthenticatesThisSession() {
        String alice = newUser("customer");
        String bob = newUser("customer");
        String cookie = login(alice);
        clock.advance(Duration.ofMinutes(3));
        RawHttp.Response r = http.request("POST", "/auth/reauth").api().cookie(cookie)
                .json("{\"password\":\"pw-" + bob + "\"}").send();
        assertEquals(401, r.status(), r.toString());
        assertNull(r.cookie(COOKIE));
        assertEquals(401, http.request("POST", "/account/payout").api().cookie(cookie).form("amount=1").send().status());
    }

    @Test
    void aRuleCanDemandReauthenticationWithTheDefaultWindow() {
        String cookie = loginFromKnownDevice(newUser("admin"));
        assertEquals(200, http.request("POST", "/admin/users").api().cookie(cookie).send().status());
        clock.advance(Duration.ofMinutes(6));
        assertEquals(200, apiGet("/admin/users", cookie).status());
        RawHttp.Response r = http.request("POST", "/admin/users").api().cookie(cookie).send();
        assertEquals(401, r.status());
        assertTrue(r.header("WWW-Authenticate").contains("max_age=300"), r.toString());
    }

    // ----------------------------------------------------------------------------------- sign out, revocation

    @Test
    void signingOutRevokesOnTheServerAndClearsTheCookie() {
        String cookie = login(newUser("customer"));
        assertEquals(405, http.request("GET", "/auth/logout").api().cookie(cookie).send().status());
        RawHttp.Response out = http.request("POST", "/auth/logout").browser().sameOrigin().cookie(cookie).send();
        assertEquals(303, out.status());
        assertEquals("/", out.header("Location"));
        String cleared = out.setCookieHeader(COOKIE);
        assertTrue(cleared != null && cleared.contains("Max-Age=0"), String.valueOf(cleared));
        assertEquals(401, apiGet("/account/x", cookie).status(), "the old cookie is dead on the server");
        assertEquals(204, http.request("POST", "/auth/logout").api().cookie(login(newUser())).send().status());
    }

    @Test
    void signingOutTellsTheBrowserToForgetTheSitesCookies() {
        RawHttp.Response browser = http.request("POST", "/auth/logout").browser().sameOrigin()
                .cookie(login(newUser("customer"))).send();
        assertEquals(303, browser.status(), browser.toString());
        assertEquals("\"cookies\"", browser.header("Clear-Site-Data"), browser.toString());
        RawHttp.Response api = http.request("POST", "/auth/logout").api().cookie(login(newUser("customer"))).send();
        assertEquals(204, api.status(), api.toString());
        assertEquals("\"cookies\"", api.header("Clear-Site-Data"), api.toString());
        RawHttp.Response programmatic = http.request("DELETE", "/programmatic").api()
                .cookie(login(newUser("customer"))).send();
        assertEquals("\"cookies\"", programmatic.header("Clear-Site-Data"), "request.logout(): " + programmatic);
        assertNull(apiGet("/account/x", login(newUser("customer"))).header("Clear-Site-Data"), "only at sign-out");
    }

    @Test
    void aSignOutThatCouldNotBeRecordedKeepsTheCookies() {
        String cookie = login(newUser("customer"));
        database.down(true);
        try {
            RawHttp.Response r = http.request("POST", "/auth/logout").api().cookie(cookie).send();
            assertEquals(503, r.status(), r.toString());
            assertNull(r.header("Clear-Site-Data"), "the user must be able to retry: " + r);
            assertNull(r.cookie(COOKIE), r.toString());
        } finally {
            database.down(false);
        }
        assertEquals(200, apiGet("/account/x", cookie).status());
    }

    @Test
    void whatSignOutClearsIsASetting() {
        withInstance(app -> app.param("clear-site-data", "none"), other -> {
            RawHttp.Response r = other.request("POST", "/auth/logout").api().cookie(login(newUser())).send();
            assertEquals(204, r.status(), r.toString());
            assertNull(r.header("Clear-Site-Data"), r.toString());
        });
        withInstance(app -> app.param("clear-site-data", "cookies, storage"), other -> {
            RawHttp.Response r = other.request("POST", "/auth/logout").api().cookie(login(newUser())).send();
            assertEquals("\"cookies\", \"storage\"", r.header("Clear-Site-Data"), r.toString());
        });
    }

    @Test
    void revocationDisableAndRoleChangesActOnTheNextRequest() {
        String user = newUser("customer", "admin");
        String a = login(user);
        String b = login(user);
        assertEquals(200, apiGet("/admin/x", a).status());
        realm.revokeRole(accountId(user), "admin", "test");
        assertEquals(403, apiGet("/admin/x", a).status(), "a revoked role stops at once");
        assertEquals(200, apiGet("/account/x", a).status());
        realm.setEnabled(accountId(user), false, "test");
        assertEquals(401, apiGet("/account/x", a).status(), "a disabled account's sessions stop at once");
        realm.setEnabled(accountId(user), true, "test");
        assertEquals(401, apiGet("/account/x", b).status(), "disabling ended them for good");
        String c = login(user);
        realm.revokeAllSessions(accountId(user), "test");
        assertEquals(401, apiGet("/account/x", c).status());
    }

    @Test
    void anExpiredGrantStopsWorkingByItself() {
        String user = newUser("customer");
        realm.grantRole(accountId(user), "reporting", clock.instant().plus(Duration.ofMinutes(20)), "test");
        String cookie = login(user);
        assertEquals(200, apiGet("/reports/q1", cookie).status());
        clock.advance(Duration.ofMinutes(21));
        assertEquals(403, apiGet("/reports/q1", cookie).status());
    }

    @Test
    void idleAndAbsoluteExpiryEndSessions() {
        String idle = login(newUser("customer"));
        clock.advance(Duration.ofMinutes(31));
        RawHttp.Response r = apiGet("/account/x", idle);
        assertEquals(401, r.status());
        assertEquals("", r.cookie(COOKIE), "a dead token is cleared from the browser");

        String busy = login(newUser("customer"));
        for (int i = 0; i < 12 * 3; i++) {
            assertEquals(200, apiGet("/account/x", busy).status(), "still active after " + (i * 20) + " min");
            clock.advance(Duration.ofMinutes(20));
        }
        assertEquals(401, apiGet("/account/x", busy).status(), "12 hours is the end, however busy");
    }

    @Test
    void aMalformedCookieIsNoSession() {
        RawHttp.Response r = apiGet("/account/x", COOKIE + "=garbage");
        assertEquals(401, r.status());
        assertEquals(200, apiGet("/public/x", COOKIE + "=garbage").status());
    }

    @Test
    void duplicateSessionCookiesAreRefused() {
        String cookie = login(newUser("customer"));
        RawHttp.Response r = apiGet("/account/x", cookie + "; " + COOKIE + "=hp1_other");
        assertEquals(400, r.status(), r.toString());
        assertNotCached(r);
    }

    // ------------------------------------------------------------------------------------- cross-origin

    @Test
    void crossOriginUnsafeRequestsAreRefused() {
        String user = newUser("customer");
        String cookie = login(user);
        assertEquals(403, http.request("POST", "/auth/login").header("Origin", "https://evil.example")
                .form(form("username", user, "password", "pw-" + user)).send().status());
        assertEquals(403, http.request("POST", "/auth/logout").header("Sec-Fetch-Site", "cross-site")
                .cookie(cookie).send().status());
        assertEquals(403, http.request("POST", "/account/payout").header("Origin", "null").cookie(cookie)
                .form("amount=1").send().status());
        assertEquals(200, apiGet("/account/x", cookie).status(), "the refused logout changed nothing");
    }

    @Test
    void anUnsafeRequestFromAnOriginOfAnotherSchemeIsRefused() {
        String cookie = login(newUser("customer"));
        String https = "https://127.0.0.1:" + server.port();
        RawHttp.Response r = http.request("POST", "/auth/logout").api().header("Origin", https).cookie(cookie).send();
        assertEquals(403, r.status(), "an https page is not this plain-http origin: " + r);
        assertEquals(403, http.request("POST", "/auth/logout").api().header("Origin", https)
                .header("X-Forwarded-Proto", "https").cookie(cookie).send().status(), "not from a trusted proxy");
        assertEquals(200, apiGet("/account/x", cookie).status(), "the refused sign-out changed nothing");
        assertEquals(204, http.request("POST", "/auth/logout").api().header("Origin", "http://127.0.0.1:" + server.port())
                .cookie(cookie).send().status());
    }

    // --------------------------------------------------------------------------------- dispatches

    @Test
    void aForwardToAProtectedPathIsChecked() {
        RawHttp.Response anonymous = http.request("GET", "/public/forward?to=/admin/panel").api().send();
        assertEquals(401, anonymous.status(), anonymous.toString());
        assertFalse(anonymous.body().contains("TOP-SECRET"));
        RawHttp.Response customer = apiGet("/public/forward?to=/admin/panel", login(newUser("customer")));
        assertEquals(403, customer.status());
        RawHttp.Response admin = apiGet("/public/forward?to=/admin/panel", login(newUser("admin")));
        assertEquals(200, admin.status());
        assertTrue(admin.body().startsWith("TOP-SECRET"), admin.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/public/async?to=/admin/panel", "/public/async?wrapped=1&to=/admin/panel"})
    void anAsyncDispatchToAProtectedPathIsChecked(String target) {
        RawHttp.Response anonymous = http.request("GET", target).api().send();
        assertEquals(401, anonymous.status(), anonymous.toString());
        assertFalse(anonymous.body().contains("TOP-SECRET"), anonymous.toString());
        RawHttp.Response customer = apiGet(target, login(newUser("customer")));
        assertEquals(403, customer.status(), customer.toString());
        assertFalse(customer.body().contains("TOP-SECRET"), customer.toString());
        RawHttp.Response browser = http.request("GET", target).browser().cookie(login(newUser("customer"))).send();
        assertEquals(403, browser.status(), browser.toString());
        assertTrue(browser.body().contains("Custom forbidden page"), browser.toString());

        String admin = newUser("admin");
        RawHttp.Response allowed = apiGet(target, login(admin));
        assertEquals(200, allowed.status(), allowed.toString());
        assertTrue(allowed.body().startsWith("TOP-SECRET GET user=" + admin + " admin=true"),
                "the target answers from the Hallpass session: " + allowed.body());
    }

    /**
     * A named dispatch ({@code getNamedDispatcher}) has no path, and containers apply a {@code /*} filter mapping
     * only to dispatches by path: Hallpass does not check it. Its target runs with the request's identity, as
     * the README says, so a servlet reached only by name can check in code.
     */
    @Test
    void aNamedDispatchRunsItsTargetUncheckedWithTheRequestsIdentity() {
        RawHttp.Response anonymous = http.request("GET", "/public/named?to=named-target").api().send();
        assertEquals(200, anonymous.status(), anonymous.toString());
        assertTrue(anonymous.body().startsWith("named target FORWARD user=null"), anonymous.body());
        assertTrue(anonymous.body().endsWith(" path=/public/named mapping=named-forwarder"),
                "the request shows the original path and servlet, not the named target: " + anonymous.body());
        String user = newUser("customer");
        RawHttp.Response signedIn = apiGet("/public/named?to=named-target", login(user));
        assertTrue(signedIn.body().startsWith("named target FORWARD user=" + user + " admin=false customer=true"),
                signedIn.body());
    }

    @Test
    void anIncludeOfAProtectedPathIsLeftOut() {
        RawHttp.Response r = http.request("GET", "/public/include?to=/admin/panel").api().send();
        assertEquals(200, r.status(), r.toString());
        assertEquals("before||after", r.body());
        RawHttp.Response admin = apiGet("/public/include?to=/admin/panel", login(newUser("admin")));
        assertTrue(admin.body().startsWith("before|TOP-SECRET"), admin.body());
    }

    // ---------------------------------------------------------------------------------- servlet API

    @Test
    void programmaticLoginAndLogoutUseHallpassSessions() {
        String user = newUser("customer");
        RawHttp.Response in = http.request("POST", "/programmatic").api()
                .header("X-User", user).header("X-Password", "pw-" + user).send();
        assertEquals(200, in.status(), in.toString());
        assertTrue(in.body().contains("user=" + user), in.body());
        String cookie = COOKIE + "=" + in.cookie(COOKIE);
        assertEquals(200, apiGet("/account/x", cookie).status());
        RawHttp.Response out = http.request("DELETE", "/programmatic").api().cookie(cookie).send();
        assertTrue(out.body().contains("user=null"), out.body());
        assertEquals(401, apiGet("/account/x", cookie).status());
        assertEquals(401, http.request("POST", "/programmatic").api().header("X-User", user)
                .header("X-Password", "wrong-password").send().status());
        assertEquals(401, apiGet("/programmatic", null).status(), "authenticate() challenges");
    }

    @Test
    void urlsNeverCarryASessionId() {
        RawHttp.Response r = apiGet("/session-url", null);
        assertEquals(200, r.status(), r.toString());
        assertEquals("/next /after", r.body());
    }

    // --------------------------------------------------------------------- the container's HttpSession

    private static final String JSESSIONID = "JSESSIONID";

    /** Signs {@code user} in from the browser whose cookies {@code jar} keeps. */
    private void signIn(CookieJar jar, String user) {
        RawHttp.Response r = jar.send(http.request("POST", "/auth/login").api()
                .form(form("username", user, "password", "pw-" + user)));
        assertEquals(200, r.status(), r.toString());
    }

    /** What the container session of the browser holds, read by a page that never asks who is signed in. */
    private String note(CookieJar jar, String path) {
        RawHttp.Response r = jar.send(http.request("GET", path).api());
        assertEquals(200, r.status(), r.toString());
        return r.body();
    }

    private void storeNote(CookieJar jar, String path, String note) {
        RawHttp.Response r = jar.send(http.request("GET", path + "?put=" + note).api());
        assertEquals("stored", r.body(), r.toString());
        assertNotNull(jar.get(JSESSIONID), "the application created a container session: " + r);
    }

    @Test
    void aUserSigningInAfterAnotherInTheSameBrowserNeverSeesTheFirstUsersContainerSession() {
        CookieJar browser = browserWithANote(newUser("customer"), "first-users-secret");
        signIn(browser, newUser("customer"));
        assertEquals("note=null", note(browser, "/account/notes"));
    }

    /** A browser in which {@code user} signed in and kept a note in the container session. */
    private CookieJar browserWithANote(String user, String note) {
        CookieJar browser = new CookieJar();
        signIn(browser, user);
        storeNote(browser, "/account/notes", note);
        return browser;
    }

    /** A browser whose user kept a note in the container session, and then had every session revoked. */
    private CookieJar browserOfARevokedUserWithANote(String note) {
        String user = newUser("customer");
        CookieJar browser = browserWithANote(user, note);
        realm.revokeAllSessions(accountId(user), "test: revoked by an administrator");
        return browser;
    }

    @Test
    void aRevokedUsersContainerSessionIsNotShownToTheNextUserOfTheBrowser() {
        CookieJar browser = browserOfARevokedUserWithANote("revoked-users-secret");
        assertEquals("note=null", note(browser, "/public/notes"), "the revoked session's data on a public page");
        signIn(browser, newUser("customer"));
        assertEquals("note=null", note(browser, "/account/notes"));
    }

    @Test
    void aRevokedUsersContainerSessionIsNotShownOnTheApplicationsForbiddenPage() {
        CookieJar browser = browserOfARevokedUserWithANote("revoked-users-secret");
        for (String path : new String[] {"/closed/door", "/nowhere"}) {
            RawHttp.Response page = browser.send(http.request("GET", path).browser());
            assertEquals(403, page.status(), page.toString());
            assertTrue(page.body().contains("Custom forbidden page"), page.toString());
            assertFalse(page.body().contains("revoked-users-secret"), page.toString());
        }
    }

    @Test
    void anExpiredUsersContainerSessionIsNotShownAfterwards() {
        CookieJar browser = browserWithANote(newUser("customer"), "expired-users-secret");
        clock.advance(Duration.ofMinutes(31)); // the Hallpass session is idle-expired; the container's is not
        assertEquals("note=null", note(browser, "/public/notes"));
    }

    @Test
    void aSignedOutUsersContainerSessionIsNotShownToTheNextUser() {
        CookieJar browser = browserWithANote(newUser("customer"), "signed-out-users-secret");
        assertEquals(204, browser.send(http.request("POST", "/auth/logout").api()).status());
        assertEquals("note=null", note(browser, "/public/notes"));
        signIn(browser, newUser("customer"));
        assertEquals("note=null", note(browser, "/account/notes"));
    }

    @Test
    void aContainerSessionPresentedWithAnotherUsersCookieIsNotShown() {
        CookieJar victim = browserWithANote(newUser("customer"), "victims-secret");
        CookieJar attacker = new CookieJar();
        signIn(attacker, newUser("customer"));
        attacker.put(JSESSIONID, victim.get(JSESSIONID)); // a stolen or guessed container session id
        assertEquals("note=null", note(attacker, "/account/notes"));
    }

    @Test
    void aContainerSessionFixedBeforeSignInIsNotTheOneAfterAndKeepsNothing() {
        CookieJar attacker = new CookieJar();
        storeNote(attacker, "/public/notes", "planted-by-the-attacker");
        String fixed = attacker.get(JSESSIONID);
        CookieJar victim = new CookieJar().put(JSESSIONID, fixed); // planted in the victim's browser
        signIn(victim, newUser("customer"));
        assertEquals("note=null", note(victim, "/account/notes"), "nothing planted before sign-in survives it");
        storeNote(victim, "/account/notes", "victims-secret");
        assertNotEquals(fixed, victim.get(JSESSIONID), "the container session after sign-in is a new one");
        assertEquals("note=null", note(attacker, "/public/notes"), "the fixed id is worth nothing to the attacker");
    }

    @Test
    void aContainerSessionLastsAsLongAsTheHallpassSessionItWasCreatedUnder() {
        String user = newUser("customer");
        CookieJar browser = browserWithANote(user, "kept");
        assertEquals("note=kept", note(browser, "/account/notes"));
        assertEquals("note=kept", note(browser, "/public/notes"), "on public pages too");
        RawHttp.Response reauth = browser.send(http.request("POST", "/auth/reauth").api()
                .json("{\"password\":\"pw-" + user + "\"}"));
        assertEquals(200, reauth.status(), reauth.toString());
        assertEquals("note=kept", note(browser, "/account/notes"), "re-authentication keeps the Hallpass session");

        CookieJar anonymous = new CookieJar();
        storeNote(anonymous, "/public/notes", "anonymous-cart");
        assertEquals("note=anonymous-cart", note(anonymous, "/public/notes"), "anonymous visitors keep theirs");
    }

    // ------------------------------------------------------------------------------------- failure

    @Test
    void anUnreachableDatabaseFailsClosedOnProtectedPathsOnly() {
        String cookie = login(newUser("customer"));
        database.down(true);
        try {
            RawHttp.Response r = apiGet("/account/x", cookie);
            assertEquals(503, r.status(), r.toString());
            assertNotCached(r);
            assertNotNull(r.header("Retry-After"));
            assertFalse(r.body().contains("Exception"), r.body());
            RawHttp.Response page = http.request("GET", "/account/x").browser().cookie(cookie).send();
            assertEquals(503, page.status(), page.toString());
            assertNotCached(page);
            assertEquals(200, apiGet("/public/x", null).status(), "public pages keep working");
            RawHttp.Response login = http.request("POST", "/auth/login").api()
                    .form(form("username", "someone", "password", "whatever")).send();
            assertEquals(503, login.status(), login.toString());
            assertTrue(login.body().contains("\"error\":\"unavailable\"")
                    && login.body().contains("cannot be reached"), login.body());
        } finally {
            database.down(false);
        }
        assertEquals(200, apiGet("/account/x", cookie).status());
    }

    /**
     * The filter's own realm, on a database that is not up yet when the application starts (an H2 server on a port
     * nothing listens on): the application starts all the same, protected paths answer 503 and public ones 200; once
     * the database is up, the filter starts the realm at the next try (at most every 10 s, so this waits, bounded,
     * for that try) and sign-in works.
     */
    @Test
    void theFilterStartsWithItsDatabaseDownAndRecoversWhenItComesUp() throws Exception {
        assertEquals("127.0.0.1", org.h2.engine.SysProperties.BIND_ADDRESS, "the test's H2 server listens on loopback");
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        String url = "jdbc:h2:tcp://127.0.0.1:" + port + "/mem:late-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        // a well-formed token (of another realm): the filter must ask its realm about it; no cookie would need no realm
        String cookie = login(newUser("customer"));
        TestApp app = new TestApp().servlet("echo", new TestServlets.Echo(), "/").param("jdbc-url", url)
                .param("rules", "GET /public/* = public\nGET,POST /account/* = authenticated\n");
        try (Container late = newContainer()) {
            late.start(app);
            assertTrue(late.applicationAvailable(), "an unreachable database does not stop the start-up");
            RawHttp web = new RawHttp(late.port());
            RawHttp.Response down = web.request("GET", "/account/x").api().cookie(cookie).send();
            assertEquals(503, down.status(), down.toString());
            assertNotCached(down);
            assertEquals(200, web.request("GET", "/public/hello").api().send().status(), "public paths work");
            RawHttp.Response signIn = web.request("POST", "/auth/login").api()
                    .form(form("username", "late-user", "password", "pw-late-user")).send();
            assertEquals(503, signIn.status(), signIn.toString());

            org.h2.tools.Server h2 = org.h2.tools.Server.createTcpServer("-tcpPort", String.valueOf(port),
                    "-ifNotExists").start();
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                int status;
                do {
                    Thread.sleep(250);
                    status = web.request("GET", "/account/x").api().cookie(cookie).send().status();
                } while (status == 503 && System.nanoTime() < deadline);
                assertEquals(401, status, "the realm started once its database was up: that token is unknown there");
                try (Realm admin = Realm.builder().jdbcUrl(url).schemaAction(io.hallpass.realm.SchemaAction.NONE)
                        .passwordCost(new io.hallpass.realm.PasswordCost(64, 1, 1)).build()) {
                    admin.createAccount("late-user", "pw-late-user");
                }
                RawHttp.Response login = web.request("POST", "/auth/login").api()
                        .form(form("username", "late-user", "password", "pw-late-user")).send();
                assertEquals(200, login.status(), login.toString());
                assertEquals(200, web.request("GET", "/account/x").api().cookie(COOKIE + "=" + login.cookie(COOKIE))
                        .send().status(), "the new session opens protected paths");
            } finally {
                h2.stop();
            }
        }
    }

    /**
     * Every password-hashing slot of the realm taken, as under a burst of sign-ins: the answer says the server is
     * busy, not that the database is down (which would send an operator to the wrong place). The holder of a live
     * session still re-authenticates on the reserved slot; with that one taken too, it is busy as well. (A realm that
     * waits for no slot, so that the answers come at once rather than after the suite's generous wait.)
     */
    @Test
    void aSignInShedUnderLoadSaysTheServerIsBusyNotThatTheDatabaseIsDown() {
        try (Realm quick = realmBuilder().hashingLimit(4, Duration.ZERO).hashingReserve(1).build()) {
            withRealm(quick, client -> {
                String user = newUser("customer");
                String cookie = signInTo(client, user);
                LogLines log = new LogLines("io.hallpass");
                List<PasswordHasher.Permit> held = new ArrayList<>();
                try {
                    PasswordHasher hasher = hasherOf(quick);
                    for (PasswordHasher.Permit p = hasher.tryAcquire(Duration.ZERO); p != null;
                         p = hasher.tryAcquire(Duration.ZERO)) {
                        held.add(p);
                    }
                    assertEquals(0, hasher.availablePermits());
                    RawHttp.Response api = client.request("POST", "/auth/login").api()
                            .form(form("username", user, "password", "pw-" + user)).send();
                    assertEquals(503, api.status(), api.toString());
                    assertNotCached(api);
                    assertEquals("1", api.header("Retry-After"), api.toString());
                    assertEquals("{\"error\":\"busy\",\"message\":\"the server is busy checking other sign-ins; "
                            + "retry after 1 s\",\"retry_after\":1}", api.body());
                    assertNull(api.cookie(COOKIE));

                    RawHttp.Response browser = client.request("POST", "/auth/login").browser().sameOrigin()
                            .form(form("username", user, "password", "pw-" + user)).send();
                    assertEquals(503, browser.status(), browser.toString());
                    assertNotCached(browser);
                    assertEquals("1", browser.header("Retry-After"));
                    assertTrue(browser.body().contains("busy checking other sign-ins")
                            && browser.body().contains("Please try again in 1 second."), browser.body());
                    assertFalse(browser.body().contains("cannot check your session"), browser.body());

                    RawHttp.Response holder = client.request("POST", "/auth/reauth").api().cookie(cookie)
                            .json("{\"password\":\"pw-" + user + "\"}").send();
                    assertEquals(200, holder.status(), "the holder re-authenticates on the reserve: " + holder);
                    String fresh = COOKIE + "=" + holder.cookie(COOKIE);

                    held.add(hasher.tryAcquireReserved(Duration.ZERO));
                    assertEquals(0, hasher.availableReserve());
                    RawHttp.Response reauth = client.request("POST", "/auth/reauth").api().cookie(fresh)
                            .json("{\"password\":\"pw-" + user + "\"}").send();
                    assertEquals(503, reauth.status(), reauth.toString());
                    assertNotCached(reauth);
                    assertTrue(reauth.body().contains("\"error\":\"busy\""), reauth.body());
                } finally {
                    held.forEach(PasswordHasher.Permit::close);
                    log.close();
                }
                assertTrue(log.lines().stream().anyMatch(l -> l.contains("busy") && l.contains("password-hashing")),
                        "the log says what happened: " + log);
                assertTrue(log.lines().stream().noneMatch(l -> l.contains("503 for")), "not the realm's line: " + log);
                assertNotNull(signInTo(client, user), "once a slot is free, sign-in works again");
            });
        }
    }

    /** The realm's password hasher (package-private in the realm), as {@code RealmContract} reaches it. */
    private static PasswordHasher hasherOf(Realm realm) {
        try {
            Method hasher = realm.getClass().getDeclaredMethod("hasher");
            hasher.setAccessible(true);
            return (PasswordHasher) hasher.invoke(realm);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aDenyOrUnmatchedPathWithACookieAnswers403EvenWithTheDatabaseDown() {
        String cookie = login(newUser("customer"));
        database.down(true);
        try {
            for (String path : new String[] {"/closed/door", "/nowhere"}) {
                RawHttp.Response api = apiGet(path, cookie);
                assertEquals(403, api.status(), path + ": a scanner's cookie does not reach the database: " + api);
                RawHttp.Response browser = http.request("GET", path).browser().cookie(cookie).send();
                assertEquals(403, browser.status(), browser.toString());
                assertTrue(browser.body().contains("Custom forbidden page"), browser.toString());
            }
        } finally {
            database.down(false);
        }
    }

    @Test
    void noAnswerEverContainsTheSessionToken() {
        String user = newUser("customer");
        String cookie = login(user);
        String token = cookie.substring(COOKIE.length() + 1);
        for (RawHttp.Response r : new RawHttp.Response[] {
                apiGet("/admin/x", cookie), http.request("GET", "/admin/x").browser().cookie(cookie).send(),
                apiGet("/account/x", cookie), apiGet("/public/x", cookie),
                http.request("DELETE", "/account/x").api().cookie(cookie).send(),
                http.request("GET", "/account/%2e%2e/admin").api().cookie(cookie).send()}) {
            assertFalse(r.body().contains(token), r.toString());
            r.headers().forEach((name, values) -> values.forEach(v -> assertFalse(v.contains(token), name + ": " + v)));
        }
    }
}
