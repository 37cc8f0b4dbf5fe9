package io.hallpass.sample.launcher;

/**
 * The server or the web application did not start. The message is one line a person can act on, such as
 * "filter [hallpass] failed to start: rules-file line 12: ..." or "127.0.0.1:8080 is already in use".
 */
public final class StartupFailure extends Exception {

    private static final long serialVersionUID = 1L;

    public StartupFailure(String message) {
        super(message);
    }

    /** A one-line description of a failure: its message, plus its root cause's when that says more. */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String top = text(failure);
        if (root == failure) {
            return top;
        }
        String bottom = text(root);
        return top.contains(bottom) ? top : top + " (caused by " + bottom + ")";
    }

    private static String text(Throwable t) {
        String message = t.getMessage();
        String line = message == null || message.isBlank() ? t.getClass().getSimpleName()
                : t.getClass().getSimpleName() + ": " + message;
        return line.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
