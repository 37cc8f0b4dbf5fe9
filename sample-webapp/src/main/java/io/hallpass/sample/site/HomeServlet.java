package io.hallpass.sample.site;

import io.hallpass.filter.Hallpass;
import io.hallpass.filter.annotation.Public;
import io.hallpass.sample.web.Chrome;
import io.hallpass.sample.web.PortalServlet;
import io.hallpass.sample.web.Replies;
import io.hallpass.sample.web.Section;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code GET /} (the context root only): public; greets a signed-in user by name. */
@Public
public final class HomeServlet extends PortalServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Chrome chrome = chrome(request, Section.HOME);
        var session = Hallpass.session(request).orElse(null);
        Replies.html(response, 200, HomePage.render(chrome, session, session == null ? null : now()));
    }
}
