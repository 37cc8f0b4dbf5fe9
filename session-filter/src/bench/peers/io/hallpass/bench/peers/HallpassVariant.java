package io.hallpass.bench.peers;

import bench.Bench;
import bench.Variant;
import io.hallpass.filter.HallpassFilter;
import io.hallpass.realm.Realm;
import io.hallpass.realm.SchemaAction;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/**
 * Hallpass in the peers harness ({@code ../shared/peers-bench}): the filter on {@code /*} as a team would declare
 * it, with the default settings (OWASP Argon2id cost, deny by default, risk policy on, session cache on), on an
 * in-process H2 database. The subclasses differ by their settings only ({@link #settings()}) and, for PostgreSQL,
 * by their database ({@link #database()}); {@code -Dbench.h2=file} puts H2 in a file.
 *
 * <p>Before the load, every variant shows that its request really is authenticated: the harness checks a 200 with
 * the cookie and a 401 without it, on the measured path, and counts every status during the load.
 */
public abstract class HallpassVariant implements Variant {

    static final String RULES = """
            GET /app/hello = role:user
            GET /app/public/* = public
            """;
    static final String PASSWORD = "secret-password";

    /** Where the realm keeps its tables. */
    record Database(String url, String user, String password) {
    }

    /** The filter's init-params beyond the database and the rules: none means Hallpass's defaults. */
    protected Map<String, String> settings() {
        return Map.of();
    }

    /** The database: a fresh in-memory H2 (or a file with {@code -Dbench.h2=file}). */
    Database database() throws Exception {
        if ("file".equals(System.getProperty("bench.h2", "mem"))) {
            return new Database("jdbc:h2:file:" + bench.Main.baseDir().resolve("hallpass").toAbsolutePath(), null,
                    null);
        }
        return new Database("jdbc:h2:mem:hallpass-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", null, null);
    }

    @Override
    public void configure(Tomcat tomcat) throws Exception {
        Database db = database();
        try (Realm setup = Realm.builder().jdbcUrl(db.url()).credentials(db.user(), db.password())
                .schemaAction(SchemaAction.CREATE_IF_MISSING).build()) {
            var alice = setup.createAccount(Bench.USER, PASSWORD);
            setup.grantRole(alice.id(), Bench.ROLE, null, "bench");
        }
        Context ctx = Bench.rootContext(tomcat);
        FilterDef def = new FilterDef();
        def.setFilterName("hallpass");
        def.setFilterClass(HallpassFilter.class.getName());
        Map<String, String> params = new LinkedHashMap<>();
        params.put("jdbc-url", db.url());
        if (db.user() != null) {
            params.put("jdbc-user", db.user());
            params.put("jdbc-password", db.password() == null ? "" : db.password());
        }
        params.put("rules", RULES);
        params.putAll(settings());
        params.forEach(def::addInitParameter);
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

    @Override
    public String login(URI base) throws Exception {
        return signIn(base, "/auth/login", Bench.USER, PASSWORD);
    }

    /**
     * Signs in over a plain socket with the harness's {@code User-Agent} (the one wrk and curl send: a session
     * whose user agent changes is ended by the default risk policy) and answers the session cookie.
     */
    static String signIn(URI base, String loginPath, String user, String password) throws IOException {
        String body = "username=" + user + "&password=" + password;
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + loginPath + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nUser-Agent: " + Bench.USER_AGENT
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
