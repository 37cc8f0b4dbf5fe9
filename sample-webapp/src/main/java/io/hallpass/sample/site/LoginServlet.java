package io.hallpass.sample.site;

import io.hallpass.filter.annotation.Public;
import io.hallpass.sample.web.PortalServlet;
import io.hallpass.sample.web.Paths;
import io.hallpass.sample.web.Replies;
import io.hallpass.sample.web.Section;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /login}: the portal's own sign-in page, configured as the filter's {@code login-page}. The filter
 * sends unauthenticated browsers here with {@code ?return=<path>}, and failed attempts with {@code ?error=1}.
 */
@Public
public final class LoginServlet extends PortalServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String returnPath = Paths.safeReturn(request.getParameter("return"));
        boolean failed = request.getParameter("error") != null;
        Replies.html(response, 200, LoginPage.render(chrome(request, Section.NONE), returnPath, failed));
    }
}
