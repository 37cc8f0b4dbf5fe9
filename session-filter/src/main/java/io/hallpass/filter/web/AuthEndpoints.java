package io.hallpass.filter.web;

import io.hallpass.filter.config.FilterSettings;
import io.hallpass.filter.event.Events;
import io.hallpass.filter.event.HallpassEvent;
import io.hallpass.realm.ClientFacts;
import io.hallpass.realm.CredentialRealm;
import io.hallpass.realm.InvalidInputException;
import io.hallpass.realm.LoginResult;
import io.hallpass.realm.OpenedSession;
import io.hallpass.realm.SessionRealm;
import io.hallpass.realm.PasswordChange;
import io.hallpass.realm.SessionView;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The filter's own endpoints: sign in ({@code POST login-path}, and the built-in page on GET), sign out
 * ({@code POST logout-path}) and re-authentication ({@code GET reauth-path} shows the page, {@code POST}
 * checks the password of the session's own account). The caller has already passed the firewall and the
 * cross-origin check. Each outcome is published to the event stream: a sign-in or its failure (never with the name
 * typed), a sign-out, a step-up passed or failed, a session replaced at sign-in, a password change.
 */
public final class AuthEndpoints {

    /**
     * Settings the endpoints need, taken from the filter's settings.
     *
     * @param clearSiteData the {@code Clear-Site-Data} value sign-out sends, or null for none
     */
    public record Paths(String loginPage, String loginPath, String logoutPath, String reauthPath,
                        String cookieName, String deviceCookieName, String clearSiteData) {

        /** The paths, cookie names and sign-out header the filter's settings name. */
        public static Paths of(FilterSettings settings) {
            return new Paths(settings.loginPage(), settings.loginPath(), settings.logoutPath(), settings.reauthPath(),
                    settings.cookieName(), settings.deviceCookieName(), settings.clearSiteData());
        }

        boolean builtInLoginPage() {
            return loginPage.equals(loginPath);
        }
    }

    private static final System.Logger LOG = System.getLogger(AuthEndpoints.class.getName());
    /** How long a client whose sign-in was shed is asked to wait: a hash takes tens of milliseconds. */
    static final long BUSY_RETRY_AFTER_SECONDS = 1;

    private static final Refusal READ_OR_POST = Refusal.methodNotAllowed("method not allowed",
            Set.of("GET", "HEAD", "POST"));
    private static final Refusal POST_ONLY = Refusal.methodNotAllowed("sign out with POST", Set.of("POST"));

    private final Supplier<? extends CredentialRealm> credentials;
    private final Supplier<? extends SessionRealm> realm;
    private final Paths paths;
    private final Cookies cookies;
    private final Responder responder;
    private final ClientAddress clients;
    private final ReturnPath returnPaths;
    private final Events events;

    /**
     * @param credentials the realm's password checks (sign-in, re-authentication)
     * @param realm       the realm's sessions (sign-out, the session replaced at sign-in, the clock)
     * @param events      where the endpoints' outcomes are published
     */
    public AuthEndpoints(Supplier<? extends CredentialRealm> credentials, Supplier<? extends SessionRealm> realm,
                         Paths paths, Cookies cookies, Responder responder, ClientAddress clients,
                         ReturnPath returnPaths, Events events) {
        this.credentials = credentials;
        this.realm = realm;
        this.paths = paths;
        this.cookies = cookies;
        this.responder = responder;
        this.clients = clients;
        this.returnPaths = returnPaths;
        this.events = events;
    }

    /** The endpoints, as the filter's outcomes name them. */
    public enum Endpoint {
        /** {@code login-path}: the sign-in form (GET) and the sign-in (POST). */
        SIGN_IN,
        /** {@code logout-path}: the sign-out (POST only). */
        SIGN_OUT,
        /** {@code reauth-path}: the re-authentication form (GET) and the check of the password (POST). */
        REAUTHENTICATE
    }

    /** The endpoint at {@code path}, if it is one (then {@link #handle} answers it; nothing else runs). */
    public Optional<Endpoint> endpointAt(String path) {
        if (path.equals(paths.loginPath())) {
            return Optional.of(Endpoint.SIGN_IN);
        }
        if (path.equals(paths.logoutPath())) {
            return Optional.of(Endpoint.SIGN_OUT);
        }
        return path.equals(paths.reauthPath()) ? Optional.of(Endpoint.REAUTHENTICATE) : Optional.empty();
    }

    public void handle(Endpoint endpoint, HttpServletRequest request, HttpServletResponse response,
                       RequestSession session) throws IOException, ServletException {
        String method = request.getMethod();
        boolean post = "POST".equals(method);
        boolean read = "GET".equals(method) || "HEAD".equals(method);
        if (endpoint != Endpoint.SIGN_OUT) {
            try {
                FormInput.refuseCredentialsInUrl(request); // before anything reads a parameter
            } catch (FormInput.Refused e) {
                responder.refuse(request, response, Refusal.badInput(e.status(), e.getMessage()));
                return;
            }
        }
        switch (endpoint) {
            case SIGN_IN -> {
                if (post) {
                    login(request, response, session);
                } else if (read) {
                    loginPage(request, response);
                } else {
                    responder.refuse(request, response, READ_OR_POST);
                }
            }
            case SIGN_OUT -> {
                if (post) {
                    logout(request, response, session);
                } else {
                    responder.refuse(request, response, POST_ONLY);
                }
            }
            case REAUTHENTICATE -> {
                if (post) {
                    reauthenticate(request, response, session);
                } else if (read) {
                    reauthPage(request, response, session);
                } else {
                    responder.refuse(request, response, READ_OR_POST);
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------ sign in

    private void loginPage(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String returnPath = returnParam(request.getParameter("return"));
        if (!paths.builtInLoginPage()) {
            responder.redirect(request, response, paths.loginPage() + Responder.query("return", returnPath, null, null));
            return;
        }
        Responder.noStore(response);
        responder.page(response, responder.pages().login(paths.loginPath(), returnPath,
                request.getParameter("error") != null));
    }

    private void login(HttpServletRequest request, HttpServletResponse response, RequestSession session)
            throws IOException {
        FormInput in;
        try {
            in = FormInput.read(request);
        } catch (FormInput.Refused e) {
            responder.refuse(request, response, Refusal.badInput(e.status(), e.getMessage()));
            return;
        }
        boolean browser = !in.isJson() && ClientKind.isBrowser(request);
        String returnPath = returnParam(in.get("return"));
        String username = in.get("username");
        String password = in.get("password");
        if (username == null || password == null || username.isBlank() || password.isEmpty()) {
            loginFailed(request, response, browser, returnPath,
                    Refusal.badInput(400, "username and password are required"));
            return;
        }
        Device device = device(request);
        LoginResult result;
        try {
            result = credentials.get().login(username, password, facts(request, device.id()));
        } catch (InvalidInputException e) {
            loginFailed(request, response, browser, returnPath, Refusal.badInput(400, e.getMessage()));
            return;
        }
        signInPublished(request, result);
        if (result instanceof LoginResult.Success ok) {
            startSession(request, response, session, ok.session());
            if (device.isNew()) {
                cookies.setPersistent(response, paths.deviceCookieName(), device.id(), DeviceIds.MAX_AGE_SECONDS);
            }
            Responder.noStore(response);
            if (browser) {
                responder.redirect(request, response, returnPath == null ? "/" : returnPath);
            } else {
                SessionView v = ok.session().view();
                responder.json(response, Json.object("username", v.username(), "roles",
                        new java.util.TreeSet<>(v.roles()), "newDevice", ok.newDevice()));
            }
        } else if (!answeredThrottle(result, request, response, browser)) {
            loginFailed(request, response, browser, returnPath,
                    new Refusal.InvalidCredentials("wrong username or password", true));
        }
    }

    /** A browser goes back to the form with {@code error=1}; an API client gets the refusal. */
    private void loginFailed(HttpServletRequest request, HttpServletResponse response, boolean browser,
                             String returnPath, Refusal refusal) throws IOException {
        if (browser) {
            Responder.noStore(response);
            responder.redirect(request, response, paths.loginPage() + Responder.query("error", "1", "return", returnPath));
        } else {
            responder.refuse(request, response, refusal);
        }
    }

    /**
     * Makes a freshly opened session the request's session: the session presented before (if any) is revoked
     * so that a token planted before sign-in can never become a signed-in one, the cookie is set, and the
     * container's own session, if the application has one, is invalidated with everything in it: what it held
     * belonged to whoever used the browser before, and a container session id fixed before sign-in is worth
     * nothing after it. A new one starts only if the application asks.
     */
    void startSession(HttpServletRequest request, HttpServletResponse response, RequestSession session,
                      OpenedSession opened) {
        String previous = session.token();
        if (previous != null && !previous.equals(opened.token())) {
            Optional<SessionView> replaced = realm.get().peek(previous); // to name it in the event
            if (realm.get().revoke(previous, "replaced by a new sign-in") && replaced.isPresent()) {
                events.publish(new HallpassEvent.SessionRevoked(events.now(), replaced.get().username(),
                        replaced.get().publicId(), HallpassEvent.Cause.REPLACED_BY_SIGN_IN, 1));
            }
        }
        cookies.set(response, paths.cookieName(), opened.token());
        HttpSession container = request.getSession(false);
        if (container != null) {
            container.invalidate();
        }
        session.replace(opened);
    }

    /** {@code HttpServletRequest.login(username, password)}: the same checks as the sign-in endpoint. */
    public OpenedSession loginProgrammatically(HttpServletRequest request, HttpServletResponse response,
                                               RequestSession session, String username, String password)
            throws ServletException {
        if (session.lookup().isPresent()) {
            throw new ServletException("already signed in");
        }
        LoginResult result;
        try {
            result = credentials.get().login(username, password, facts(request, device(request).id()));
        } catch (InvalidInputException e) {
            throw new ServletException("login refused: " + e.getMessage());
        }
        signInPublished(request, result);
        if (result instanceof LoginResult.Success ok) {
            startSession(request, response, session, ok.session());
            return ok.session();
        }
        if (result instanceof LoginResult.Busy) {
            shed(request);
            throw new ServletException("login refused: the server is busy checking other sign-ins, retry shortly");
        }
        throw new ServletException(result instanceof LoginResult.Locked ? "login refused: too many attempts"
                : result instanceof LoginResult.TooManySessions ? "login refused: too many sessions" : "login failed");
    }

    // ---------------------------------------------------------------------------------- password change

    /**
     * The signed-in holder's own password change ({@code Hallpass.changePassword}). The realm checks the current
     * password, ends the other sessions and gives this one a new token with no grace; the new token is set as the
     * cookie and becomes the request's session, and the container's own session id, if the application uses one,
     * is changed too.
     *
     * @throws IllegalStateException if the request has no live session
     */
    public PasswordChange changePassword(HttpServletRequest request, HttpServletResponse response,
                                         RequestSession session, String currentPassword, String newPassword) {
        SessionView me = session.resolve().orElseThrow(
                () -> new IllegalStateException("changing the password needs a signed-in session"));
        PasswordChange outcome = credentials.get().changePassword(me.accountId(), currentPassword, newPassword,
                me.publicId());
        if (outcome instanceof PasswordChange.Changed changed) {
            events.publish(new HallpassEvent.PasswordChanged(events.now(), me.username(), me.publicId()));
            if (changed.otherSessionsRevoked() > 0) {
                events.publish(new HallpassEvent.SessionRevoked(events.now(), me.username(), me.publicId(),
                        HallpassEvent.Cause.PASSWORD_CHANGED, changed.otherSessionsRevoked()));
            }
        }
        if (outcome instanceof PasswordChange.Changed changed && changed.keptSession() != null) {
            OpenedSession kept = changed.keptSession();
            cookies.set(response, paths.cookieName(), kept.token());
            HttpSession container = request.getSession(false);
            if (container != null) {
                request.changeSessionId();
            }
            session.replace(kept);
        }
        return outcome;
    }

    // ----------------------------------------------------------------------------------------- sign out

    private void logout(HttpServletRequest request, HttpServletResponse response, RequestSession session)
            throws IOException {
        endSession(request, response, session, "signed out");
        Responder.noStore(response);
        if (ClientKind.isBrowser(request)) {
            responder.redirect(request, response, "/");
        } else {
            response.setStatus(204);
        }
    }

    /**
     * Revokes the request's session on the server (first: if the realm cannot be reached this throws and the
     * cookie is kept, so the user can try again), then clears the cookie and the container's session, and asks
     * the browser to forget what else it keeps for the site ({@code Clear-Site-Data}, {@code "cookies"} by
     * default: every cookie of the site's registrable domain, the device cookie and the application's included,
     * so that the next user of a shared browser inherits nothing of this one).
     */
    public void endSession(HttpServletRequest request, HttpServletResponse response, RequestSession session,
                           String reason) {
        if (session.hasToken()) {
            Optional<SessionView> ending = session.ifResolved().or(() -> realm.get().peek(session.token()));
            if (realm.get().revoke(session.token(), reason) && ending.isPresent()) {
                events.publish(new HallpassEvent.SignedOut(events.now(), ending.get().username(),
                        ending.get().publicId()));
            }
        }
        cookies.clear(response, paths.cookieName());
        if (paths.clearSiteData() != null) {
            response.setHeader("Clear-Site-Data", paths.clearSiteData());
        }
        HttpSession container = request.getSession(false);
        if (container != null) {
            container.invalidate();
        }
        session.clear();
    }

    // ------------------------------------------------------------------------------- re-authentication

    private void reauthPage(HttpServletRequest request, HttpServletResponse response, RequestSession session)
            throws IOException {
        String returnPath = returnParam(request.getParameter("return"));
        Optional<SessionView> view = session.resolve();
        if (view.isEmpty()) {
            Responder.noStore(response);
            responder.redirect(request, response, paths.loginPage() + Responder.query("return", returnPath, null, null));
            return;
        }
        Responder.noStore(response);
        responder.page(response, responder.pages().reauthenticate(paths.reauthPath(), view.get().username(),
                returnPath, request.getParameter("error") != null, request.getParameter("resubmit") != null));
    }

    private void reauthenticate(HttpServletRequest request, HttpServletResponse response, RequestSession session)
            throws IOException {
        FormInput in;
        try {
            in = FormInput.read(request);
        } catch (FormInput.Refused e) {
            responder.refuse(request, response, Refusal.badInput(e.status(), e.getMessage()));
            return;
        }
        boolean browser = !in.isJson() && ClientKind.isBrowser(request);
        String returnPath = returnParam(in.get("return"));
        Responder.noStore(response);
        Optional<SessionView> view = session.resolve();
        if (view.isEmpty()) {
            if (browser) {
                responder.redirect(request, response, paths.loginPage() + Responder.query("return", returnPath, null, null));
            } else {
                responder.refuse(request, response, new Refusal.Unauthenticated(false));
            }
            return;
        }
        String password = in.get("password");
        if (password == null || password.isEmpty()) {
            reauthFailed(request, response, browser, returnPath, Refusal.badInput(400, "password is required"));
            return;
        }
        LoginResult result;
        try {
            result = credentials.get().reauthenticate(session.token(), password, facts(request, device(request).id()));
        } catch (InvalidInputException e) {
            reauthFailed(request, response, browser, returnPath, Refusal.badInput(400, e.getMessage()));
            return;
        }
        SessionView me = view.get();
        failureOf(result).ifPresentOrElse(
                failure -> events.publish(new HallpassEvent.StepUpFailed(events.now(), me.username(), me.publicId(),
                        failure)),
                () -> events.publish(new HallpassEvent.StepUpPassed(events.now(), me.username(), me.publicId())));
        if (result instanceof LoginResult.Success ok) {
            cookies.set(response, paths.cookieName(), ok.session().token());
            session.replace(ok.session());
            if (browser) {
                responder.redirect(request, response, returnPath == null ? "/" : returnPath);
            } else {
                responder.json(response, Json.object("username", ok.session().view().username(),
                        "authenticatedAt", ok.session().view().lastAuthenticatedAt().toString()));
            }
        } else if (!answeredThrottle(result, request, response, browser)) {
            reauthFailed(request, response, browser, returnPath, new Refusal.InvalidCredentials("wrong password", false));
        }
    }

    /** A browser goes back to the form with {@code error=1}; an API client gets the refusal. */
    private void reauthFailed(HttpServletRequest request, HttpServletResponse response, boolean browser,
                              String returnPath, Refusal refusal) throws IOException {
        if (browser) {
            responder.redirect(request, response, paths.reauthPath() + Responder.query("error", "1", "return", returnPath));
        } else {
            responder.refuse(request, response, refusal);
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    /**
     * Answers a refusal that is not about the password: a client that must wait (429 with {@code Retry-After}), no
     * free hashing slot (503), or the right password past the account's session limit (409, for browsers too: the
     * sign-in form would say the password was wrong). Returns false for any other result.
     */
    private boolean answeredThrottle(LoginResult result, HttpServletRequest request, HttpServletResponse response,
                                     boolean browser) throws IOException {
        if (result instanceof LoginResult.Locked locked) {
            responder.refuse(request, response,
                    new Refusal.TooManyAttempts(locked.retryAfterSeconds(realm.get().clock().instant()), browser));
            return true;
        }
        if (result instanceof LoginResult.Busy) {
            shed(request);
            responder.refuse(request, response, new Refusal.Busy(BUSY_RETRY_AFTER_SECONDS, browser));
            return true;
        }
        if (result instanceof LoginResult.TooManySessions) {
            responder.refuse(request, response, Refusal.tooManySessions());
            return true;
        }
        return false;
    }

    /** Publishes a sign-in's outcome: the session it opened, or why it failed (never the name typed). */
    private void signInPublished(HttpServletRequest request, LoginResult result) {
        String client = clients.clientIp(request);
        Optional<HallpassEvent.Failure> failure = failureOf(result);
        if (failure.isPresent()) {
            events.publish(new HallpassEvent.SignInFailed(events.now(), failure.get(), client));
        } else if (result instanceof LoginResult.Success ok) {
            SessionView v = ok.session().view();
            events.publish(new HallpassEvent.SignedIn(events.now(), v.username(), v.publicId(), ok.newDevice(),
                    client));
        }
    }

    /** Why a password check did not succeed; empty for a success. */
    private static Optional<HallpassEvent.Failure> failureOf(LoginResult result) {
        if (result instanceof LoginResult.Failed) {
            return Optional.of(HallpassEvent.Failure.WRONG_CREDENTIALS);
        }
        if (result instanceof LoginResult.Locked) {
            return Optional.of(HallpassEvent.Failure.THROTTLED);
        }
        if (result instanceof LoginResult.Busy) {
            return Optional.of(HallpassEvent.Failure.BUSY);
        }
        if (result instanceof LoginResult.TooManySessions) {
            return Optional.of(HallpassEvent.Failure.TOO_MANY_SESSIONS);
        }
        return Optional.empty();
    }

    /** Says in the log what happened when a sign-in is shed: load, not the database. */
    private static void shed(HttpServletRequest request) {
        LOG.log(System.Logger.Level.WARNING, "Hallpass: busy, " + request.getMethod() + " " + request.getRequestURI()
                + " shed: every password-hashing slot is checking another sign-in (503, retry after "
                + BUSY_RETRY_AFTER_SECONDS + " s)");
    }

    private String returnParam(String candidate) {
        return candidate == null || !returnPaths.isSafe(candidate) ? null : candidate;
    }

    /** The facts about the client the realm records: address, user agent, device id. */
    public ClientFacts facts(HttpServletRequest request, String deviceId) {
        return new ClientFacts(clients.clientIp(request), request.getHeader("User-Agent"), deviceId);
    }

    private record Device(String id, boolean isNew) {
    }

    private Device device(HttpServletRequest request) {
        String id = DeviceIds.of(Cookies.read(request, paths.deviceCookieName()));
        return id != null ? new Device(id, false) : new Device(DeviceIds.newId(), true);
    }
}
