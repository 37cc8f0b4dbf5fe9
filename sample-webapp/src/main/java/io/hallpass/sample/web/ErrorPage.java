package io.hallpass.sample.web;

/**
 * The portal's error pages: 400, 403, 404, 405, 429, 500, 503. Used both by the container's error dispatch
 * (for example the filter's {@code sendError(403)}) and by servlets that refuse a request themselves. A
 * message is shown only for client errors, and it is always escaped; server errors never show details.
 */
public final class ErrorPage {

    private ErrorPage() {
    }

    public static Html render(Chrome chrome, int status, String message) {
        String title;
        String lead;
        switch (status) {
            case 400 -> {
                title = "That request didn’t look right";
                lead = "Something in the form or the address was not what we expected.";
            }
            case 401 -> {
                title = "Please sign in";
                lead = "You need to be signed in to see this page.";
            }
            case 403 -> {
                title = "You don’t have access to this page";
                lead = chrome.signedIn()
                        ? "Your account can’t open this section. If you need it for your work, ask an administrator to grant you the role."
                        : "This section is only for signed-in users with the right role.";
            }
            case 404 -> {
                title = "We couldn’t find that page";
                lead = "The address may be mistyped, or the thing it pointed to no longer exists.";
            }
            case 405 -> {
                title = "That action isn’t available here";
                lead = "This address does not accept that kind of request.";
            }
            case 429 -> {
                title = "Too many attempts";
                lead = "Please wait a little before trying again.";
            }
            case 503 -> {
                title = "The portal is briefly unavailable";
                lead = "We could not reach our records just now. Please try again in a moment.";
            }
            default -> {
                title = "Something went wrong on our side";
                lead = "The problem has been logged. Please try again, and contact support if it keeps happening.";
            }
        }
        boolean showMessage = status >= 400 && status < 500 && message != null && !message.isBlank();
        Html who = Html.EMPTY;
        if (status == 403 && chrome.signedIn()) {
            who = Html.format("<p class=\"muted\">Signed in as <strong>{}</strong> · roles: {}</p>",
                    chrome.viewer().username(), chrome.viewer().rolesText());
        }
        Html actions = chrome.signedIn()
                ? Html.format("<a class=\"button\" href=\"{}\">Back to overview</a>", chrome.href(""))
                : Html.format("<a class=\"button\" href=\"{}\">Sign in</a> <a class=\"button button-ghost\" href=\"{}\">Home</a>",
                        chrome.href("/login"), chrome.href(""));
        if (status == 403 && chrome.signedIn()) {
            actions = Html.format("""
                    {}
                    <form method="post" action="{}" class="inline">
                      <button type="submit" class="button button-ghost">Sign in as someone else</button>
                    </form>""", actions, chrome.href("/auth/logout"));
        }
        Html main = Html.format("""
                <section class="error-card">
                  <p class="error-code">Error {}</p>
                  <h1>{}</h1>
                  <p class="lead">{}</p>
                  {}{}
                  <div class="actions">{}</div>
                </section>""",
                status, title, lead,
                showMessage ? Html.format("<p class=\"error-detail\">{}</p>", sentence(message)) : Html.EMPTY,
                who, actions);
        return Layout.page(chrome, title, main);
    }

    /** "amount must be..." becomes "Amount must be..." on a page; API clients get the message as it is. */
    static String sentence(String message) {
        String text = message.strip();
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
