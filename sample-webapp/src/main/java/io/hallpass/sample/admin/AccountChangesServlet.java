package io.hallpass.sample.admin;

import io.hallpass.filter.annotation.RequireRole;
import io.hallpass.realm.AccountView;
import io.hallpass.realm.Realm;
import io.hallpass.realm.RoleGrant;
import io.hallpass.realm.SessionView;
import io.hallpass.sample.web.Json;
import io.hallpass.sample.web.Paths;
import io.hallpass.sample.web.PortalServlet;
import io.hallpass.sample.web.Problem;
import io.hallpass.sample.web.Replies;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.TreeSet;

/**
 * The sensitive account changes of the admin area: disable, enable, and grant or revoke a role. Reached only
 * by a forward from {@link AdminServlet} ({@code POST /admin/users/{name}/disable} and so on); its own path,
 * {@code /admin/account-changes/*}, carries the rule {@code role:admin, reauth} in {@code hallpass-rules.txt},
 * so the filter asks for the password again before any of these runs with a stale session.
 */
@RequireRole("admin")
public final class AccountChangesServlet extends PortalServlet {

    private static final long serialVersionUID = 1L;

    /** Request attribute with the target username, set by {@link AdminServlet} before forwarding. */
    static final String TARGET_USER = AccountChangesServlet.class.getName() + ".user";

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object name = request.getAttribute(TARGET_USER);
        if (request.getDispatcherType() != DispatcherType.FORWARD || !(name instanceof String username)) {
            // not part of the public URL space: only reachable through /admin/users/{name}/...
            throw Problem.notFound("no such action");
        }
        SessionView me = session(request);
        Realm realm = realm();
        AccountView target = find(realm, username);
        String action = request.getPathInfo() == null ? "" : request.getPathInfo();
        switch (action) {
            case "/disable", "/enable" -> {
                boolean enable = action.equals("/enable");
                if (!enable && target.id() == me.accountId()) {
                    throw Problem.badRequest("you cannot disable your own account");
                }
                realm.setEnabled(target.id(), enable, me.username());
                if (Replies.wantsJson(request)) {
                    Replies.json(response, 200, Json.object("username", target.username(), "enabled", enable));
                } else {
                    Replies.seeOther(request, response, back(enable ? "enabled" : "disabled", target.username(), null));
                }
            }
            case "/roles" -> roles(request, response, realm, me, target);
            default -> throw Problem.notFound("no such action");
        }
    }

    private void roles(HttpServletRequest request, HttpServletResponse response, Realm realm, SessionView me,
                       AccountView target) throws IOException {
        Instant now = realm.clock().instant();
        RoleChange change = RoleChange.parse(request.getParameter("role"), request.getParameter("action"),
                request.getParameter("expiresAt"), now);
        boolean changed;
        if (change.grant()) {
            changed = realm.grantRole(target.id(), change.role(), change.expiresAt(), me.username());
        } else {
            if (target.id() == me.accountId() && change.role().equals("admin")) {
                throw Problem.badRequest("you cannot revoke your own admin role");
            }
            changed = realm.revokeRole(target.id(), change.role(), me.username());
        }
        if (Replies.wantsJson(request)) {
            TreeSet<String> roles = new TreeSet<>();
            for (RoleGrant grant : realm.listGrants(target.id())) {
                if (grant.activeAt(now)) {
                    roles.add(grant.role());
                }
            }
            Replies.json(response, 200, Json.object("username", target.username(), "role", change.role(),
                    "action", change.grant() ? "grant" : "revoke", "expiresAt", change.expiresAt(),
                    "changed", changed, "roles", roles));
        } else {
            Replies.seeOther(request, response, back(change.grant() ? "granted" : "revoked", target.username(),
                    change.role()));
        }
    }

    /** The account named in the path, or 404. */
    static AccountView find(Realm realm, String username) {
        return realm.findAccount(username).orElseThrow(() -> Problem.notFound("there is no such user"));
    }

    /** The admin page with a flash flag, e.g. {@code /admin/users?done=disabled&user=sam}. */
    static String back(String done, String username, String role) {
        return "/admin/users?done=" + done + "&user=" + Paths.query(username)
                + (role == null ? "" : "&role=" + Paths.query(role));
    }
}
