package io.hallpass.sample.web;

/**
 * A request the portal refuses with a short, safe explanation: bad input (400), an unknown user or session
 * (404), a conflict with the current state. Thrown by handlers, answered by {@link PortalServlet} as an HTML
 * page or as JSON. The message is shown to the client, so it never contains a stack trace, a password or a
 * value the client sent.
 */
public final class Problem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public Problem(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public static Problem badRequest(String message) {
        return new Problem(400, "bad_request", message);
    }

    public static Problem notFound(String message) {
        return new Problem(404, "not_found", message);
    }

    public int status() {
        return status;
    }

    /** A stable machine-readable code for JSON answers, e.g. {@code bad_request}. */
    public String code() {
        return code;
    }
}
