package io.hallpass.sample.account;

import io.hallpass.realm.AccountView;
import io.hallpass.realm.RoleGrant;
import io.hallpass.realm.SessionView;
import io.hallpass.sample.web.Chrome;
import io.hallpass.sample.web.Flash;
import io.hallpass.sample.web.Html;
import io.hallpass.sample.web.Layout;
import io.hallpass.sample.web.Times;
import io.hallpass.sample.web.UserAgents;
import java.time.Instant;
import java.util.List;

/** {@code /account}: profile and roles, this session, the password form, and the data export. */
public final class AccountPage {

    private AccountPage() {
    }

    public static Html render(Chrome chrome, AccountView account, List<RoleGrant> grants, SessionView current,
                              Instant now) {
        Html roles = grants.isEmpty()
                ? Html.trusted("<p class=\"empty\">No roles yet.</p>")
                : Html.format("<ul class=\"list\">{}</ul>", Html.each(grants, g -> roleLine(g, now)));
        Html export = Html.when(chrome.viewer() != null && chrome.viewer().has("customer"), Html.format("""
                <section class="card">
                  <h2>Your data</h2>
                  <p>Download everything Northwind keeps about you: profile, orders, payment methods (masked) and sessions.</p>
                  <p><a class="button button-ghost" href="{}">Download my data (JSON)</a></p>
                  <p class="hint">We may ask for your password again first.</p>
                </section>""", chrome.href("/account/export")));
        Html main = Html.format("""
                <section class="page-head"><h1>Your account</h1></section>
                <div class="grid grid-2">
                  <section class="card">
                    <h2>Profile</h2>
                    <dl class="facts">
                      <dt>Username</dt><dd>{}</dd>
                      <dt>Member since</dt><dd>{}</dd>
                      <dt>Password changed</dt><dd>{}</dd>
                    </dl>
                    <h3>Roles</h3>
                    {}
                  </section>
                  <section class="card">
                    <h2>This session</h2>
                    <dl class="facts">
                      <dt>Signed in</dt><dd>{}</dd>
                      <dt>From</dt><dd>{}</dd>
                      <dt>Device</dt><dd>{}</dd>
                      <dt>Password last entered</dt><dd>{}</dd>
                      <dt>Ends at the latest</dt><dd>{}</dd>
                    </dl>
                    {}
                    <p><a href="{}">See all your sessions →</a></p>
                  </section>
                </div>
                <div class="grid grid-2">
                  <section class="card">
                    <h2>Change password</h2>
                    <form method="post" action="{}" class="stack">
                      <label for="current">Current password</label>
                      <input id="current" name="current" type="password" autocomplete="current-password" required>
                      <label for="new">New password</label>
                      <input id="new" name="new" type="password" autocomplete="new-password" minlength="8" required>
                      <button type="submit" class="button">Change password</button>
                    </form>
                    <p class="hint">Changing your password signs you out on every other device.</p>
                  </section>
                  {}
                </div>""",
                account.username(), Times.date(account.createdAt()), Times.element(account.passwordChangedAt(), now),
                roles,
                Times.element(current.createdAt(), now),
                current.client().ip() == null ? "unknown" : current.client().ip(),
                Html.format("<span title=\"{}\">{}</span>", current.client().userAgent(),
                        UserAgents.describe(current.client().userAgent())),
                Times.element(current.lastAuthenticatedAt(), now),
                Times.absolute(current.absoluteExpiresAt()),
                Html.when(current.newDevice(), Html.trusted(
                        "<p class=\"flash flash-info\">This session was opened from a device you had not used before.</p>")),
                chrome.href("/account/sessions"), chrome.href("/account/password"), export);
        return Layout.page(chrome, "Your account", main);
    }

    static Html roleLine(RoleGrant grant, Instant now) {
        Html expiry;
        if (grant.expiresAt() == null) {
            expiry = Html.trusted("<span class=\"muted\">no end date</span>");
        } else if (grant.activeAt(now)) {
            expiry = Html.format("<span class=\"muted\">until {} ({})</span>", Times.absolute(grant.expiresAt()),
                    Times.relative(grant.expiresAt(), now));
        } else {
            expiry = Html.format("<span class=\"badge badge-muted\">expired {}</span>", Times.relative(grant.expiresAt(), now));
        }
        return Html.format("<li><span class=\"badge\">{}</span> {}</li>", grant.role(), expiry);
    }

    /** The flash message for {@code ?done=...} or {@code ?error=...} after a password change. */
    static Flash flash(String done, String error, String ended) {
        if ("password".equals(done)) {
            int count = count(ended);
            return Flash.success(count == 0 ? "Password changed."
                    : "Password changed. " + count + (count == 1 ? " other session was" : " other sessions were")
                    + " signed out.");
        }
        if ("current-password".equals(error)) {
            return Flash.error("The current password you entered is not right. Your password was not changed.");
        }
        return null;
    }

    static int count(String value) {
        if (value == null || !value.matches("\\d{1,4}")) {
            return 0;
        }
        return Integer.parseInt(value);
    }
}
