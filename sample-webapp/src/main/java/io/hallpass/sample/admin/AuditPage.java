package io.hallpass.sample.admin;

import io.hallpass.realm.AuditEvent;
import io.hallpass.sample.web.Chrome;
import io.hallpass.sample.web.Html;
import io.hallpass.sample.web.Layout;
import io.hallpass.sample.web.Times;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** {@code /admin/audit}: the newest events of the realm's audit trail. */
public final class AuditPage {

    private AuditPage() {
    }

    public static Html render(Chrome chrome, List<AuditEvent> events, Instant now) {
        Html rows = events.isEmpty()
                ? Html.trusted("<tr><td colspan=\"6\" class=\"empty\">Nothing recorded yet.</td></tr>")
                : Html.each(events, e -> Html.format("""
                        <tr><td>{}</td><td><span class="badge {}">{}</span></td><td>{}</td><td><code>{}</code></td><td>{}</td><td>{}</td></tr>""",
                        Times.element(e.at(), now), tone(e.type()), label(e.type()),
                        e.username() == null ? "—" : e.username(), e.ip() == null ? "—" : e.ip(),
                        e.sessionPublicId() == null ? "—" : e.sessionPublicId(), e.detail() == null ? "" : e.detail()));
        Html main = Html.format("""
                <nav class="crumbs"><a href="{}">Users</a> › Audit trail</nav>
                <section class="page-head"><h1>Audit trail</h1>
                <p class="muted">The latest {} events. Tokens and passwords are never recorded.</p></section>
                <section class="card">
                  <table class="table audit">
                    <thead><tr><th>When</th><th>Event</th><th>User</th><th>IP</th><th>Session</th><th>Detail</th></tr></thead>
                    <tbody>{}</tbody>
                  </table>
                </section>""", chrome.href("/admin/users"), events.size(), rows);
        return Layout.page(chrome, "Audit trail", main);
    }

    static String label(AuditEvent.Type type) {
        String words = type.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static String tone(AuditEvent.Type type) {
        return switch (type) {
            case LOGIN_FAILED, LOGIN_LOCKED, REAUTH_FAILED, RISK_SIGNAL, ACCOUNT_DISABLED -> "badge-danger";
            case NEW_DEVICE, STEP_UP_REQUIRED, SESSION_REVOKED, SESSION_EXPIRED, ROLE_REVOKED -> "badge-warn";
            case LOGIN_SUCCEEDED, REAUTHENTICATED, ACCOUNT_ENABLED, ROLE_GRANTED, PASSWORD_CHANGED -> "badge-ok";
            default -> "badge-muted";
        };
    }
}
