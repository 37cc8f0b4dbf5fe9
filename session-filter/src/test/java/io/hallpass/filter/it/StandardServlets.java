package io.hallpass.filter.it;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Servlets protected only by the standard {@code jakarta.annotation.security} annotations, as a team that already
 * uses them writes them: no Hallpass annotation, and no rule unless the suite adds one.
 */
public final class StandardServlets {

    private StandardServlets() {
    }

    /** Only {@code @RolesAllowed("admin")}. */
    @RolesAllowed("admin")
    public static class AdminOnly extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            TestServlets.PROTECTED_HITS.incrementAndGet();
            TestServlets.write(response, "TOP-SECRET roles-allowed " + TestServlets.who(request));
        }
    }

    /** {@code @DenyAll}: no one, whatever the role. */
    @DenyAll
    public static class Closed extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            TestServlets.PROTECTED_HITS.incrementAndGet();
            TestServlets.write(response, "TOP-SECRET deny-all");
        }
    }

    /** {@code @PermitAll}: anyone, unless a rule says more. */
    @PermitAll
    public static class Open extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            TestServlets.write(response, "permit-all " + TestServlets.who(request));
        }
    }
}
