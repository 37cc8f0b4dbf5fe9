package io.hallpass.sample.it.standin;

import io.hallpass.filter.Hallpass;
import io.hallpass.realm.ClientFacts;
import io.hallpass.realm.LoginResult;
import io.hallpass.realm.Realm;
import io.hallpass.realm.SessionView;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * A test stand-in for HallpassFilter, NOT a security filter: it signs users in and out against an in-memory
 * realm, puts the session on the request, and enforces just enough to exercise the portal (a signed-in user
 * for non-public pages, {@code admin} under {@code /admin/*} through {@code sendError(403)}). PortalSmokeIT
 * swaps it into a copy of the WAR so that the portal's own code can be run in real containers before the real
 * filter exists. The security contract is PortalContractIT's, against the real filter.
 */
public final class StandInFilter implements Filter {

    static final String COOKIE = "__Host-hallpass";

    private Realm realm;

    @Override
    public void init(FilterConfig config) {
        realm = new InMemoryRealm();
        config.getServletContext().setAttribute(Hallpass.REALM_ATTRIBUTE, realm);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        String token = token(request);
        ClientFacts client = new ClientFacts(request.getRemoteAddr(), request.getHeader("User-Agent"), null);
        if (path.equals("/auth/login") && request.getMethod().equals("POST")) {
            LoginResult result = realm.login(String.valueOf(request.getParameter("username")),
                    String.valueOf(request.getParameter("password")), client);
            if (result instanceof LoginResult.Success ok) {
                setCookie(response, ok.session().token());
                redirect(request, response, request.getParameter("return") == null ? "/" : request.getParameter("return"));
            } else {
                redirect(request, response, "/login?error=1");
            }
            return;
        }
        if (path.equals("/auth/logout") && request.getMethod().equals("POST")) {
            if (token != null) {
                realm.revoke(token, "logout");
            }
            Cookie gone = new Cookie(COOKIE, "");
            gone.setMaxAge(0);
            gone.setPath("/");
            response.addCookie(gone);
            redirect(request, response, "/");
            return;
        }
        Optional<SessionView> session = token == null ? Optional.empty() : realm.resolve(token);
        session.ifPresent(s -> request.setAttribute(Hallpass.SESSION_ATTRIBUTE, s));
        boolean open = path.isEmpty() || path.equals("/") || path.equals("/login") || path.equals("/ping")
                || path.startsWith("/static/");
        if (!open && session.isEmpty()) {
            redirect(request, response, "/login?return=" + path);
            return;
        }
        if (path.startsWith("/admin/") && session.isPresent() && !session.get().hasRole("admin")) {
            response.sendError(403);
            return;
        }
        chain.doFilter(request, response);
    }

    private static String token(HttpServletRequest request) {
        if (request.getCookies() == null) {
            return null;
        }
        for (Cookie cookie : request.getCookies()) {
            if (cookie.getName().equals(COOKIE)) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private static void setCookie(HttpServletResponse response, String token) {
        response.addHeader("Set-Cookie", COOKIE + "=" + token + "; Path=/; Secure; HttpOnly; SameSite=Lax");
    }

    private static void redirect(HttpServletRequest request, HttpServletResponse response, String path) {
        response.setStatus(303);
        response.setHeader("Location", request.getContextPath() + path);
    }
}
