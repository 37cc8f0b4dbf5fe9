package io.hallpass.filter.policy;

import java.util.Objects;

/**
 * Rule text and where it came from, so that an error can say where to look.
 *
 * <pre>{@code
 * new RuleSource("/WEB-INF/hallpass-rules.txt", text)
 * new RuleSource("init-param rules", config.getInitParameter("rules"))
 * }</pre>
 *
 * @param origin where the text came from, quoted at the start of every error message
 * @param text   the rules, one per line (see {@link Policy} for the syntax); null means no rules
 */
public record RuleSource(String origin, String text) {

    public RuleSource {
        Objects.requireNonNull(origin, "origin");
        text = text == null ? "" : text;
    }

    /** No rules at all: only annotations and the unmatched setting decide. */
    public static RuleSource none() {
        return new RuleSource("no rules", "");
    }
}
