package io.hallpass.sample.web;

import java.util.Objects;

/**
 * A one-time message at the top of a page, such as "Payout requested." after a form post. Form handlers
 * redirect with a query flag ({@code ?done=payout}); the page maps the flag to a fixed message, so that a
 * link cannot make the portal display text of someone else's choosing.
 *
 * @param kind    how it is shown
 * @param message the text (escaped when rendered)
 */
public record Flash(Kind kind, String message) {

    public enum Kind {
        SUCCESS, ERROR, INFO
    }

    public Flash {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    public static Flash success(String message) {
        return new Flash(Kind.SUCCESS, message);
    }

    public static Flash error(String message) {
        return new Flash(Kind.ERROR, message);
    }

    public static Flash info(String message) {
        return new Flash(Kind.INFO, message);
    }

    public Html render() {
        String css = switch (kind) {
            case SUCCESS -> "flash flash-success";
            case ERROR -> "flash flash-error";
            case INFO -> "flash flash-info";
        };
        String role = kind == Kind.ERROR ? "alert" : "status";
        return Html.format("<div class=\"{}\" role=\"{}\">{}</div>", css, role, message);
    }
}
