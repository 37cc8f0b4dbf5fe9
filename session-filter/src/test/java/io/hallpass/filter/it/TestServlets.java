package io.hallpass.filter.it;

import io.hallpass.filter.annotation.RequireRole;
import io.hallpass.filter.annotation.Sensitive;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

/** The servlets of the test application. Each answers with text that says who it thinks is calling. */
public final class TestServlets {

    /** Counts every request that reached any protected servlet: bypass tests assert it does not move. */
    public static final AtomicInteger PROTECTED_HITS = new AtomicInteger();

    private TestServlets() {
    }

    static void write(HttpServletResponse response, String text) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(text);
    }

    static String who(HttpServletRequest request) {
        return "user=" + request.getRemoteUser() + " admin=" + request.isUserInRole("admin")
                + " customer=" + request.isUserInRole("customer") + " any=" + request.isUserInRole("**")
                + " auth=" + request.getAuthType()
                + " principal=" + (request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName())
                + " risk=" + io.hallpass.filter.Hallpass.risk(request)
                        .map(r -> new java.util.TreeSet<>(r.signals()).toString()).orElse("-");
    }

    /** Mapped to "/": answers any path that reaches it. */
    public static class Echo extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            write(response, "echo " + request.getMethod() + " " + request.getServletPath()
                    + (request.getPathInfo() == null ? "" : request.getPathInfo()) + " " + who(request));
        }
    }

    /** A protected area: its answer carries a marker no refused request may ever see. */
    public static class Secret extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            PROTECTED_HITS.incrementAndGet();
            write(response, "TOP-SECRET " + request.getMethod() + " " + who(request));
        }
    }

    /** Protected by annotation only: reporting role; posting is sensitive (default window). */
    @RequireRole("reporting")
    public static class Reports extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            PROTECTED_HITS.incrementAndGet();
            write(response, "TOP-SECRET report " + who(request));
        }

        @Override
        @Sensitive
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            PROTECTED_HITS.incrementAndGet();
            write(response, "TOP-SECRET report saved " + who(request));
        }
    }

    /** Reading the form is calm; paying out demands a password entered within two minutes. */
    public static class Payout extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            write(response, "payout form " + who(request));
        }

        @Override
        @Sensitive(reauthWithin = "2m")
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            PROTECTED_HITS.incrementAndGet();
            write(response, "TOP-SECRET paid " + request.getParameter("amount") + " " + who(request));
        }
    }

    /** Sensitive as a whole class: every method needs a password entered within a minute. */
    @io.hallpass.filter.annotation.Sensitive(reauthWithin = "1m")
    public static class Export extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            PROTECTED_HITS.incrementAndGet();
            write(response, "TOP-SECRET export " + who(request));
        }
    }

    /** A public page that forwards to the path in {@code ?to=}. */
    public static class Forwarder extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response)
                throws IOException, ServletException {
            request.getRequestDispatcher(request.getParameter("to")).forward(request, response);
        }
    }

    /**
     * A public page that goes asynchronous and dispatches to the path in {@code ?to=}: with the container's own
     * request ({@code startAsync()}), or with the request as the filter handed it ({@code ?wrapped=1}).
     */
    public static class AsyncDispatcher extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) {
            jakarta.servlet.AsyncContext async = request.getParameter("wrapped") != null
                    ? request.startAsync(request, response) : request.startAsync();
            async.dispatch(request.getParameter("to"));
        }
    }

    /** A public page that forwards to the servlet named in {@code ?to=}, by name. */
    public static class NamedForwarder extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response)
                throws IOException, ServletException {
            getServletContext().getNamedDispatcher(request.getParameter("to")).forward(request, response);
        }
    }

    /** Reached only by name: says what it was dispatched as and who it thinks is calling. */
    public static class NamedTarget extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            write(response, "named target " + request.getDispatcherType() + " " + who(request) + " path="
                    + request.getServletPath() + " mapping=" + request.getHttpServletMapping().getServletName());
        }
    }

    /** A public page that includes the path in {@code ?to=} between two markers. */
    public static class Includer extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response)
                throws IOException, ServletException {
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("before|");
            request.getRequestDispatcher(request.getParameter("to")).include(request, response);
            response.getWriter().write("|after");
        }
    }

    /** The application's own 403 error page; like many layouts, it shows what the container session holds. */
    public static class ForbiddenPage extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            jakarta.servlet.http.HttpSession session = request.getSession(false);
            write(response, "Custom forbidden page" + (session == null ? "" : " note=" + session.getAttribute("note"))
                    + (request.getAttribute(io.hallpass.filter.Hallpass.SESSION_ATTRIBUTE)
                            instanceof io.hallpass.realm.SessionView view ? " signed-in=" + view.username() : ""));
        }
    }

    /**
     * Hallpass's request attributes as the application reads them, by name: {@code ?logout} signs out in between,
     * {@code ?plant} first asks {@code Hallpass.session} with the container's own request (which stores the view
     * there), {@code ?deny} answers the application's own 403 (its error page runs next).
     */
    public static class Attributes extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response)
                throws IOException, jakarta.servlet.ServletException {
            if (request.getParameter("deny") != null) {
                response.sendError(403);
                return;
            }
            if (request.getParameter("plant") != null && request instanceof jakarta.servlet.ServletRequestWrapper w) {
                io.hallpass.filter.Hallpass.session(w.getRequest()); // leaves the view in the container's own map
            }
            String before = attributes(request);
            if (request.getParameter("logout") != null) {
                request.logout();
                before += " | after logout " + attributes(request);
            }
            write(response, before);
        }

        static String attributes(HttpServletRequest request) {
            Object session = request.getAttribute(io.hallpass.filter.Hallpass.SESSION_ATTRIBUTE);
            java.util.List<String> names = java.util.Collections.list(request.getAttributeNames());
            return "session=" + (session instanceof io.hallpass.realm.SessionView v ? v.username() : session)
                    + " risk=" + (request.getAttribute(io.hallpass.filter.Hallpass.RISK_ATTRIBUTE) != null)
                    + " listed=" + names.contains(io.hallpass.filter.Hallpass.SESSION_ATTRIBUTE);
        }
    }

    /** Programmatic security: {@code request.login()} on POST, {@code request.logout()} on DELETE. */
    public static class Programmatic extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            try {
                request.login(request.getHeader("X-User"), request.getHeader("X-Password"));
                write(response, "logged in " + who(request));
            } catch (ServletException e) {
                response.setStatus(401);
                write(response, "login failed: " + e.getMessage());
            }
        }

        @Override
        protected void doDelete(HttpServletRequest request, HttpServletResponse response)
                throws IOException, ServletException {
            request.logout();
            write(response, "logged out " + who(request));
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response)
                throws IOException, ServletException {
            boolean ok = request.authenticate(response);
            if (ok) {
                write(response, "authenticated " + who(request));
            }
        }
    }

    /**
     * Keeps a note in the container's {@code HttpSession}, as applications keep per-user data there: {@code ?put=}
     * stores it (creating the session), otherwise it shows the note the session holds. It never asks who is signed
     * in, so what it shows comes from the container session alone.
     */
    public static class Notes extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String put = request.getParameter("put");
            if (put != null) {
                request.getSession(true).setAttribute("note", put);
                write(response, "stored");
                return;
            }
            jakarta.servlet.http.HttpSession session = request.getSession(false);
            write(response, "note=" + (session == null ? null : session.getAttribute("note")));
        }
    }

    /** A public page with its own caching, which never asks who is signed in. */
    public static class Cacheable extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setHeader("Cache-Control", "public, max-age=60");
            write(response, "the same for everyone");
        }
    }

    /** A public page with its own caching that greets the signed-in user through {@code Hallpass.session}. */
    public static class Greeting extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setHeader("Cache-Control", "public, max-age=60");
            write(response, "hello " + io.hallpass.filter.Hallpass.session(request).map(s -> s.username()).orElse("guest"));
        }
    }

    /**
     * The holder's password change through {@code Hallpass.changePassword}: {@code POST} with the form fields
     * {@code current} and {@code new}.
     */
    public static class PasswordChanger extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            io.hallpass.realm.PasswordChange outcome;
            try {
                outcome = io.hallpass.filter.Hallpass.changePassword(request, response,
                        request.getParameter("current"), request.getParameter("new"));
            } catch (io.hallpass.realm.InvalidInputException e) {
                // as Hallpass.changePassword documents: a password its rules refuse, named without its value
                response.setStatus(400);
                write(response, "not changed: " + e.getMessage());
                return;
            } catch (IllegalStateException e) {
                // the container could not parse the form (Tomcat and Jetty throw from getParameter)
                response.setStatus(400);
                write(response, "not changed: the form cannot be read");
                return;
            }
            if (outcome instanceof io.hallpass.realm.PasswordChange.Changed changed) {
                write(response, "changed, other sessions ended: " + changed.otherSessionsRevoked() + " " + who(request));
            } else {
                response.setStatus(outcome instanceof io.hallpass.realm.PasswordChange.Rejected ? 400
                        : outcome instanceof io.hallpass.realm.PasswordChange.Locked ? 429 : 503);
                write(response, "not changed: " + outcome.getClass().getSimpleName());
            }
        }
    }

    /** Uses the container's HttpSession and asks the response to encode a URL. */
    public static class UrlRewriting extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            request.getSession(true).setAttribute("x", "y");
            write(response, response.encodeURL("/next") + " " + response.encodeRedirectURL("/after"));
        }
    }
}
