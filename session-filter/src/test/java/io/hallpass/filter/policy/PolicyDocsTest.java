package io.hallpass.filter.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallpass.filter.annotation.RequireRole;
import io.hallpass.filter.annotation.Sensitive;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The start-up report printed in {@code docs/policy.md} is the one the code writes for the example there. */
class PolicyDocsTest {

    static final String RULES = String.join("\n",
            "GET \"\" = public",
            "GET /static/* = public",
            "GET,POST /login = public",
            "/account/* = authenticated",
            "POST /account/payout = role:customer, reauth:2m, idle:5m",
            "/reports/* = role:reporting | role:admin",
            "GET,POST /admin/* = role:admin",
            "DELETE /admin/* = role:admin, reauth:1m",
            "*.jsp = deny",
            "/internal/* = deny");

    @RequireRole("admin")
    static class AdminServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Sensitive(reauthWithin = "1m")
        @Override
        protected void doDelete(HttpServletRequest req, HttpServletResponse resp) {
        }
    }

    static class Plain extends HttpServlet {
        private static final long serialVersionUID = 1L;
    }

    static Policy example() throws PolicyException {
        List<ServletInfo> servlets = List.of(
                new ServletInfo("home", "com.example.HomeServlet", Plain.class, List.of("")),
                new ServletInfo("login", "com.example.LoginServlet", Plain.class, List.of("/login")),
                new ServletInfo("account", "com.example.AccountServlet", Plain.class, List.of("/account/*")),
                new ServletInfo("payout", "com.example.PayoutServlet", PolicyAnnotationsTest.PayoutServlet.class,
                        List.of("/account/payout")),
                new ServletInfo("reports", "com.example.ReportsServlet", PolicyAnnotationsTest.ReportsServlet.class,
                        List.of("/reports/*")),
                new ServletInfo("admin", "com.example.AdminServlet", AdminServlet.class, List.of("/admin/*")),
                new ServletInfo("legacy", "com.example.LegacyServlet", Plain.class, List.of("/legacy/*", "/old")),
                new ServletInfo("jsp", "org.apache.jasper.servlet.JspServlet", null, List.of("*.jsp", "*.jspx")),
                new ServletInfo("default", "org.apache.catalina.servlets.DefaultServlet", null, List.of("/")));
        return Policy.compile(new RuleSource("/WEB-INF/hallpass-rules.txt", RULES), servlets,
                List.of("/static/site.css", "/static/logo.svg", "/WEB-INF/web.xml"), PolicySettings.defaults());
    }

    @Test
    void theDocumentedStartUpReportIsTheOneTheCodeWrites() throws Exception {
        String doc = Files.readString(Path.of("docs/policy.md"), StandardCharsets.UTF_8);
        String marker = "rules of the example file above (without";
        int at = doc.indexOf(marker);
        assertTrue(at >= 0, "docs/policy.md lost its example report");
        int start = doc.indexOf("```\n", at) + 4;
        int end = doc.indexOf("```\n", start);
        assertEquals(doc.substring(start, end), String.join("\n", example().describe()) + "\n");
    }
}
