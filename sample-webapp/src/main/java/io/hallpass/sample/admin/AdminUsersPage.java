package io.hallpass.sample.admin;

import io.hallpass.realm.RoleGrant;
import io.hallpass.realm.RoleNames;
import io.hallpass.realm.SessionLimit;
import io.hallpass.sample.web.Chrome;
import io.hallpass.sample.web.Flash;
import io.hallpass.sample.web.Html;
import io.hallpass.sample.web.Layout;
import io.hallpass.sample.web.Paths;
import io.hallpass.sample.web.Times;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code /admin/users}: every account with its state, roles and live sessions (against the limit, when the realm
 * has one), and the forms to disable or enable it, grant or revoke a role (optionally until a set time), and sign
 * it out everywhere.
 */
public final class AdminUsersPage {

    /** Roles the portal's rules know, offered as suggestions in the role field. */
    static final List<String> KNOWN_ROLES = List.of("customer", "support", "reporting", "admin");

    private AdminUsersPage() {
    }

    public static Html render(Chrome chrome, List<UserRow> users, Optional<SessionLimit> limit, Instant now) {
        String me = chrome.viewer() == null ? null : chrome.viewer().username();
        Html rows = Html.each(users, u -> row(chrome, u, u.account().username().equals(me), limit, now));
        Html options = Html.each(KNOWN_ROLES, r -> Html.format("<option value=\"{}\">", r));
        Html main = Html.format("""
                <section class="page-head page-head-row">
                  <div><h1>Users</h1>
                  <p class="muted">Changes take effect on the user’s very next request. Disabling, enabling and
                  role changes ask for your password again if you entered it a while ago.</p></div>
                  <div class="button-row"><a class="button button-ghost" href="{}">Audit trail</a>
                  <a class="button button-ghost" href="{}">Effective policy</a></div>
                </section>
                <datalist id="known-roles">{}</datalist>
                <section class="card">
                  <table class="table users">
                    <thead><tr><th>User</th><th>Status</th><th>Roles</th><th class="num">{}</th><th>Actions</th></tr></thead>
                    <tbody>{}</tbody>
                  </table>
                </section>""", chrome.href("/admin/audit"), chrome.href("/admin/policy"), options,
                limit.isEmpty() ? "Sessions" : "Sessions / limit", rows);
        return Layout.page(chrome, "Users", main);
    }

    private static Html row(Chrome chrome, UserRow user, boolean self, Optional<SessionLimit> limit, Instant now) {
        String name = user.account().username();
        String base = "/admin/users/" + Paths.segment(name);
        Html status = user.account().enabled()
                ? Html.trusted("<span class=\"badge badge-ok\">Active</span>")
                : Html.trusted("<span class=\"badge badge-danger\">Disabled</span>");
        Html roles = user.grants().isEmpty()
                ? Html.trusted("<span class=\"muted\">none</span>")
                : Html.each(user.grants(), g -> grant(g, now));
        Html toggle = self ? Html.trusted("<span class=\"badge badge-info\">You</span>")
                : user.account().enabled()
                ? Html.format("""
                        <form method="post" action="{}" class="inline"><button type="submit" class="button button-small button-danger">Disable</button></form>""",
                        chrome.href(base + "/disable"))
                : Html.format("""
                        <form method="post" action="{}" class="inline"><button type="submit" class="button button-small">Enable</button></form>""",
                        chrome.href(base + "/enable"));
        return Html.format("""
                <tr>
                  <td><span class="avatar avatar-small" aria-hidden="true">{}</span> <strong>{}</strong>
                    <div class="muted small">since {}</div></td>
                  <td>{}</td>
                  <td class="roles">{}</td>
                  <td class="num">{}</td>
                  <td class="actions-cell">
                    <div class="button-row">{}
                      <form method="post" action="{}" class="inline"><button type="submit" class="button button-small button-ghost">Sign out everywhere</button></form>
                    </div>
                    <form method="post" action="{}" class="role-form">
                      <input name="role" list="known-roles" placeholder="role" aria-label="Role for {}" required>
                      <select name="action" aria-label="Grant or revoke">
                        <option value="grant">grant</option><option value="revoke">revoke</option>
                      </select>
                      <input name="expiresAt" placeholder="until (optional) 2030-01-31T17:00:00Z" aria-label="Expires at (ISO-8601)">
                      <button type="submit" class="button button-small">Apply</button>
                    </form>
                  </td>
                </tr>""",
                initial(name), name, Times.date(user.account().createdAt()), status, roles,
                limit.map(l -> user.liveSessions() + " / " + l.max()).orElse(Integer.toString(user.liveSessions())),
                toggle, chrome.href(base + "/revoke-sessions"), chrome.href(base + "/roles"), name);
    }

    private static Html grant(RoleGrant grant, Instant now) {
        if (grant.expiresAt() == null) {
            return Html.format("<span class=\"badge\">{}</span> ", grant.role());
        }
        if (grant.activeAt(now)) {
            return Html.format("<span class=\"badge badge-warn\" title=\"until {}\">{} · {}</span> ", Times.absolute(grant.expiresAt()),
                    grant.role(), "ends " + Times.relative(grant.expiresAt(), now));
        }
        return Html.format("<span class=\"badge badge-muted\" title=\"expired {}\">{} · expired</span> ",
                Times.absolute(grant.expiresAt()), grant.role());
    }

    private static String initial(String name) {
        return name.isEmpty() ? "?" : new String(Character.toChars(Character.toUpperCase(name.codePointAt(0))));
    }

    /**
     * The message after a change. The user and role named in the query are shown only if they are a listed
     * account and a well-formed role, so a crafted link cannot put words in the portal's mouth.
     */
    static Flash flash(String done, String user, String role, String ended, List<UserRow> users) {
        if (done == null) {
            return null;
        }
        String who = users.stream().map(u -> u.account().username()).filter(n -> n.equals(user)).findFirst()
                .orElse("The user");
        String what = RoleNames.isValid(role) ? role : "the role";
        return switch (done) {
            case "disabled" -> Flash.success(who + " was disabled and signed out everywhere.");
            case "enabled" -> Flash.success(who + " was enabled.");
            case "granted" -> Flash.success(who + " now has " + what + ".");
            case "revoked" -> Flash.success(who + " no longer has " + what + ".");
            case "signed-out" -> Flash.success(who + " was signed out of "
                    + (ended != null && ended.matches("\\d{1,4}") ? ended : "all") + " session(s).");
            default -> null;
        };
    }
}
