package io.hallpass.filter.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

/**
 * Turns the filter's verdicts into HTTP answers, differently for browsers (redirects, pages, the
 * application's error pages) and API clients (status, {@code WWW-Authenticate}, a small JSON body). It never
 * writes a token, a stack trace or a request's own text into an answer.
 */
public final class Responder {

    static final String CHALLENGE_SCHEME = "Hallpass";

    private final String loginPage;
    private final String loginPath;
    private final String reauthPath;
    private final String cookieName;
    private final Cookies cookies;
    private final ReturnPath returnPaths;
    private final Pages pages;
    private final ClientAddress clients;

    public Responder(AuthEndpoints.Paths paths, Cookies cookies, ReturnPath returnPaths, Pages pages,
                     ClientAddress clients) {
        this.loginPage = paths.loginPage();
        this.loginPath = paths.loginPath();
        this.reauthPath = paths.reauthPath();
        this.cookieName = paths.cookieName();
        this.cookies = cookies;
        this.returnPaths = returnPaths;
        this.pages = pages;
        this.clients = clients;
    }

    /** Answers a refusal: the one place where Hallpass writes a 4xx or 5xx. */
    public void refuse(HttpServletRequest request, HttpServletResponse response, Refusal refusal)
            throws IOException {
        refusal.accept(new Answer(request, response));
    }

    /** One answer per refusal; a refusal without one here does not compile. */
    private final class Answer implements Refusal.Visitor {

        private final HttpServletRequest request;
        private final HttpServletResponse response;

        Answer(HttpServletRequest request, HttpServletResponse response) {
            this.request = request;
            this.response = response;
        }

        @Override
        public void rejected(Refusal.Rejected refusal) throws IOException {
            reject(request, response, refusal.status(), refusal.reason(), refusal.allow());
        }

        @Override
        public void unauthenticated(Refusal.Unauthenticated refusal) throws IOException {
            if (refusal.forgetCookie()) {
                cookies.clear(response, cookieName); // a dead token: let the browser forget it
            }
            Responder.this.unauthenticated(request, response);
        }

        @Override
        public void forbidden(Refusal.Forbidden refusal) throws IOException {
            Responder.this.forbidden(request, response, refusal.reason());
        }

        @Override
        public void stepUp(Refusal.StepUp refusal) throws IOException {
            Responder.this.stepUp(request, response, refusal.maxAge());
        }

        @Override
        public void invalidCredentials(Refusal.InvalidCredentials refusal) throws IOException {
            noStore(response);
            if (refusal.challenge()) {
                response.setHeader("WWW-Authenticate", CHALLENGE_SCHEME + " realm=\"hallpass\"");
            }
            json(response, 401, Json.object("error", "invalid_credentials", "message", refusal.message()));
        }

        @Override
        public void tooManyAttempts(Refusal.TooManyAttempts refusal) throws IOException {
            Responder.this.tooManyAttempts(request, response, refusal.retryAfterSeconds(), refusal.page());
        }

        @Override
        public void unavailable(Refusal.Unavailable refusal) throws IOException {
            Responder.this.unavailable(request, response, refusal.retryAfterSeconds());
        }

        @Override
        public void internalFault(Refusal.InternalFault refusal) throws IOException {
            internalError(request, response);
        }
    }

    public Pages pages() {
        return pages;
    }

    /** No session (or no longer one): browsers go to the sign-in page, API clients get 401. */
    public void unauthenticated(HttpServletRequest request, HttpServletResponse response) throws IOException {
        noStore(response);
        if (ClientKind.isBrowser(request)) {
            redirect(request, response, loginPage + query("return", returnPathOf(request), null, null));
            return;
        }
        response.setHeader("WWW-Authenticate", CHALLENGE_SCHEME + " realm=\"hallpass\"");
        json(response, 401, Json.object("error", "unauthenticated", "message", "sign in first",
                "login", request.getContextPath() + loginPath));
    }

    /** Signed in but not allowed: browsers see the application's 403 error page, API clients a JSON 403. */
    public void forbidden(HttpServletRequest request, HttpServletResponse response, String message) throws IOException {
        noStore(response);
        if (ClientKind.isBrowser(request)) {
            response.sendError(403);
            return;
        }
        json(response, 403, Json.object("error", "forbidden", "message", message));
    }

    /**
     * The session's last authentication is too old for this endpoint. Browsers go to the re-authentication
     * page (a request other than GET is not replayed: the page asks to submit again); API clients get 401
     * with the RFC 9470 challenge.
     */
    public void stepUp(HttpServletRequest request, HttpServletResponse response, Duration maxAge) throws IOException {
        noStore(response);
        if (ClientKind.isBrowser(request)) {
            boolean replayable = isGetOrHead(request);
            redirect(request, response, reauthPath + query("return", returnPathOf(request),
                    replayable ? null : "resubmit", replayable ? null : "1"));
            return;
        }
        long seconds = Math.max(0, maxAge.toSeconds());
        response.setHeader("WWW-Authenticate", CHALLENGE_SCHEME + " realm=\"hallpass\", "
                + "error=\"insufficient_user_authentication\", "
                + "error_description=\"A more recent authentication is required\", max_age=" + seconds);
        json(response, 401, Json.object("error", "insufficient_user_authentication",
                "message", "re-authenticate to continue", "max_age", seconds,
                "reauthenticate", request.getContextPath() + reauthPath));
    }

    /** A request refused outright: 400 for ambiguous input, 405 with {@code Allow}, and similar. */
    public void reject(HttpServletRequest request, HttpServletResponse response, int status, String message,
                       Set<String> allow) throws IOException {
        noStore(response);
        if (allow != null && !allow.isEmpty()) {
            response.setHeader("Allow", String.join(", ", new java.util.TreeSet<>(allow)));
        }
        if (ClientKind.isBrowser(request)) {
            text(response, status, status + " " + message + "\n");
        } else {
            json(response, status, Json.object("error", errorCode(status), "message", message));
        }
    }

    /** The realm could not be reached: fail closed with 503 and {@code Retry-After}. */
    public void unavailable(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds)
            throws IOException {
        noStore(response);
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        if (ClientKind.isBrowser(request)) {
            html(response, 503, pages.notice("Temporarily unavailable",
                    "We cannot check your session right now. Please try again in a moment."));
        } else {
            json(response, 503, Json.object("error", "unavailable",
                    "message", "the session store cannot be reached; retry shortly"));
        }
    }

    /** A fault in Hallpass itself: 500 with a fixed short text, never the exception. */
    public void internalError(HttpServletRequest request, HttpServletResponse response) throws IOException {
        noStore(response);
        if (ClientKind.isBrowser(request)) {
            text(response, 500, "500 internal error\n");
        } else {
            json(response, 500, Json.object("error", "internal", "message", "internal error"));
        }
    }

    /** Too many failed attempts on this username: 429 with {@code Retry-After}. */
    public void tooManyAttempts(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds,
                                boolean browser) throws IOException {
        noStore(response);
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        if (browser) {
            long minutes = Math.max(1, (retryAfterSeconds + 59) / 60);
            html(response, 429, pages.notice("Too many attempts",
                    "Sign-in is paused for this account after too many failed attempts. Try again in about "
                            + minutes + (minutes == 1 ? " minute." : " minutes.")));
        } else {
            json(response, 429, Json.object("error", "too_many_attempts",
                    "message", "too many failed attempts; retry later", "retry_after", retryAfterSeconds));
        }
    }

    /** A 303 to an application path (the context path is added here). */
    public void redirect(HttpServletRequest request, HttpServletResponse response, String appPathAndQuery) {
        response.setStatus(303);
        response.setHeader("Location", request.getContextPath() + appPathAndQuery);
    }

    public void json(HttpServletResponse response, int status, String body) throws IOException {
        write(response, status, "application/json;charset=UTF-8", body);
    }

    public void html(HttpServletResponse response, int status, String body) throws IOException {
        response.setHeader("Content-Security-Policy", Pages.CONTENT_SECURITY_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        write(response, status, "text/html;charset=UTF-8", body);
    }

    public void text(HttpServletResponse response, int status, String body) throws IOException {
        write(response, status, "text/plain;charset=UTF-8", body);
    }

    public static void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
    }

    /** Where the user was going: this request's path and query for GET/HEAD, else the same-origin Referer path. */
    public String returnPathOf(HttpServletRequest request) {
        String candidate;
        if (isGetOrHead(request)) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            String q = request.getQueryString();
            candidate = q == null ? path : path + "?" + q;
        } else {
            candidate = refererPath(request);
        }
        return returnPaths.sanitise(candidate);
    }

    /** The application-relative path of a same-origin {@code Referer}, or null. */
    String refererPath(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer == null) {
            return null;
        }
        try {
            java.net.URI uri = new java.net.URI(referer);
            String host = clients.host(request);
            if (uri.getRawAuthority() == null || !uri.getRawAuthority().equalsIgnoreCase(host)) {
                return null;
            }
            String path = uri.getRawPath();
            String context = request.getContextPath();
            if (path == null || !path.startsWith(context + "/")) {
                return null;
            }
            String appPath = path.substring(context.length());
            return uri.getRawQuery() == null ? appPath : appPath + "?" + uri.getRawQuery();
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /** {@code ?name=value[&name2=value2]}, URL-encoded; empty if the first value is null. */
    public static String query(String name, String value, String name2, String value2) {
        StringBuilder q = new StringBuilder();
        if (value != null) {
            q.append('?').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        if (value2 != null) {
            q.append(q.length() == 0 ? '?' : '&').append(name2).append('=')
                    .append(URLEncoder.encode(value2, StandardCharsets.UTF_8));
        }
        return q.toString();
    }

    static boolean isGetOrHead(HttpServletRequest request) {
        String m = request.getMethod();
        return "GET".equals(m) || "HEAD".equals(m);
    }

    private static String errorCode(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            default -> "error";
        };
    }

    private static void write(HttpServletResponse response, int status, String contentType, String body)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(contentType);
        response.setHeader("X-Content-Type-Options", "nosniff");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
