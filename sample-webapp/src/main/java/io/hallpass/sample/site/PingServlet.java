package io.hallpass.sample.site;

import io.hallpass.filter.annotation.Public;
import io.hallpass.sample.web.Replies;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code GET /ping}: answers {@code pong}, for load balancers and smoke tests. Never touches the realm. */
@Public
public final class PingServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Replies.text(response, 200, "pong");
    }
}
