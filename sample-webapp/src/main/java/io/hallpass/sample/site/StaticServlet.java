package io.hallpass.sample.site;

import io.hallpass.filter.annotation.Public;
import io.hallpass.sample.web.Replies;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code GET /static/*}: the stylesheet and the icon. Serves only plain file names with a known extension
 * from the WAR's {@code /static/} folder, the same way in every container.
 */
@Public
public final class StaticServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern NAME = Pattern.compile("/[a-z0-9][a-z0-9-]{0,63}\\.(css|svg)");
    private static final Map<String, String> TYPES = Map.of(
            "css", "text/css;charset=UTF-8",
            "svg", "image/svg+xml");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getPathInfo();
        if (name == null || !NAME.matcher(name).matches()) {
            response.sendError(404);
            return;
        }
        try (InputStream in = getServletContext().getResourceAsStream("/static" + name)) {
            if (in == null) {
                response.sendError(404);
                return;
            }
            byte[] bytes = in.readAllBytes();
            Replies.headers(response);
            response.setContentType(TYPES.get(name.substring(name.lastIndexOf('.') + 1)));
            response.setHeader("Cache-Control", "public, max-age=300");
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }
    }
}
