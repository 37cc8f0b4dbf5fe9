package io.hallpass.filter;

import io.hallpass.filter.web.AuthEndpoints;
import io.hallpass.filter.web.Refusal;
import io.hallpass.filter.web.RequestSession;
import io.hallpass.filter.web.Responder;
import io.hallpass.realm.SessionView;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.Principal;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The request as the application sees it behind the filter: the standard security methods answer from the
 * Hallpass session, so code written against the servlet API ({@code getRemoteUser()}, {@code isUserInRole()},
 * {@code login()}, {@code logout()}) keeps working unchanged. On public paths the session is only looked up
 * if the application asks. A container {@code HttpSession} the application creates here is stamped with the
 * Hallpass session it belongs to ({@link ContainerSessions}).
 */
final class HallpassRequest extends HttpServletRequestWrapper {

    /** The attributes answered from the request's session. */
    private static final List<String> DERIVED = List.of(Hallpass.SESSION_ATTRIBUTE, Hallpass.RISK_ATTRIBUTE,
            Hallpass.ENDPOINTS_ATTRIBUTE);

    private final HttpServletResponse response;
    private final RequestSession session;
    private final AuthEndpoints endpoints;
    private final Responder responder;

    HallpassRequest(HttpServletRequest request, HttpServletResponse response, RequestSession session,
                    AuthEndpoints endpoints, Responder responder) {
        super(request);
        this.response = response;
        this.session = session;
        this.endpoints = endpoints;
        this.responder = responder;
    }

    /** Whether {@code request} is, or wraps, a Hallpass request. */
    static boolean wraps(ServletRequest request) {
        return request instanceof HallpassRequest
                || (request instanceof ServletRequestWrapper wrapper && wrapper.isWrapperFor(HallpassRequest.class));
    }

    private Optional<SessionView> view() {
        return session.lookup();
    }

    /**
     * Hallpass's request attributes are read from the request's session, not stored: {@link Hallpass#SESSION_ATTRIBUTE}
     * is its live view once something has resolved it, {@link Hallpass#RISK_ATTRIBUTE} the risk policy's assessment
     * of it; a login, logout or rotation during the request shows at once. (Storing them in the container's
     * attribute map cost a few hundred nanoseconds on every signed-in request.) The container's own request, which
     * an error page gets, carries them as attributes ({@code HallpassFilter}).
     */
    @Override
    public Object getAttribute(String name) {
        if (name != null && name.startsWith(Hallpass.ATTRIBUTE_PREFIX) && DERIVED.contains(name)) {
            // the session is authoritative: a value left in the container's map (say, by Hallpass.session called
            // with the unwrapped request) must not outlive a logout
            return derivedAttribute(name, session, endpoints);
        }
        return super.getAttribute(name);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        Set<String> names = new LinkedHashSet<>(Collections.list(super.getAttributeNames()));
        for (String name : DERIVED) {
            if (derivedAttribute(name, session, endpoints) != null) {
                names.add(name);
            } else {
                names.remove(name);
            }
        }
        return Collections.enumeration(names);
    }

    /** The value of one of Hallpass's request attributes for {@code session}, or null if it has none. */
    static Object derivedAttribute(String name, RequestSession session, AuthEndpoints endpoints) {
        return switch (name) {
            case Hallpass.SESSION_ATTRIBUTE -> session.ifResolved().orElse(null);
            case Hallpass.RISK_ATTRIBUTE -> session.ifResolved().isPresent() ? session.risk() : null;
            case Hallpass.ENDPOINTS_ATTRIBUTE -> endpoints;
            default -> null;
        };
    }

    /** The container's session; one created now belongs to the request's Hallpass session (or to nobody). */
    @Override
    public HttpSession getSession(boolean create) {
        HttpSession existing = super.getSession(false);
        if (existing != null || !create) {
            return existing;
        }
        HttpSession created = super.getSession(true);
        ContainerSessions.stamp(created, session.current());
        return created;
    }

    @Override
    public HttpSession getSession() {
        return getSession(true);
    }

    @Override
    public Principal getUserPrincipal() {
        return view().map(v -> (Principal) new HallpassPrincipal(v.username(), v.accountId())).orElse(null);
    }

    @Override
    public String getRemoteUser() {
        return view().map(SessionView::username).orElse(null);
    }

    /**
     * Whether the signed-in user holds the role now (roles are re-read from the realm on every request).
     * {@code "**"} means "any signed-in user", as the servlet specification defines it.
     */
    @Override
    public boolean isUserInRole(String role) {
        if (role == null) {
            return false;
        }
        Optional<SessionView> view = view();
        if (view.isEmpty()) {
            return false;
        }
        return "**".equals(role) || view.get().hasRole(role);
    }

    @Override
    public String getAuthType() {
        return view().isPresent() ? HttpServletRequest.FORM_AUTH : null;
    }

    @Override
    public boolean authenticate(HttpServletResponse ignored) throws IOException {
        if (view().isPresent()) {
            return true;
        }
        responder.refuse(this, response, new Refusal.Unauthenticated(false));
        return false;
    }

    @Override
    public void login(String username, String password) throws ServletException {
        endpoints.loginProgrammatically(this, response, session, username, password); // the session is the new one
    }

    @Override
    public void logout() throws ServletException {
        try {
            endpoints.endSession(this, response, session, "signed out by the application");
        } catch (RuntimeException e) {
            throw new ServletException("logout could not be recorded", e);
        }
    }

    /** The principal of a Hallpass session: the username, and the account id for applications that want it. */
    record HallpassPrincipal(String name, long accountId) implements Principal {
        @Override
        public String getName() {
            return name;
        }
    }
}
