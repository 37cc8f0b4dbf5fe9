package io.hallpass.filter.it.attack;

import io.hallpass.filter.Hallpass;
import io.hallpass.filter.it.TestApp;
import io.hallpass.realm.Realm;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The application the property suites attack: one servlet per kind of url-pattern (context root, default, exact,
 * prefix, a longer prefix inside a shorter one, an exact path inside a prefix, an extension, a prefix that beats
 * an extension), and exactly one rule per servlet mapping, with the same pattern. So the pattern the policy
 * selects for a path must be the pattern the container selected to dispatch it: the servlet echoes the
 * container's {@link HttpServletMapping}, and the suite compares.
 */
final class ProbeApp {

    /** Who may pass a rule, written apart from the rule text: the oracle the suites judge answers by. */
    enum Client {
        ANONYMOUS, SIGNED_IN_WITHOUT_ROLE, ADMIN
    }

    /**
     * One servlet mapping and its rule.
     *
     * @param pattern     the url-pattern, as the container reports it ({@code ""} for the context root)
     * @param requirement the rule's requirement
     * @param servlet     the servlet's name
     * @param admits      the clients the rule lets through (ADMIN holds the roles admin and customer)
     */
    record Mapping(String pattern, String requirement, String servlet, List<Client> admits) {
    }

    static final List<Client> EVERYONE = List.of(Client.ANONYMOUS, Client.SIGNED_IN_WITHOUT_ROLE, Client.ADMIN);
    static final List<Client> SIGNED_IN = List.of(Client.SIGNED_IN_WITHOUT_ROLE, Client.ADMIN);
    static final List<Client> ADMIN_ONLY = List.of(Client.ADMIN);

    /** The mappings, in rule-line order (line 1 is the first). */
    static final List<Mapping> MAPPINGS = List.of(
            new Mapping("", "public", "root", EVERYONE),
            new Mapping("/", "authenticated", "default", SIGNED_IN),
            new Mapping("/public/*", "public", "public", EVERYONE),
            new Mapping("/public/admin", "role:admin", "public-admin", ADMIN_ONLY),
            new Mapping("/account/*", "authenticated", "account", SIGNED_IN),
            new Mapping("/account/export", "role:customer", "account-export", ADMIN_ONLY),
            new Mapping("/admin/*", "role:admin", "admin", ADMIN_ONLY),
            new Mapping("/admin/public/*", "public", "admin-public", EVERYONE),
            new Mapping("*.pdf", "role:admin", "pdf", ADMIN_ONLY),
            new Mapping("/docs/*", "public", "docs", EVERYONE),
            new Mapping("/closed/*", "deny", "closed", List.of()),
            new Mapping("/api", "authenticated", "api", SIGNED_IN));

    /** Counts every request that reached any probe servlet: a refused request must not move it. */
    static final AtomicInteger HITS = new AtomicInteger();

    private ProbeApp() {
    }

    /** The rule text: one line per mapping, every method. */
    static String rules() {
        StringBuilder text = new StringBuilder();
        for (Mapping m : MAPPINGS) {
            text.append(m.pattern().isEmpty() ? "\"\"" : m.pattern()).append(" = ").append(m.requirement()).append('\n');
        }
        return text.toString();
    }

    /** The mapping of rule line {@code line} (1-based). */
    static Mapping ofLine(int line) {
        return MAPPINGS.get(line - 1);
    }

    static TestApp application(Realm realm) {
        TestApp app = new TestApp();
        for (Mapping m : MAPPINGS) {
            app.servlet(m.servlet(), new Probe(), m.pattern());
        }
        return app.param("rules", rules()).onStart(context -> context.setAttribute(Hallpass.REALM_ATTRIBUTE, realm));
    }

    /** What a probe servlet answered, parsed; null if the body is not a probe's. */
    record Echo(String servlet, String pattern, String match, String servletPath, String pathInfo, String user) {

        static Echo parse(String body) {
            if (!body.startsWith("PROBE\n")) {
                return null;
            }
            String[] f = body.split("\n", -1);
            return new Echo(f[1], f[2], f[3], f[4], "null".equals(f[5]) ? null : f[5], f[6]);
        }
    }

    /** Answers, one per line, the container's mapping of the request and who the filter says is calling. */
    static final class Probe extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            HITS.incrementAndGet();
            HttpServletMapping mapping = request.getHttpServletMapping();
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("PROBE\n" + mapping.getServletName() + "\n" + mapping.getPattern() + "\n"
                    + mapping.getMappingMatch() + "\n" + request.getServletPath() + "\n" + request.getPathInfo() + "\n"
                    + request.getRemoteUser());
        }
    }
}
