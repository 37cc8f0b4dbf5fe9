package io.hallpass.filter.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallpass.filter.config.FilterSettings;
import io.hallpass.filter.config.SettingsException;
import io.hallpass.filter.decision.Decider;
import io.hallpass.filter.event.Events;
import io.hallpass.filter.event.HallpassEvent;
import io.hallpass.filter.policy.Policy;
import io.hallpass.filter.policy.PolicyException;
import io.hallpass.filter.policy.PolicySettings;
import io.hallpass.filter.policy.RuleSource;
import io.hallpass.filter.risk.DefaultRiskPolicy;
import io.hallpass.filter.risk.RiskAssessment;
import io.hallpass.filter.risk.RiskPolicy;
import io.hallpass.filter.web.AuthEndpoints;
import io.hallpass.filter.web.ClientAddress;
import io.hallpass.filter.web.Cookies;
import io.hallpass.filter.web.Pages;
import io.hallpass.filter.web.Refusal;
import io.hallpass.filter.web.RequestSession;
import io.hallpass.filter.web.RequestStub;
import io.hallpass.filter.web.Responder;
import io.hallpass.filter.web.ReturnPath;
import io.hallpass.realm.AuditEvent;
import io.hallpass.realm.Realm;
import io.hallpass.realm.RealmUnavailableException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Executable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The gate without a container: a realm in memory that counts every call, and requests that answer only what
 * a test sets up. Every outcome the gate can name, the realm asked only where a session is needed, and the
 * dispatches.
 */
class GateTest {

    private static final String RULES = """
            GET "" = public
            GET /public/* = public
            GET,POST /account/* = authenticated
            GET,POST /account/payout = authenticated, reauth:2m
            GET /admin/* = role:admin
            /closed/* = deny
            """;
    private static final String TOKEN = "hp1_live-token";
    private static final String AGENT = "Mozilla/5.0 (gate test)";

    private final FakeRealm realm = new FakeRealm();
    private final FilterSettings settings = settings();
    private int realmAsked;
    private boolean unreachable;
    private RiskPolicy risk = (session, request, now) -> RiskAssessment.CALM;
    private final List<HallpassEvent> published = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Events events = Events.of(List.of(published::add), realm.clock);

    // ------------------------------------------------------------------------------------ fixture

    private static FilterSettings settings() {
        try {
            return FilterSettings.read(Map.of("rules", RULES), Map.of(), name -> null, true);
        } catch (SettingsException e) {
            throw new AssertionError(e);
        }
    }

    private Gate gate() {
        Policy policy;
        try {
            policy = Policy.compile(new RuleSource("test rules", RULES), List.of(),
                    new PolicySettings(settings.denyUnmatched(), settings.reauthWithin()));
        } catch (PolicyException e) {
            throw new AssertionError(e);
        }
        Supplier<Realm> supplier = () -> {
            realmAsked++;
            if (unreachable) {
                throw new RealmUnavailableException("not started yet (test)", null);
            }
            return realm;
        };
        ClientAddress clients = new ClientAddress(settings.trustedProxies());
        Cookies cookies = new Cookies(settings.cookieSecure(), settings.cookieSameSite());
        AuthEndpoints.Paths paths = AuthEndpoints.Paths.of(settings);
        ReturnPath returnPaths = new ReturnPath(Set.of());
        Responder responder = new Responder(paths, cookies, returnPaths, new Pages("", null), clients, events);
        AuthEndpoints endpoints = new AuthEndpoints(supplier, supplier, paths, cookies, responder, clients,
                returnPaths, events);
        return new Gate(settings, policy, endpoints, supplier, supplier, risk, realm.clock, events);
    }

    /** A request from a browser-less client, mapped to the default servlet, as the container would split it. */
    private static RequestStub at(String method, String path) {
        return RequestStub.get().method(method).target(path, null, "echo").header("User-Agent", AGENT);
    }

    private RequestStub signedIn(String method, String path, Duration authenticatedAgo, String... roles) {
        realm.signIn(TOKEN, "ann", authenticatedAgo, AGENT, roles);
        return at(method, path).cookie(settings.cookieName(), TOKEN);
    }

    private static Refusal refusal(Outcome outcome) {
        return assertInstanceOf(Outcome.Refused.class, outcome).refusal();
    }

    private void assertRealmUntouched() {
        assertEquals(0, realmAsked, "the realm was asked for");
        assertEquals(0, realm.calls(), "the realm was called");
    }

    // ----------------------------------------------------------------------- before any decision

    @Test
    void gateWhenTargetIsAmbiguousThenFirewallRefusal() {
        HttpServletRequest request = at("GET", "/public/x").uri("/public/..%2Fadmin/panel")
                .cookie(settings.cookieName(), TOKEN).build();
        Refusal.Rejected refusal = assertInstanceOf(Refusal.Rejected.class, refusal(gate().request(request)));
        assertEquals(Refusal.Kind.FIREWALL, refusal.kind());
        assertEquals(400, refusal.status());
        assertFalse(refusal.reason().contains("admin"), "a fixed reason never echoes the request: " + refusal);
        assertRealmUntouched();
    }

    @Test
    void gateWhenUnsafeMethodComesFromAnotherSiteThenCrossSiteRefusal() {
        HttpServletRequest request = at("POST", "/account/payout").header("Sec-Fetch-Site", "cross-site")
                .cookie(settings.cookieName(), TOKEN).build();
        Refusal.Rejected refusal = assertInstanceOf(Refusal.Rejected.class, refusal(gate().request(request)));
        assertEquals(Refusal.Kind.CROSS_SITE, refusal.kind());
        assertEquals(403, refusal.status());
        assertRealmUntouched();
    }

    @Test
    void gateWhenTwoSessionCookiesArriveThenDuplicateCookieRefusal() {
        HttpServletRequest request = at("GET", "/account/x").cookie(settings.cookieName(), TOKEN)
                .cookie(settings.cookieName(), "hp1_tossed").build();
        Refusal.Rejected refusal = assertInstanceOf(Refusal.Rejected.class, refusal(gate().request(request)));
        assertEquals(Refusal.Kind.DUPLICATE_COOKIE, refusal.kind());
        assertEquals(400, refusal.status());
        assertRealmUntouched();
    }

    @ParameterizedTest
    @EnumSource(AuthEndpoints.Endpoint.class)
    void gateWhenPathIsAnEndpointThenTheEndpointRunsWithTheRequestsSession(AuthEndpoints.Endpoint endpoint) {
        String path = switch (endpoint) {
            case SIGN_IN -> settings.loginPath();
            case SIGN_OUT -> settings.logoutPath();
            case REAUTHENTICATE -> settings.reauthPath();
        };
        RequestStub stub = at("POST", path).cookie(settings.cookieName(), TOKEN);
        HttpServletRequest request = stub.build();
        Outcome.RunEndpoint run = assertInstanceOf(Outcome.RunEndpoint.class, gate().request(request));
        assertEquals(endpoint, run.endpoint());
        assertEquals(TOKEN, run.session().token());
        assertSame(run.session(), RequestSession.attachedTo(request).orElseThrow());
        assertRealmUntouched();
    }

    // ----------------------------------------------------------------------------- the decision

    @Test
    void gateWhenPathIsPublicThenAdmitWithoutLookingTheSessionUp() {
        realm.signIn(TOKEN, "ann", Duration.ofMinutes(1), AGENT);
        HttpServletRequest request = at("GET", "/public/hello").cookie(settings.cookieName(), TOKEN).build();
        Outcome.Admit admit = assertInstanceOf(Outcome.Admit.class, gate().request(request));
        assertTrue(admit.signedIn().isEmpty());
        assertEquals("/public/hello", admit.path());
        assertSame(admit.session(), RequestSession.attachedTo(request).orElseThrow(),
                "the application can still ask for the session lazily");
        assertRealmUntouched();
    }

    @Test
    void gateWhenSessionSatisfiesThePathThenAdmitWithTheSession() {
        HttpServletRequest request = signedIn("GET", "/account/overview", Duration.ofMinutes(1)).build();
        Outcome.Admit admit = assertInstanceOf(Outcome.Admit.class, gate().request(request));
        assertEquals("ann", admit.signedIn().orElseThrow().username());
        assertEquals(2, realm.calls(), "one lookup, one activity");
        assertEquals(List.of("pub-ann"), realm.active, "the request let through is the session's activity, once");
        admit.session().resolve();
        assertEquals(List.of("pub-ann"), realm.active, "asking again is not another activity");
        assertEquals(List.of(), published, "a request let through publishes no event");
    }

    @Test
    void gateWhenARequestIsRefusedThenItIsNoActivityOfTheSession() {
        gate().request(signedIn("GET", "/admin/panel", Duration.ofMinutes(1), "customer").build());
        gate().request(signedIn("POST", "/account/payout", Duration.ofMinutes(3)).build());
        gate().request(signedIn("GET", "/closed/door", Duration.ofMinutes(1)).build());
        assertEquals(List.of(), realm.active, "forbidden, step-up and deny: the session was only peeked at");
    }

    @Test
    void gateWhenTheEndpointsRunThenNoActivityIsRecordedByTheGate() {
        Outcome.RunEndpoint run = assertInstanceOf(Outcome.RunEndpoint.class,
                gate().request(signedIn("GET", "/auth/reauth", Duration.ofMinutes(1)).build()));
        run.session().resolve();
        assertEquals(List.of(), realm.active, "the re-authentication page is no activity");
    }

    @Test
    void gateWhenAPublicPageIsAdmittedThenTheSessionCountsActivityOnlyIfTheApplicationAsksForIt() {
        Outcome.Admit admit = assertInstanceOf(Outcome.Admit.class,
                gate().request(signedIn("GET", "/public/page", Duration.ofMinutes(1)).build()));
        assertEquals(List.of(), realm.active);
        admit.session().lookup();
        assertEquals(List.of("pub-ann"), realm.active, "used by the application on a page let through");
    }

    @Test
    void gateWhenNoSessionOnProtectedPathThenUnauthenticated() {
        Refusal.Unauthenticated refusal = assertInstanceOf(Refusal.Unauthenticated.class,
                refusal(gate().request(at("GET", "/account/x").build())));
        assertEquals(Refusal.Kind.UNAUTHENTICATED, refusal.kind());
        assertFalse(refusal.forgetCookie(), "there is no cookie to forget");
        assertRealmUntouched();
    }

    @Test
    void gateWhenTheTokenIsDeadThenUnauthenticatedAndTheBrowserForgetsTheCookie() {
        HttpServletRequest request = at("GET", "/account/x").cookie(settings.cookieName(), "hp1_expired").build();
        Refusal.Unauthenticated refusal = assertInstanceOf(Refusal.Unauthenticated.class,
                refusal(gate().request(request)));
        assertTrue(refusal.forgetCookie());
        assertEquals(1, realm.calls());
    }

    @Test
    void gateWhenSessionLacksTheRoleThenForbiddenNamingTheUser() {
        Outcome.Refused refused = assertInstanceOf(Outcome.Refused.class,
                gate().request(signedIn("GET", "/admin/panel", Duration.ofMinutes(1), "customer").build()));
        Refusal.Forbidden refusal = assertInstanceOf(Refusal.Forbidden.class, refused.refusal());
        assertEquals(Refusal.Kind.FORBIDDEN, refusal.kind());
        assertEquals(Decider.MISSING_ROLE, refusal.reason());
        assertEquals("ann", refused.session().orElseThrow().username(), "for the application's 403 page");
    }

    /**
     * A {@code deny} path is refused without the session: a scanner with a cookie costs no database read, and a
     * database that is down does not turn the 403 into a 503. The application's 403 page can still ask
     * ({@code Hallpass.session(request)} finds the request's session and looks it up then).
     */
    @Test
    void gateWhenDenyPathCarriesACookieThenForbiddenWithoutTheRealm() {
        HttpServletRequest request = signedIn("GET", "/closed/door", Duration.ofMinutes(1)).build();
        Outcome.Refused refused = assertInstanceOf(Outcome.Refused.class, gate().request(request));
        Refusal.Forbidden refusal = assertInstanceOf(Refusal.Forbidden.class, refused.refusal());
        assertEquals(Refusal.Kind.FORBIDDEN, refusal.kind());
        assertEquals(Decider.DENIED, refusal.reason());
        assertTrue(refused.session().isEmpty(), "nobody looked it up");
        assertRealmUntouched();
        assertEquals("ann", RequestSession.attachedTo(request).orElseThrow().lookup().orElseThrow().username(),
                "the error page may still ask");
    }

    @Test
    void gateWhenUnmatchedPathCarriesACookieThenForbiddenWithoutTheRealm() {
        Outcome.Refused refused = assertInstanceOf(Outcome.Refused.class,
                gate().request(signedIn("GET", "/nowhere", Duration.ofMinutes(1)).build()));
        assertEquals(Refusal.Kind.UNMATCHED, refused.refusal().kind());
        assertTrue(refused.session().isEmpty());
        assertRealmUntouched();
    }

    @Test
    void aScannerWithACookieOnDenyAndUnmatchedPathsCostsTheRealmNothing() {
        realm.signIn(TOKEN, "ann", Duration.ofMinutes(1), AGENT);
        Gate gate = gate();
        String[] paths = {"/closed/door", "/nowhere", "/closed/", "/wp-admin/setup.php", "/.env", "/closed/a/b"};
        for (int i = 0; i < 60; i++) {
            String path = paths[i % paths.length];
            for (String method : new String[] {"GET", "POST"}) {
                Outcome outcome = gate.request(at(method, path).cookie(settings.cookieName(), i % 2 == 0 ? TOKEN
                        : "hp1_stolen-or-guessed-" + i).build());
                Refusal.Kind kind = refusal(outcome).kind();
                assertTrue(kind == Refusal.Kind.FORBIDDEN || kind == Refusal.Kind.UNMATCHED, path + ": " + kind);
            }
        }
        PublicPage page = new PublicPage(at("GET", "/public/forward").cookie(settings.cookieName(), TOKEN));
        for (String path : paths) {
            refusal(page.forwardTo(path));
        }
        assertRealmUntouched();
    }

    @Test
    void gateWhenDenyPathCarriesACookieAndTheDatabaseIsDownThenStillForbidden() {
        HttpServletRequest deny = signedIn("GET", "/closed/door", Duration.ofMinutes(1)).build();
        HttpServletRequest unmatched = signedIn("GET", "/nowhere", Duration.ofMinutes(1)).build();
        realm.down(true);
        assertEquals(Refusal.Kind.FORBIDDEN, refusal(gate().request(deny)).kind());
        assertEquals(Refusal.Kind.UNMATCHED, refusal(gate().request(unmatched)).kind());
    }

    @Test
    void gateWhenNoRuleCoversThePathThenUnmatchedWithoutTheRealm() {
        Refusal.Forbidden refusal = assertInstanceOf(Refusal.Forbidden.class,
                refusal(gate().request(at("GET", "/nowhere").build())));
        assertEquals(Refusal.Kind.UNMATCHED, refusal.kind());
        assertEquals(Decider.UNMATCHED, refusal.reason());
        assertRealmUntouched();
    }

    @Test
    void gateWhenAuthenticationIsStaleThenStepUpWithMaxAgeAndReason() {
        Refusal.StepUp refusal = assertInstanceOf(Refusal.StepUp.class,
                refusal(gate().request(signedIn("POST", "/account/payout", Duration.ofMinutes(3)).build())));
        assertEquals(Refusal.Kind.STEP_UP, refusal.kind());
        assertEquals(Duration.ofMinutes(2), refusal.maxAge());
        assertEquals(Decider.STALE_AUTHENTICATION, refusal.reason());
        assertEquals(List.of(), realm.audited, "a stale window is not a risk event");
        HallpassEvent.StepUpDemanded demanded = assertInstanceOf(HallpassEvent.StepUpDemanded.class,
                published.get(0));
        assertEquals(1, published.size(), published.toString());
        assertEquals("ann", demanded.account());
        assertEquals("pub-ann", demanded.sessionId());
        assertEquals(Decider.STALE_AUTHENTICATION, demanded.reason());
        assertEquals(Duration.ofMinutes(2), demanded.maxAge());
    }

    @Test
    void gateWhenTheRulesDoNotNameTheMethodThenMethodRefusalWithAllow() {
        HttpServletRequest request = at("DELETE", "/account/x").cookie(settings.cookieName(), TOKEN).build();
        Refusal.Rejected refusal = assertInstanceOf(Refusal.Rejected.class, refusal(gate().request(request)));
        assertEquals(Refusal.Kind.METHOD, refusal.kind());
        assertEquals(405, refusal.status());
        assertEquals(Set.of("GET", "HEAD", "POST"), refusal.allow());
        assertRealmUntouched();
    }

    // ------------------------------------------------------------------------------------ failure

    @Test
    void gateWhenTheRealmCannotStartThenProtectedPathsAreUnavailableAndPublicOnesAdmitted() {
        unreachable = true;
        Gate gate = gate();
        Refusal.Unavailable refusal = assertInstanceOf(Refusal.Unavailable.class, refusal(gate.request(
                at("GET", "/account/x").cookie(settings.cookieName(), TOKEN).build())));
        assertEquals(Refusal.Kind.REALM_UNAVAILABLE, refusal.kind());
        assertEquals(Gate.RETRY_AFTER_SECONDS, refusal.retryAfterSeconds());

        int asked = realmAsked;
        assertInstanceOf(Outcome.Admit.class, gate.request(
                at("GET", "/public/hello").cookie(settings.cookieName(), TOKEN).build()));
        assertInstanceOf(Refusal.Unauthenticated.class, refusal(gate.request(at("GET", "/account/x").build())),
                "without a cookie there is nothing to ask the realm");
        assertEquals(asked, realmAsked, "public paths and cookie-less requests never ask");
    }

    @Test
    void gateWhenTheDatabaseGoesDownThenProtectedPathsAreUnavailable() {
        HttpServletRequest request = signedIn("GET", "/account/x", Duration.ofMinutes(1)).build();
        realm.down(true);
        assertEquals(Refusal.Kind.REALM_UNAVAILABLE, refusal(gate().request(request)).kind());
    }

    @Test
    void gateWhenHallpassItselfFailsThenInternalFault() {
        List<String> assessed = new ArrayList<>();
        risk = (session, request, now) -> {
            assessed.add(session.publicId());
            throw new IllegalStateException("a bug in a plugged-in policy");
        };
        Refusal refusal = refusal(gate().request(signedIn("GET", "/account/x", Duration.ofMinutes(1)).build()));
        assertInstanceOf(Refusal.InternalFault.class, refusal);
        assertEquals(Refusal.Kind.INTERNAL, refusal.kind());
        assertEquals(List.of("pub-ann"), assessed, "the fault came from the policy, not from the request stub");
    }

    // ----------------------------------------------------------------------------------------- risk

    @Test
    void gateWhenTheRiskPolicyRevokesThenTheSessionEndsAndTheRequestIsUnauthenticated() {
        risk = DefaultRiskPolicy.withDefaults(); // a changed user agent ends the session
        realm.signIn(TOKEN, "ann", Duration.ofMinutes(1), AGENT);
        HttpServletRequest copied = RequestStub.get().target("/account/x", null, "echo")
                .header("User-Agent", "curl/8.0").cookie(settings.cookieName(), TOKEN).build();
        Refusal.Unauthenticated refusal = assertInstanceOf(Refusal.Unauthenticated.class,
                refusal(gate().request(copied)));
        assertTrue(refusal.forgetCookie());
        assertEquals(List.of(TOKEN), realm.revoked);
        assertEquals(List.of(AuditEvent.Type.RISK_SIGNAL), realm.audited);
        assertTrue(realm.resolve(TOKEN).isEmpty(), "the session is gone for every later request too");
        HallpassEvent.SessionRevoked revoked = assertInstanceOf(HallpassEvent.SessionRevoked.class,
                published.get(0));
        assertEquals(1, published.size(), published.toString());
        assertEquals(HallpassEvent.Cause.RISK_POLICY, revoked.cause());
        assertEquals("ann", revoked.account());
        assertEquals(1, revoked.count());
    }

    @Test
    void gateWhenTheRiskPolicyDemandsStepUpThenTheStepUpIsAudited() {
        risk = DefaultRiskPolicy.withDefaults(); // a changed network demands a step-up for sensitive actions
        HttpServletRequest moved = signedIn("POST", "/account/payout", Duration.ofSeconds(30)).from("10.9.8.7").build();
        Refusal.StepUp refusal = assertInstanceOf(Refusal.StepUp.class, refusal(gate().request(moved)));
        assertEquals(Decider.RISK, refusal.reason());
        assertEquals(List.of(AuditEvent.Type.STEP_UP_REQUIRED), realm.audited);
        assertEquals(List.of(), realm.revoked);
        assertEquals(Decider.RISK, assertInstanceOf(HallpassEvent.StepUpDemanded.class, published.get(0)).reason());
    }

    // ----------------------------------------------------------------------------------- dispatches

    /** A public page the client asked for, through the gate already; its dispatches find the request's session. */
    private final class PublicPage {
        private final RequestStub stub;
        private final HttpServletRequest request;
        private final Gate gate = gate();

        PublicPage(RequestStub stub) {
            this.stub = stub;
            this.request = stub.build();
            assertInstanceOf(Outcome.Admit.class, gate.request(request));
        }

        Outcome forwardTo(String path) {
            stub.forwardTo(path, null, "echo");
            return gate.dispatch(request);
        }

        Outcome asyncDispatchTo(String path) {
            stub.asyncDispatchTo(path, null, "echo");
            return gate.dispatch(request);
        }

        Outcome include(String path) {
            stub.include(path, null, "echo");
            return gate.dispatch(request);
        }
    }

    @Test
    void gateWhenForwardTargetIsForbiddenThenRefusedWithTheRequestsSession() {
        PublicPage page = new PublicPage(signedIn("GET", "/public/forward", Duration.ofMinutes(1), "customer"));
        assertEquals(0, realm.calls(), "the public page did not look the session up");
        Outcome.Refused refused = assertInstanceOf(Outcome.Refused.class, page.forwardTo("/admin/panel"));
        assertEquals(Refusal.Kind.FORBIDDEN, refused.refusal().kind());
        assertEquals("ann", refused.session().orElseThrow().username());
        assertEquals(List.of("pub-ann"), realm.active, "the page was let through, and the session is now used");
        assertEquals(2, realm.calls(), "the forward used the request's session: one lookup in all, and its activity");
    }

    @Test
    void gateWhenForwardTargetIsProtectedAndNobodySignedInThenUnauthenticated() {
        PublicPage page = new PublicPage(at("GET", "/public/forward"));
        assertInstanceOf(Refusal.Unauthenticated.class, refusal(page.forwardTo("/admin/panel")));
    }

    @Test
    void gateWhenForwardTargetIsAllowedThenProceed() {
        PublicPage page = new PublicPage(signedIn("GET", "/public/forward", Duration.ofMinutes(1), "admin"));
        assertEquals("/admin/panel", assertInstanceOf(Outcome.Proceed.class, page.forwardTo("/admin/panel")).path());
    }

    @Test
    void gateWhenAsyncDispatchTargetIsProtectedThenCheckedLikeAForward() {
        PublicPage anonymous = new PublicPage(at("GET", "/public/async"));
        assertInstanceOf(Refusal.Unauthenticated.class, refusal(anonymous.asyncDispatchTo("/admin/panel")));
        PublicPage customer = new PublicPage(signedIn("GET", "/public/async", Duration.ofMinutes(1), "customer"));
        assertEquals(Refusal.Kind.FORBIDDEN, refusal(customer.asyncDispatchTo("/admin/panel")).kind());
        PublicPage admin = new PublicPage(signedIn("GET", "/public/async", Duration.ofMinutes(1), "admin"));
        assertEquals("/admin/panel", assertInstanceOf(Outcome.Proceed.class, admin.asyncDispatchTo("/admin/panel")).path());
    }

    @Test
    void gateWhenForwardNeedsTheUnreachableRealmThenUnavailable() {
        PublicPage page = new PublicPage(at("GET", "/public/forward").cookie(settings.cookieName(), TOKEN));
        realm.down(true);
        assertEquals(Refusal.Kind.REALM_UNAVAILABLE, refusal(page.forwardTo("/account/x")).kind());
    }

    @Test
    void gateWhenTheStepUpAuditFailsDuringAForwardThenUnavailableNotAnException() {
        risk = DefaultRiskPolicy.withDefaults(); // a changed network demands a step-up for sensitive actions
        PublicPage page = new PublicPage(signedIn("GET", "/public/forward", Duration.ofSeconds(30)).from("10.9.8.7"));
        realm.failAudits(true);
        assertEquals(Refusal.Kind.REALM_UNAVAILABLE, refusal(page.forwardTo("/account/payout")).kind());
    }

    @Test
    void gateWhenHallpassItselfFailsDuringADispatchThenInternalFaultNotAnException() {
        risk = (session, request, now) -> {
            throw new IllegalStateException("a bug in a plugged-in policy");
        };
        PublicPage page = new PublicPage(signedIn("GET", "/public/forward", Duration.ofMinutes(1)));
        assertEquals(Refusal.Kind.INTERNAL, refusal(page.forwardTo("/account/x")).kind());
        PublicPage other = new PublicPage(signedIn("GET", "/public/include", Duration.ofMinutes(1)));
        assertEquals(Refusal.Kind.INTERNAL,
                assertInstanceOf(Outcome.LeftOut.class, other.include("/account/fragment")).refusal().kind());
    }

    @Test
    void gateWhenIncludeTargetIsRefusedThenItIsLeftOutWithoutLookingTheSessionUp() {
        PublicPage page = new PublicPage(at("GET", "/public/include").cookie(settings.cookieName(), TOKEN));
        Outcome.LeftOut denied = assertInstanceOf(Outcome.LeftOut.class, page.include("/closed/fragment"));
        assertEquals(Refusal.Kind.FORBIDDEN, denied.refusal().kind());
        assertEquals("/closed/fragment", denied.path());
        assertRealmUntouched();

        assertEquals(Refusal.Kind.UNAUTHENTICATED,
                assertInstanceOf(Outcome.LeftOut.class, page.include("/admin/panel")).refusal().kind());
    }

    @Test
    void gateWhenIncludeNeedsTheUnreachableRealmThenItIsLeftOut() {
        PublicPage page = new PublicPage(at("GET", "/public/include").cookie(settings.cookieName(), TOKEN));
        realm.down(true);
        assertEquals(Refusal.Kind.REALM_UNAVAILABLE,
                assertInstanceOf(Outcome.LeftOut.class, page.include("/account/fragment")).refusal().kind());
    }

    @Test
    void gateWhenDispatchTargetIsAnUnmatchedViewUnderWebInfThenProceed() {
        PublicPage page = new PublicPage(at("GET", "/public/page"));
        assertInstanceOf(Outcome.Proceed.class, page.include("/WEB-INF/views/page.jsp"));
        assertInstanceOf(Outcome.Proceed.class, page.forwardTo("/META-INF/views/page.jsp"));
        assertEquals(Refusal.Kind.UNMATCHED, refusal(page.forwardTo("/private/page.jsp")).kind(),
                "only those two folders");
    }

    // ------------------------------------------------------------------------------- what it cannot do

    /**
     * The gate is given the request only: no method or constructor takes the response or the chain, and the
     * request stub answers nothing that leads to them ({@code startAsync}, {@code getAsyncContext} throw), so
     * every outcome above was named without writing or forwarding anything.
     */
    @Test
    void gateNeverTouchesTheChainOrTheResponse() {
        List<Executable> entries = new ArrayList<>(List.of(Gate.class.getConstructors()));
        entries.addAll(List.of(Gate.class.getMethods()));
        for (Executable entry : entries) {
            for (Class<?> parameter : entry.getParameterTypes()) {
                assertFalse(ServletResponse.class.isAssignableFrom(parameter)
                        || FilterChain.class.isAssignableFrom(parameter), entry + " takes " + parameter);
            }
        }
    }
}
