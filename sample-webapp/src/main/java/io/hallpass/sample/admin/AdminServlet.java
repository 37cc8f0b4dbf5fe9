package io.hallpass.sample.admin;

import io.hallpass.filter.Hallpass;
import io.hallpass.filter.annotation.RequireRole;
import io.hallpass.filter.policy.PolicyReport;
import io.hallpass.realm.AccountView;
import io.hallpass.realm.Realm;
import io.hallpass.realm.SessionView;
import io.hallpass.sample.web.Chrome;
import io.hallpass.sample.web.Json;
import io.hallpass.sample.web.PortalServlet;
import io.hallpass.sample.web.Problem;
import io.hallpass.sample.web.Replies;
import io.hallpass.sample.web.Section;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The admin area, {@code /admin/*}, for the {@code admin} role:
 * <ul>
 *   <li>{@code GET /admin/users}: the accounts; {@code GET /admin/audit}: the audit trail;
 *       {@code GET /admin/policy}: the effective policy and its gaps;</li>
 *   <li>{@code POST /admin/users/{name}/revoke-sessions}: signs the user out everywhere;</li>
 *   <li>{@code POST /admin/users/{name}/disable}, {@code /enable}, {@code /roles}: forwarded to
 *       {@link AccountChangesServlet}, which the rules mark as needing a recent password.</li>
 * </ul>
 * Why the forward: the sensitive and the ordinary actions share the URL space {@code /admin/users/*}, and a
 * servlet {@code url-pattern} cannot tell {@code .../disable} from {@code .../revoke-sessions}. Forwarding the
 * sensitive ones to a servlet of their own lets the policy say so; the filter checks forward dispatches too.
 */
@RequireRole("admin")
public final class AdminServlet extends PortalServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern USER_ACTION =
            Pattern.compile("/users/([^/]+)/(disable|enable|roles|revoke-sessions)");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        switch (path) {
            case "", "/" -> Replies.seeOther(request, response, "/admin/users");
            case "/users" -> users(request, response);
            case "/audit" -> Replies.html(response, 200,
                    AuditPage.render(chrome(request, Section.ADMIN), realm().auditTrail(null, 100), now()));
            case "/policy" -> policy(request, response);
            default -> throw Problem.notFound("no such page");
        }
    }

    private void users(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Realm realm = realm();
        List<UserRow> rows = realm.listAccounts().stream()
                .map(a -> new UserRow(a, realm.listGrants(a.id()), realm.listSessions(a.id()).size()))
                .toList();
        Chrome chrome = chrome(request, Section.ADMIN).withFlash(AdminUsersPage.flash(request.getParameter("done"),
                request.getParameter("user"), request.getParameter("role"), request.getParameter("ended"), rows));
        Replies.html(response, 200, AdminUsersPage.render(chrome, rows, realm.sessionLimit(), now()));
    }

    /** The report the filter compiled at start-up, with the roles checked against the accounts as they are now. */
    private void policy(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Set<String> held = new HashSet<>();
        int enabled = 0;
        for (AccountView account : realm().listAccounts()) {
            if (account.enabled()) {
                enabled++;
                held.addAll(account.roles());
            }
        }
        PolicyReport report = Hallpass.policyReport(getServletContext()).withRolesHeld(held);
        Replies.html(response, 200, PolicyPage.render(chrome(request, Section.ADMIN), report, enabled));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        Matcher m = USER_ACTION.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!m.matches()) {
            throw Problem.notFound("no such action");
        }
        String name = m.group(1);
        String action = m.group(2);
        if (!action.equals("revoke-sessions")) {
            request.setAttribute(AccountChangesServlet.TARGET_USER, name);
            request.getRequestDispatcher("/admin/account-changes/" + action).forward(request, response);
            return;
        }
        AccountView target = AccountChangesServlet.find(realm(), name);
        SessionView me = session(request);
        int ended = realm().revokeAllSessions(target.id(), "signed out by administrator " + me.username());
        if (Replies.wantsJson(request)) {
            Replies.json(response, 200, Json.object("username", target.username(), "sessionsEnded", ended));
        } else {
            Replies.seeOther(request, response, AccountChangesServlet.back("signed-out", target.username(), null)
                    + "&ended=" + ended);
        }
    }
}
