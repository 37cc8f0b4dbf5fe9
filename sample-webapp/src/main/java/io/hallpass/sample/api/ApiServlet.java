package io.hallpass.sample.api;

import io.hallpass.filter.annotation.Authenticated;
import io.hallpass.realm.SessionView;
import io.hallpass.sample.web.Json;
import io.hallpass.sample.web.PortalServlet;
import io.hallpass.sample.web.Problem;
import io.hallpass.sample.web.Replies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.TreeSet;

/**
 * The portal's small API, for any signed-in user: {@code GET /api/me} answers
 * {@code {"username":"alice","roles":["customer"]}}, and {@code GET /api/ping} answers {@code pong}.
 */
@Authenticated
public final class ApiServlet extends PortalServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        switch (path) {
            case "/me" -> Replies.json(response, 200, me(session(request)));
            case "/ping" -> Replies.text(response, 200, "pong");
            default -> throw Problem.notFound("no such API");
        }
    }

    /** The body of {@code /api/me}: the username and the sorted roles. */
    public static Map<String, Object> me(SessionView session) {
        return Json.object("username", session.username(), "roles", new TreeSet<>(session.roles()));
    }
}
