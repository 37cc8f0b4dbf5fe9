package io.hallpass.sample.account;

import io.hallpass.realm.SessionLimit;
import io.hallpass.realm.SessionView;
import io.hallpass.sample.web.Chrome;
import io.hallpass.sample.web.Flash;
import io.hallpass.sample.web.Html;
import io.hallpass.sample.web.Json;
import io.hallpass.sample.web.Layout;
import io.hallpass.sample.web.Paths;
import io.hallpass.sample.web.Times;
import io.hallpass.sample.web.UserAgents;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /account/sessions}: every live session of the signed-in account, the current one marked, with a
 * button to end each of the others and one to end them all, and "n of N sessions" when the realm limits them.
 * The same list is served as JSON.
 */
public final class SessionsPage {

    private SessionsPage() {
    }

    public static Html render(Chrome chrome, List<SessionView> sessions, String currentId,
                              Optional<SessionLimit> limit, Instant now) {
        long others = sessions.stream().filter(s -> !s.publicId().equals(currentId)).count();
        Html rows = Html.each(sessions, s -> row(chrome, s, s.publicId().equals(currentId), now));
        Html everywhere = others == 0
                ? Html.trusted("<p class=\"muted\">You are not signed in anywhere else.</p>")
                : Html.format("""
                        <form method="post" action="{}" class="inline">
                          <button type="submit" class="button button-danger">Sign out everywhere else</button>
                        </form>""", chrome.href("/account/sessions/revoke-others"));
        Html main = Html.format("""
                <nav class="crumbs"><a href="{}">Account</a> › Sessions</nav>
                <section class="page-head page-head-row">
                  <div><h1>Where you’re signed in</h1>
                  <p class="muted">If you don’t recognise a device, sign it out and change your password.</p>{}</div>
                  <div>{}</div>
                </section>
                <section class="card">
                  <table class="table sessions">
                    <thead><tr><th>Device</th><th>IP address</th><th>Signed in</th><th>Last active</th><th></th></tr></thead>
                    <tbody>{}</tbody>
                  </table>
                </section>""", chrome.href("/account"), limitLine(sessions.size(), limit), everywhere, rows);
        return Layout.page(chrome, "Sessions", main);
    }

    /** "2 of 3 sessions", and what one more sign-in would do, when the realm limits an account's sessions. */
    static Html limitLine(int live, Optional<SessionLimit> limit) {
        if (limit.isEmpty()) {
            return Html.trusted("");
        }
        int max = limit.get().max();
        return Html.format("<p class=\"session-limit\"><strong>{} of {} sessions</strong>. {}</p>", live, max,
                limit.get().policy() == SessionLimit.Policy.END_OLDEST
                        ? "Signing in on another device will sign out the oldest one."
                        : "At the limit, signing in on another device is refused until you sign out here.");
    }

    private static Html row(Chrome chrome, SessionView s, boolean current, Instant now) {
        Html action = current
                ? Html.trusted("<span class=\"badge badge-ok\">This device</span>")
                : Html.format("""
                        <form method="post" action="{}" class="inline">
                          <button type="submit" class="button button-small button-ghost">Sign out</button>
                        </form>""", chrome.href("/account/sessions/" + Paths.segment(s.publicId()) + "/revoke"));
        return Html.format("""
                <tr{}><td><span class="device">{}</span><span class="ua" title="{}">{}</span></td>
                <td><code>{}</code></td><td>{}</td><td>{}</td><td class="actions-cell">{}</td></tr>""",
                Html.trusted(current ? " class=\"current\"" : ""),
                UserAgents.describe(s.client().userAgent()), s.client().userAgent(),
                s.client().userAgent() == null ? "no user agent" : s.client().userAgent(),
                s.client().ip() == null ? "unknown" : s.client().ip(),
                Times.element(s.createdAt(), now), Times.element(s.lastSeenAt(), now), action);
    }

    /**
     * The JSON form: a list of objects with {@code id}, {@code current}, {@code createdAt}, {@code lastSeenAt},
     * {@code lastAuthenticatedAt}, {@code expiresAt}, {@code ip}, {@code userAgent}, {@code device} and
     * {@code newDevice}.
     */
    public static List<Map<String, Object>> json(List<SessionView> sessions, String currentId) {
        return sessions.stream().map(s -> Json.object(
                "id", s.publicId(),
                "current", s.publicId().equals(currentId),
                "createdAt", s.createdAt(),
                "lastSeenAt", s.lastSeenAt(),
                "lastAuthenticatedAt", s.lastAuthenticatedAt(),
                "expiresAt", s.idleExpiresAt().isBefore(s.absoluteExpiresAt()) ? s.idleExpiresAt() : s.absoluteExpiresAt(),
                "ip", s.client().ip(),
                "userAgent", s.client().userAgent(),
                "device", UserAgents.describe(s.client().userAgent()),
                "newDevice", s.newDevice())).toList();
    }

    static Flash flash(String done, String ended) {
        if ("revoked".equals(done)) {
            return Flash.success("That session was signed out.");
        }
        if ("others".equals(done)) {
            int count = AccountPage.count(ended);
            return Flash.success(count == 1 ? "Signed out 1 other session." : "Signed out " + count + " other sessions.");
        }
        return null;
    }
}
