package io.hallpass.filter.web;

/**
 * The filter's built-in pages: sign-in, re-authentication and short notices (too many attempts, service
 * unavailable). Plain HTML with a little inline style and no script; an application can link its own
 * stylesheet with the {@code page-stylesheet} setting or replace the sign-in page with {@code login-page}.
 * Every dynamic value is escaped.
 */
public final class Pages {

    /** Sent with every built-in page: no script, no framing, forms post only to this origin. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static final String STYLE = """
            body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f4f6f8;color:#1d2733}
            .hp-card{max-width:380px;margin:12vh auto;background:#fff;border-radius:10px;padding:32px;
            box-shadow:0 1px 3px rgba(0,0,0,.08),0 8px 24px rgba(0,0,0,.06)}
            .hp-card h1{font-size:22px;margin:0 0 8px}
            .hp-card p{margin:0 0 16px;color:#4a5867}
            .hp-card label{display:block;font-weight:600;margin:12px 0 4px}
            .hp-card input{box-sizing:border-box;width:100%;padding:10px 12px;border:1px solid #c5ced8;border-radius:6px;font:inherit}
            .hp-card button{margin-top:20px;width:100%;padding:10px;border:0;border-radius:6px;background:#1f5fbf;color:#fff;font:inherit;font-weight:600;cursor:pointer}
            .hp-alert{background:#fdecec;color:#8a1c1c;border-radius:6px;padding:10px 12px;margin:0 0 12px}
            .hp-note{background:#eef4fd;color:#1d3f73;border-radius:6px;padding:10px 12px;margin:0 0 12px}
            """;

    private final String contextPath;
    private final String stylesheet;

    /** @param stylesheet an application-relative stylesheet URL to link, or null */
    public Pages(String contextPath, String stylesheet) {
        this.contextPath = contextPath;
        this.stylesheet = stylesheet;
    }

    public String login(String action, String returnPath, boolean failed) {
        return page("Sign in", "<h1>Sign in</h1>"
                + (failed ? "<p class=\"hp-alert\" role=\"alert\">Wrong username or password.</p>" : "")
                + "<form method=\"post\" action=\"" + Html.escape(contextPath + action) + "\">"
                + hidden("return", returnPath)
                + "<label for=\"hp-username\">Username</label>"
                + "<input id=\"hp-username\" name=\"username\" autocomplete=\"username\" required autofocus>"
                + "<label for=\"hp-password\">Password</label>"
                + "<input id=\"hp-password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>"
                + "<button type=\"submit\">Sign in</button></form>");
    }

    public String reauthenticate(String action, String username, String returnPath, boolean failed,
                                 boolean resubmit) {
        return page("Confirm it's you", "<h1>Confirm it's you</h1>"
                + "<p>This action needs a recent sign-in. Enter the password of <strong>" + Html.escape(username)
                + "</strong> to continue.</p>"
                + (failed ? "<p class=\"hp-alert\" role=\"alert\">That password is not right.</p>" : "")
                + (resubmit ? "<p class=\"hp-note\">Your last submission was not sent. After confirming, "
                        + "please submit it again.</p>" : "")
                + "<form method=\"post\" action=\"" + Html.escape(contextPath + action) + "\">"
                + hidden("return", returnPath)
                + "<input type=\"hidden\" name=\"username\" value=\"" + Html.escape(username)
                + "\" autocomplete=\"username\">"
                + "<label for=\"hp-password\">Password</label>"
                + "<input id=\"hp-password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required autofocus>"
                + "<button type=\"submit\">Continue</button></form>");
    }

    public String notice(String title, String message) {
        return page(title, "<h1>" + Html.escape(title) + "</h1><p>" + Html.escape(message) + "</p>"
                + "<p><a href=\"" + Html.escape(contextPath + "/") + "\">Back to the start page</a></p>");
    }

    private static String hidden(String name, String value) {
        return value == null ? "" : "<input type=\"hidden\" name=\"" + name + "\" value=\"" + Html.escape(value) + "\">";
    }

    private String page(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                + "<title>" + Html.escape(title) + "</title><style>" + STYLE + "</style>"
                + (stylesheet == null ? "" : "<link rel=\"stylesheet\" href=\"" + Html.escape(contextPath + stylesheet) + "\">")
                + "</head><body class=\"hp-page\"><main class=\"hp-card\">" + body + "</main></body></html>";
    }
}
