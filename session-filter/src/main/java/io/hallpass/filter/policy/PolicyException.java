package io.hallpass.filter.policy;

/**
 * A rule or an annotation that cannot be compiled. The message says where (the origin and line number of a
 * rule, or the class and method of an annotation), quotes the offending text, and names the problem:
 *
 * <pre>
 * /WEB-INF/hallpass-rules.txt line 7: "/admin* = role:admin": '*' is only allowed as "/prefix/*" or "*.ext"
 * &#64;RequireRole on com.example.ReportsServlet.doGet: role name "" is invalid: ...
 * </pre>
 *
 * The filter lets it stop {@code init}, so that the application fails to deploy instead of running with a
 * policy nobody meant.
 */
public final class PolicyException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String origin;
    private final int line;
    private final String problem;

    PolicyException(String origin, int line, String text, String problem) {
        super(origin + " line " + line + ": \"" + Texts.printable(text) + "\": " + problem);
        this.origin = origin;
        this.line = line;
        this.problem = problem;
    }

    PolicyException(String element, String problem) {
        super(element + ": " + problem);
        this.origin = element;
        this.line = 0;
        this.problem = problem;
    }

    /** The rule source's origin, or the annotated element ({@code @RequireRole on com.example.X.doGet}). */
    public String origin() {
        return origin;
    }

    /** The 1-based line number of the offending rule, or 0 for an annotation. */
    public int line() {
        return line;
    }

    /** The problem alone, without location. */
    public String problem() {
        return problem;
    }
}
