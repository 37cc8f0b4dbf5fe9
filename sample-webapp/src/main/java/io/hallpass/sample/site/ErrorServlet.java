package io.hallpass.sample.site;

import io.hallpass.sample.web.PortalServlet;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code <error-page>} of the application: renders 400, 403, 404, 405, 429, 500, 503 (and uncaught exceptions)
 * as portal pages, or as JSON for API clients. The filter's {@code sendError(403)} lands here, with the
 * session still on the request, so the page can say who is signed in. The filter mapping does not include
 * the ERROR dispatch; a direct request for {@code /error} is refused by the rules.
 */
public final class ErrorServlet extends PortalServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ErrorServlet.class.getName());

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            refuse(request, response, 404, "not_found", null);
            return;
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (failure != null) {
            LOG.log(Level.SEVERE, "uncaught while serving " + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                    failure);
            status = 500;
        }
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        // the container's own messages for 404 and the like are not meant for users; show only what a
        // handler explicitly attached to a 400
        String shown = status == 400 && message instanceof String s && s.length() <= 200 ? s : null;
        refuse(request, response, status, codeFor(status), shown);
    }

    static String codeFor(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 429 -> "too_many_requests";
            case 503 -> "unavailable";
            default -> "server_error";
        };
    }
}
