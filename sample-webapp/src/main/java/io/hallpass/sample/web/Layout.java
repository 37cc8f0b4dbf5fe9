package io.hallpass.sample.web;

import java.util.stream.Stream;

/**
 * The page frame of the portal: the header with the navigation and the signed-in user, the flash message, and
 * the footer. No script anywhere: the pages are plain HTML forms and links, and the
 * {@code Content-Security-Policy} allows no script at all.
 */
public final class Layout {

    /** The stylesheet, app-relative; also given to the filter as {@code page-stylesheet}. */
    public static final String STYLESHEET = "/static/portal.css";

    private Layout() {
    }

    public static Html page(Chrome chrome, String title, Html main) {
        return Html.format("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>{} · Northwind Portal</title>
                <link rel="stylesheet" href="{}">
                <link rel="icon" href="{}" type="image/svg+xml">
                </head>
                <body>
                {}
                <main class="page">
                {}{}
                </main>
                <footer class="site-footer">
                  <div class="wrap">Northwind Portal · a sample application of Hallpass session security ·
                  demo data only</div>
                </footer>
                </body>
                </html>
                """,
                title, chrome.href(STYLESHEET), chrome.href("/static/favicon.svg"), header(chrome),
                chrome.flash() == null ? Html.EMPTY : chrome.flash().render(), main);
    }

    static Html header(Chrome chrome) {
        Viewer viewer = chrome.viewer();
        Html nav = Stream.of(Section.HOME, Section.ORDERS, Section.BILLING, Section.REPORTS, Section.ADMIN)
                .filter(s -> s.visibleTo(viewer))
                .map(s -> Html.format("<a href=\"{}\"{}>{}</a>", chrome.href(s.path()),
                        Html.trusted(s == chrome.section() ? " class=\"active\" aria-current=\"page\"" : ""),
                        s.label()))
                .collect(Html.joining());
        Html user;
        if (viewer == null) {
            user = Html.format("<a class=\"button button-small\" href=\"{}\">Sign in</a>", chrome.href("/login"));
        } else {
            user = Html.format("""
                    <a class="user{}" href="{}" title="Your account">
                      <span class="avatar" aria-hidden="true">{}</span>
                      <span class="user-text"><span class="user-name">{}</span><span class="user-roles">{}</span></span>
                    </a>
                    <form method="post" action="{}" class="inline">
                      <button type="submit" class="button button-small button-ghost">Sign out</button>
                    </form>""",
                    Html.trusted(chrome.section() == Section.ACCOUNT ? " active" : ""), chrome.href("/account"),
                    initial(viewer.username()), viewer.username(), viewer.rolesText(), chrome.href("/auth/logout"));
        }
        return Html.format("""
                <header class="site-header">
                  <div class="wrap header-row">
                    <a class="brand" href="{}"><span class="brand-mark" aria-hidden="true">N</span>
                      <span class="brand-name">Northwind <span class="brand-sub">Portal</span></span></a>
                    <nav class="main-nav" aria-label="Sections">{}</nav>
                    <div class="header-user">{}</div>
                  </div>
                </header>""", chrome.href(""), nav, user);
    }

    /** The first letter of a username, upper-cased, for the avatar circle. */
    static String initial(String username) {
        if (username == null || username.isEmpty()) {
            return "?";
        }
        return new String(Character.toChars(Character.toUpperCase(username.codePointAt(0))));
    }
}
