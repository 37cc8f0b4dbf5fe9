package io.hallpass.sample.site;

import io.hallpass.realm.SessionView;
import io.hallpass.sample.web.Chrome;
import io.hallpass.sample.web.Html;
import io.hallpass.sample.web.Layout;
import io.hallpass.sample.web.Section;
import io.hallpass.sample.web.Times;
import io.hallpass.sample.web.Viewer;
import java.time.Instant;
import java.util.List;

/** The home page: a welcome for visitors, an overview of the open sections for signed-in users. */
public final class HomePage {

    private record Tile(Section section, String title, String text) {
    }

    private static final List<Tile> TILES = List.of(
            new Tile(Section.ORDERS, "Orders", "Track what was ordered, where it is, and how it was paid."),
            new Tile(Section.BILLING, "Billing", "Payment methods, invoices, store credit and payouts."),
            new Tile(Section.REPORTS, "Reports", "Sales and fulfilment figures for the last months."),
            new Tile(Section.ADMIN, "Admin", "Accounts, roles, sessions and the audit trail."),
            new Tile(Section.ACCOUNT, "Your account", "Password, data export and where you are signed in."));

    private HomePage() {
    }

    public static Html render(Chrome chrome, SessionView session, Instant now) {
        return Layout.page(chrome, "Overview", chrome.signedIn() ? dashboard(chrome, session, now) : welcome(chrome));
    }

    private static Html welcome(Chrome chrome) {
        return Html.format("""
                <section class="hero">
                  <h1>Your orders, invoices and reports in one place</h1>
                  <p class="lead">Northwind Portal is where customers, support, finance and administrators
                  meet. Sign in to see what your role opens.</p>
                  <div class="actions"><a class="button button-large" href="{}">Sign in</a></div>
                </section>
                <section class="grid grid-4 features">
                  <article class="card"><h2>Deny by default</h2>
                    <p>Every address has a rule. Anything no rule names is refused.</p></article>
                  <article class="card"><h2>Roles, not super-users</h2>
                    <p>Each role opens exactly its sections. Administrators don’t read card data.</p></article>
                  <article class="card"><h2>Fresh proof for risky steps</h2>
                    <p>Exports, payouts and account changes ask for your password again if it has been a while.</p></article>
                  <article class="card"><h2>Sessions you control</h2>
                    <p>See every device you are signed in on and end any of them at once.</p></article>
                </section>""", chrome.href("/login"));
    }

    private static Html dashboard(Chrome chrome, SessionView session, Instant now) {
        Viewer viewer = chrome.viewer();
        Html tiles = TILES.stream()
                .filter(t -> t.section().visibleTo(viewer))
                .map(t -> Html.format("""
                        <a class="card card-link" href="{}"><h2>{}</h2><p>{}</p><span class="more">Open →</span></a>""",
                        chrome.href(t.section().path()), t.title(),
                        t.section() == Section.ACCOUNT && !viewer.has("customer")
                                ? "Password and where you are signed in." : t.text()))
                .collect(Html.joining());
        Html sessionLine = Html.EMPTY;
        if (session != null) {
            sessionLine = Html.format("""
                    <p class="muted">Signed in {} from {} · password last entered {}</p>""",
                    Times.element(session.createdAt(), now),
                    session.client().ip() == null ? "an unknown address" : session.client().ip(),
                    Times.element(session.lastAuthenticatedAt(), now));
        }
        return Html.format("""
                <section class="page-head">
                  <h1>Welcome back, {}</h1>
                  {}
                </section>
                <section class="grid grid-3">{}</section>""", viewer.username(), sessionLine, tiles);
    }
}
