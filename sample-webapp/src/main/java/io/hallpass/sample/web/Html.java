package io.hallpass.sample.web;

import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collector;
import java.util.stream.Collectors;

/**
 * A piece of HTML that is safe to send as it is. Every page of the portal is built from these, so that
 * escaping is the default and never an afterthought: {@link #format} escapes each argument unless it is
 * already {@code Html}.
 *
 * <pre>{@code
 * Html row = Html.format("<tr><td>{}</td><td>{}</td></tr>", session.username(), session.client().userAgent());
 * // a username of "<script>" becomes "&lt;script&gt;"
 * }</pre>
 *
 * <p>Usernames, user agents, IP addresses, role names and query parameters all come from people we do not
 * trust; the only markup that is not escaped is the templates written in this code base.
 */
public final class Html {

    public static final Html EMPTY = new Html("");

    private final String markup;

    private Html(String markup) {
        this.markup = markup;
    }

    /**
     * Markup written in this code base, such as a template constant. Never pass data that came from a
     * request, the database or a header: use {@link #text} or {@link #format}.
     */
    public static Html trusted(String markup) {
        return new Html(Objects.requireNonNull(markup, "markup"));
    }

    /** The value as text: escaped, with {@code null} shown as nothing. */
    public static Html text(Object value) {
        if (value instanceof Html html) {
            return html;
        }
        return new Html(escape(value == null ? null : value.toString()));
    }

    /**
     * Fills each {@code {}} of a trusted template with one argument, escaped unless it is {@code Html}.
     *
     * @throws IllegalArgumentException if the number of placeholders and arguments differ
     */
    public static Html format(String template, Object... args) {
        StringBuilder out = new StringBuilder(template.length() + 16 * args.length);
        int next = 0;
        int from = 0;
        for (int at = template.indexOf("{}"); at >= 0; at = template.indexOf("{}", from)) {
            if (next == args.length) {
                throw new IllegalArgumentException("more placeholders than arguments in: " + template);
            }
            out.append(template, from, at).append(text(args[next++]).markup);
            from = at + 2;
        }
        if (next != args.length) {
            throw new IllegalArgumentException("more arguments than placeholders in: " + template);
        }
        return new Html(out.append(template, from, template.length()).toString());
    }

    /** Joins pieces of HTML, in order. */
    public static Collector<Html, ?, Html> joining() {
        return Collectors.collectingAndThen(Collectors.mapping(h -> h.markup, Collectors.joining()), Html::new);
    }

    /** Renders each item and joins the results. */
    public static <T> Html each(Iterable<T> items, Function<? super T, Html> render) {
        StringBuilder out = new StringBuilder();
        for (T item : items) {
            out.append(render.apply(item).markup);
        }
        return new Html(out.toString());
    }

    /** {@code html} when {@code condition} holds, else nothing. */
    public static Html when(boolean condition, Html html) {
        return condition ? html : EMPTY;
    }

    /**
     * Escapes text for HTML element content and for quoted attribute values. Control characters other than
     * tab and line breaks are replaced, so that a crafted user agent cannot smuggle anything odd into a page.
     */
    public static String escape(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String replacement = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                case '\t', '\n', '\r' -> null;
                default -> Character.isISOControl(c) ? "\uFFFD" : null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(value.length() + 16).append(value, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? value : out.toString();
    }

    /** The markup. */
    @Override
    public String toString() {
        return markup;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Html html && html.markup.equals(markup);
    }

    @Override
    public int hashCode() {
        return markup.hashCode();
    }
}
