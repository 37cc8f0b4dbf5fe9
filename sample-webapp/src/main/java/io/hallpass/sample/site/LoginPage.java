package io.hallpass.sample.site;

import io.hallpass.sample.web.Chrome;
import io.hallpass.sample.web.Html;
import io.hallpass.sample.web.Layout;

/**
 * The sign-in page. Its form posts to the filter's {@code /auth/login} with the fields {@code username},
 * {@code password} and {@code return}; the filter sends a failed attempt back here with {@code ?error=1}.
 */
public final class LoginPage {

    private LoginPage() {
    }

    /**
     * @param returnPath the app-relative path to go to after signing in, already checked, or null
     * @param failed     whether the last attempt failed
     */
    public static Html render(Chrome chrome, String returnPath, boolean failed) {
        Html error = failed
                ? Html.trusted("<div class=\"flash flash-error\" role=\"alert\">That username and password don’t match. Please try again.</div>")
                : Html.EMPTY;
        Html already = chrome.signedIn()
                ? Html.format("<div class=\"flash flash-info\" role=\"status\">You are signed in as <strong>{}</strong>. Signing in again switches accounts.</div>",
                        chrome.viewer().username())
                : Html.EMPTY;
        Html hiddenReturn = returnPath == null ? Html.EMPTY
                : Html.format("<input type=\"hidden\" name=\"return\" value=\"{}\">", returnPath);
        Html continueNote = returnPath == null ? Html.EMPTY
                : Html.format("<p class=\"muted\">You’ll continue to <code>{}</code> after signing in.</p>", returnPath);
        Html demoRows = Html.each(DemoAccounts.ALL, d -> Html.format("""
                <tr><td><code>{}</code></td><td><code>{}</code></td><td><span class="badge">{}</span></td><td>{}</td></tr>""",
                d.username(), d.password(), d.role(), d.persona()));
        Html main = Html.format("""
                <div class="login-layout">
                  <section class="card login-card">
                    <h1>Sign in</h1>
                    <p class="muted">Use your Northwind account.</p>
                    {}{}
                    <form method="post" action="{}" class="stack">
                      <label for="username">Username</label>
                      <input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required autofocus>
                      <label for="password">Password</label>
                      <input id="password" name="password" type="password" autocomplete="current-password" required>
                      {}
                      <button type="submit" class="button button-large">Sign in</button>
                    </form>
                    {}
                  </section>
                  <section class="card demo-card">
                    <h2>Demo accounts</h2>
                    <p class="muted">This is a sample application. These accounts and their passwords are public;
                    each shows what one role may do.</p>
                    <table class="table">
                      <thead><tr><th>Username</th><th>Password</th><th>Role</th><th>Sees</th></tr></thead>
                      <tbody>{}</tbody>
                    </table>
                  </section>
                </div>""",
                already, error, chrome.href("/auth/login"), hiddenReturn, continueNote, demoRows);
        return Layout.page(chrome, "Sign in", main);
    }
}
