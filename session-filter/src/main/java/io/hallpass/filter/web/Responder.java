package io.hallpass.filter.web;

import io.hallpass.filter.event.Events;
import io.hallpass.filter.event.HallpassEvent;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.TreeSet;

/**
 * Writes Hallpass's answers, differently for browsers (redirects, pages, the application's error pages) and API
 * clients (status, {@code WWW-Authenticate}, a small JSON body). Every refusal, whoever names it (the gate, an
 * endpoint, the request wrapper), is answered by {@link #refuse}, the only writer of a 4xx or 5xx; the public
 * writers for the endpoints' successes ({@link #json}, {@link #page}, {@link #redirect}) take no status. It never
 * writes a token, a stack trace or a request's own text into an answer. Each refusal is also published to the
 * event stream ({@link HallpassEvent.Refused}), so that the metrics count what was answered, whoever named it.
 */
public final class Responder {

    private static final String CHALLENGE_SCHEME = "Hallpass";
    private static final String JSON = "application/json;charset=UTF-8";
    private static final String TEXT = "text/plain;charset=UTF-8";
    private static final String HTML = "text/html;charset=UTF-8";

    private final String loginPage;
    private final String loginPath;
    private final String reauthPath;
    private final String cookieName;
    private final Cookies cookies;
    private final ReturnPath returnPaths;
    private final Pages pages;
    private final ClientAddress clients;
    private final Events events;

    public Responder(AuthEndpoints.Paths paths, Cookies cookies, ReturnPath returnPaths, Pages pages,
                     ClientAddress clients, Events events) {
        this.loginPage = paths.loginPage();
        this.loginPath = paths.loginPath();
        this.reauthPath = paths.reauthPath();
        this.cookieName = paths.cookieName();
        this.cookies = cookies;
        this.returnPaths = returnPaths;
        this.pages = pages;
        this.clients = clients;
        this.events = events;
    }

    public Pages pages() {
        return pages;
    }

    /**
     * Answers a refusal: the one place where Hallpass writes a 4xx or 5xx, always with
     * {@code Cache-Control: no-store}; then the refusal is published (also if the client went away meanwhile).
     */
    public void refuse(HttpServletRequest request, HttpServletResponse response, Refusal refusal)
            throws IOException {
        noStore(response);
        request.setAttribute(CACHE_CONTROL_ATTRIBUTE, "no-store");
        try {
            refusal.accept(new Answer(request, response));
        } finally {
            events.publish(new HallpassEvent.Refused(events.now(), refusal.kind(), request.getMethod(),
                    clients.clientIp(request)));
        }
    }

    /** One answer per refusal; a refusal without one here does not compile. */
    private final class Answer implements Refusal.Visitor {

        private final HttpServletRequest request;
        private final HttpServletResponse response;
        private final boolean browser;

        Answer(HttpServletRequest request, HttpServletResponse response) {
            this.request = request;
            this.response = response;
            this.browser = ClientKind.isBrowser(request);
        }

        /** Refused outright: a short text for browsers, JSON for API clients, {@code Allow} with a 405. */
        @Override
        public void rejected(Refusal.Rejected refusal) throws IOException {
            if (!refusal.allow().isEmpty()) {
                response.setHeader("Allow", String.join(", ", new TreeSet<>(refusal.allow())));
            }
            int status = refusal.status();
            if (browser) {
                write(response, status, TEXT, status + " " + refusal.reason() + "\n");
            } else {
                json(status, Json.object("error", errorCode(status), "message", refusal.reason()));
            }
        }

        /** No session (or no longer one): browsers go to the sign-in page, API clients get 401. */
        @Override
        public void unauthenticated(Refusal.Unauthenticated refusal) throws IOException {
            if (refusal.forgetCookie()) {
                cookies.clear(response, cookieName); // a dead token: let the browser forget it
            }
            if (browser) {
                redirect(request, response, loginPage + query("return", returnPathOf(request), null, null));
                return;
            }
            challenge();
            json(401, Json.object("error", "unauthenticated", "message", "sign in first",
                    "login", request.getContextPath() + loginPath));
        }

        /** Signed in but not allowed: browsers see the application's 403 error page, API clients a JSON 403. */
        @Override
        public void forbidden(Refusal.Forbidden refusal) throws IOException {
            if (browser) {
                response.sendError(403);
                return;
            }
            json(403, Json.object("error", "forbidden", "message", refusal.reason()));
        }

        /**
         * The session's last authentication is too old for this endpoint. Browsers go to the re-authentication
         * page (a request other than GET is not replayed: the page asks to submit again); API clients get 401
         * with the RFC 9470 challenge.
         */
        @Override
        public void stepUp(Refusal.StepUp refusal) throws IOException {
            if (browser) {
                boolean replayable = isGetOrHead(request);
                redirect(request, response, reauthPath + query("return", returnPathOf(request),
                        replayable ? null : "resubmit", replayable ? null : "1"));
                return;
            }
            long seconds = Math.max(0, refusal.maxAge().toSeconds());
            response.setHeader("WWW-Authenticate", CHALLENGE_SCHEME + " realm=\"hallpass\", "
                    + "error=\"insufficient_user_authentication\", "
                    + "error_description=\"A more recent authentication is required\", max_age=" + seconds);
            json(401, Json.object("error", "insufficient_user_authentication",
                    "message", "re-authenticate to continue", "max_age", seconds,
                    "reauthenticate", request.getContextPath() + reauthPath));
        }

        /** A wrong password, for an API client (a browser is sent back to the form by the endpoint). */
        @Override
        public void invalidCredentials(Refusal.InvalidCredentials refusal) throws IOException {
            if (refusal.challenge()) {
                challenge();
            }
            json(401, Json.object("error", "invalid_credentials", "message", refusal.message()));
        }

        /** Too many failed attempts on this username: 429 with {@code Retry-After}. */
        @Override
        public void tooManyAttempts(Refusal.TooManyAttempts refusal) throws IOException {
            long retryAfter = refusal.retryAfterSeconds();
            response.setHeader("Retry-After", Long.toString(retryAfter));
            if (refusal.page()) {
                long minutes = Math.max(1, (retryAfter + 59) / 60);
                html(429, pages.notice("Too many attempts",
                        "Sign-in is paused for this account after too many failed attempts. Try again in about "
                                + minutes + (minutes == 1 ? " minute." : " minutes.")));
            } else {
                json(429, Json.object("error", "too_many_attempts",
                        "message", "too many failed attempts; retry later", "retry_after", retryAfter));
            }
        }

        /** The realm could not be reached: fail closed with 503 and {@code Retry-After}. */
        @Override
        public void unavailable(Refusal.Unavailable refusal) throws IOException {
            response.setHeader("Retry-After", Long.toString(refusal.retryAfterSeconds()));
            if (browser) {
                html(503, pages.notice("Temporarily unavailable",
                        "We cannot check your session right now. Please try again in a moment."));
            } else {
                json(503, Json.object("error", "unavailable",
                        "message", "the session store cannot be reached; retry shortly"));
            }
        }

        /** Sign-ins are being shed: 503 with {@code Retry-After}, saying the server is busy, not broken. */
        @Override
        public void busy(Refusal.Busy refusal) throws IOException {
            long seconds = refusal.retryAfterSeconds();
            response.setHeader("Retry-After", Long.toString(seconds));
            if (refusal.page()) {
                html(503, pages.notice("Too many sign-ins at once",
                        "The server is busy checking other sign-ins. Please try again in " + seconds
                                + (seconds == 1 ? " second." : " seconds.")));
            } else {
                json(503, Json.object("error", "busy", "message",
                        "the server is busy checking other sign-ins; retry after " + seconds + " s",
                        "retry_after", seconds));
            }
        }

        /** A fault in Hallpass itself: 500 with a fixed short text, never the exception. */
        @Override
        public void internalFault(Refusal.InternalFault refusal) throws IOException {
            if (browser) {
                write(response, 500, TEXT, "500 internal error\n");
            } else {
                json(500, Json.object("error", "internal", "message", "internal error"));
            }
        }

        private void challenge() {
            response.setHeader("WWW-Authenticate", CHALLENGE_SCHEME + " realm=\"hallpass\"");
        }

        private void json(int status, String body) throws IOException {
            write(response, status, JSON, body);
        }

        private void html(int status, String body) throws IOException {
            Responder.html(response, status, body);
        }
    }

    /** A 303 to an application path (the context path is added here). */
    public void redirect(HttpServletRequest request, HttpServletResponse response, String appPathAndQuery) {
        response.setStatus(303);
        response.setHeader("Location", request.getContextPath() + appPathAndQuery);
    }

    /** A 200 with a JSON body (an endpoint's success). */
    public void json(HttpServletResponse response, String body) throws IOException {
        write(response, 200, JSON, body);
    }

    /** A 200 with one of the built-in pages. */
    public void page(HttpServletResponse response, String body) throws IOException {
        html(response, 200, body);
    }

    private static void html(HttpServletResponse response, int status, String body) throws IOException {
        response.setHeader("Content-Security-Policy", Pages.CONTENT_SECURITY_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        write(response, status, HTML, body);
    }

    /**
     * The {@code Cache-Control} a refused request's response must keep, for the filter to set again in the error
     * dispatch that {@code sendError} starts: Jetty clears the headers before the application's error page runs
     * (Tomcat keeps them), so a refusal shown as the application's 403 page would otherwise be cacheable.
     */
    public static final String CACHE_CONTROL_ATTRIBUTE = "io.hallpass.filter.cache-control";

    public static void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
    }

    /** Where the user was going: this request's path and query for GET/HEAD, else the same-origin Referer path. */
    private String returnPathOf(HttpServletRequest request) {
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
    private String refererPath(HttpServletRequest request) {
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

    private static boolean isGetOrHead(HttpServletRequest request) {
        String m = request.getMethod();
        return "GET".equals(m) || "HEAD".equals(m);
    }

    private static String errorCode(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 409 -> "conflict";
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
