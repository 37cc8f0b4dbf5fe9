package io.hallpass.bench.peers;

import bench.Bench;
import bench.Variant;
import io.hallpass.filter.HallpassFilter;
import io.hallpass.realm.Realm;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/**
 * Hallpass in the peers harness ({@code ../shared/peers-bench}): the filter on {@code /*} as a team would
 * declare it, with its realm on an in-process H2 database (HikariCP), no cache, and the default settings
 * (OWASP Argon2id cost, deny by default, risk policy on). Two subclasses measure a public path (the session
 * is never looked up) and an authenticated one (one realm lookup per request).
 */
public abstract class HallpassVariant implements Variant {

    static final String RULES = """
            GET /app/hello = role:user
            GET /app/public/* = public
            """;

    private String url;

    @Override
    public void configure(Tomcat tomcat) throws Exception {
        url = "jdbc:h2:mem:hallpass-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        if ("file".equals(System.getProperty("bench.h2", "mem"))) {
            url = "jdbc:h2:file:" + bench.Main.baseDir().resolve("hallpass").toAbsolutePath();
        }
        try (Realm setup = Realm.builder().jdbcUrl(url).build()) {
            var alice = setup.createAccount(Bench.USER, "secret-password");
            setup.grantRole(alice.id(), Bench.ROLE, null, "bench");
        }
        Context ctx = Bench.rootContext(tomcat);
        FilterDef def = new FilterDef();
        def.setFilterName("hallpass");
        def.setFilterClass(HallpassFilter.class.getName());
        def.addInitParameter("jdbc-url", url);
        def.addInitParameter("rules", RULES);
        ctx.addFilterDef(def);
        FilterMap map = new FilterMap();
        map.setFilterName("hallpass");
        map.addURLPattern("/*");
        map.setDispatcher("REQUEST");
        map.setDispatcher("FORWARD");
        map.setDispatcher("INCLUDE");
        ctx.addFilterMap(map);
        Bench.addHello(ctx);
        Bench.addServlet(ctx, "public", new PublicServlet(), "/app/public/*");
        // Tomcat runs filters only for requests some servlet is mapped to: a WAR has the default servlet; this
        // bare context needs one so that the filter's own endpoints (/auth/login) are reached
        Bench.addServlet(ctx, "default", new NotFoundServlet(), "/");
    }

    /**
     * Signs in over a plain socket, without a {@code User-Agent} (wrk sends none, and a session whose user agent
     * changes is ended by the default risk policy), and answers the session cookie.
     */
    @Override
    public String login(URI base) throws Exception {
        String body = "username=" + Bench.USER + "&password=secret-password";
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /auth/login HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nAccept: application/json\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body)
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(all);
            String response = all.toString(StandardCharsets.ISO_8859_1);
            if (!response.startsWith("HTTP/1.1 200")) {
                throw new IllegalStateException("login failed: " + response.lines().findFirst().orElse(""));
            }
            return response.lines().filter(l -> l.regionMatches(true, 0, "Set-Cookie: __Host-hallpass=", 0, 28))
                    .map(l -> l.substring(12).split(";", 2)[0]).findFirst()
                    .orElseThrow(() -> new IllegalStateException("login set no session cookie"));
        }
    }

    /** The context's default servlet: answers 404 for anything nothing else serves. */
    static final class NotFoundServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.sendError(404);
        }
    }

    /** A page that never asks who is calling. */
    static final class PublicServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            byte[] body = "hello public\n".getBytes(StandardCharsets.UTF_8);
            resp.setContentType("text/plain;charset=UTF-8");
            resp.setContentLength(body.length);
            resp.getOutputStream().write(body);
        }
    }
}
