package io.hallpass.sample.web;

import io.hallpass.filter.Hallpass;
import io.hallpass.realm.InvalidInputException;
import io.hallpass.realm.Realm;
import io.hallpass.realm.RealmUnavailableException;
import io.hallpass.realm.SessionView;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the portal's servlets share: the realm the filter started, the current session, the page frame, and
 * one place that turns refusals into answers. A {@link Problem} becomes its status with a short message; the
 * realm being unreachable becomes 503; anything unexpected is logged and becomes the generic 500 page, never a
 * stack trace.
 *
 * <p>Access control is not here: the filter has decided before any of this runs.
 */
public abstract class PortalServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(PortalServlet.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        try {
            super.service(request, response);
        } catch (Problem problem) {
            refuse(request, response, problem.status(), problem.code(), problem.getMessage());
        } catch (InvalidInputException invalid) {
            // the realm's messages name the field and the problem, never the value
            refuse(request, response, 400, "bad_request", invalid.getMessage());
        } catch (RealmUnavailableException unavailable) {
            LOG.warning(() -> "realm unavailable for " + request.getMethod() + " " + request.getRequestURI());
            response.setHeader("Retry-After", "5");
            refuse(request, response, 503, "unavailable", null);
        } catch (RuntimeException unexpected) {
            LOG.log(Level.SEVERE, "failed: " + request.getMethod() + " " + request.getRequestURI(), unexpected);
            refuse(request, response, 500, "server_error", null);
        }
    }

    /** The realm started by the Hallpass filter. */
    protected Realm realm() {
        return Hallpass.realm(getServletContext());
    }

    protected Instant now() {
        return realm().clock().instant();
    }

    /**
     * The current session. On a page the rules protect it is always there; if it is not, the deployment is
     * misconfigured and the request is refused rather than served anonymously.
     */
    protected SessionView session(HttpServletRequest request) {
        return Hallpass.session(request).orElseThrow(() -> new Problem(403, "forbidden", null));
    }

    protected Chrome chrome(HttpServletRequest request, Section section) {
        Viewer viewer = Viewer.of(Hallpass.session(request)).orElse(null);
        return new Chrome(request.getContextPath(), viewer, section, null);
    }

    protected void refuse(HttpServletRequest request, HttpServletResponse response, int status, String code,
                          String message) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        if (Replies.wantsJson(request)) {
            Replies.jsonError(response, status, code, message == null ? defaultMessage(status) : message);
        } else {
            Chrome chrome;
            try {
                chrome = chrome(request, Section.NONE);
            } catch (RuntimeException lookupFailed) {
                chrome = new Chrome(request.getContextPath(), null, Section.NONE, null);
            }
            Replies.html(response, status, ErrorPage.render(chrome, status, message));
        }
    }

    static String defaultMessage(int status) {
        return switch (status) {
            case 400 -> "bad request";
            case 401 -> "sign in first";
            case 403 -> "forbidden";
            case 404 -> "not found";
            case 405 -> "method not allowed";
            case 429 -> "too many attempts, try again later";
            case 503 -> "temporarily unavailable, try again shortly";
            default -> "internal error";
        };
    }

    /** A required form field, trimmed; a missing or blank one is a 400 naming the field. */
    protected static String required(HttpServletRequest request, String field) {
        String value = request.getParameter(field);
        if (value == null || value.isBlank()) {
            throw Problem.badRequest("the field '" + field + "' is required");
        }
        return value.strip();
    }
}
