package io.hallpass.realm.admin;

import io.hallpass.realm.ClientFacts;
import io.hallpass.realm.DuplicateUsernameException;
import io.hallpass.realm.InvalidInputException;
import io.hallpass.realm.RealmException;
import io.hallpass.realm.RealmUnavailableException;

/**
 * Why the tool stops short: an exit code and the one line it prints on standard error. {@link #of} is the one
 * place where the realm's exceptions become exit codes. The realm's messages never repeat a password or a token,
 * and the tool's own never repeat an argument that might be one.
 */
final class Failure extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final int MAX_LINE = 1000;

    final Exit exit;

    Failure(Exit exit, String message) {
        super(message, null, false, false);
        this.exit = exit;
    }

    static Failure badArguments(String message) {
        return new Failure(Exit.BAD_ARGUMENTS, message);
    }

    static Failure refused(String message) {
        return new Failure(Exit.REFUSED, message);
    }

    /** What an exception means for the operator: its exit code and its line. */
    static Failure of(RuntimeException e) {
        if (e instanceof Failure failure) {
            return failure;
        }
        if (e instanceof RealmUnavailableException) {
            Throwable root = rootCause(e);
            return new Failure(Exit.UNAVAILABLE, "database unreachable: " + e.getMessage()
                    + (root == e || root.getMessage() == null ? "" : " (" + root.getMessage() + ")"));
        }
        if (e instanceof InvalidInputException) {
            return badArguments(e.getMessage());
        }
        if (e instanceof DuplicateUsernameException || e instanceof RealmException) {
            return refused(e.getMessage());
        }
        // a bug, here or below: say what it was; --verbose shows where
        return refused("failed unexpectedly: " + e.getClass().getName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }

    /** The line for standard error: one line, no control characters, of a bounded length. */
    String line() {
        String message = getMessage() == null ? "failed" : getMessage();
        String flat = ClientFacts.clip(message.replaceAll("\\s*[\\r\\n]+\\s*", " "), MAX_LINE);
        return "hallpass-admin: " + (flat == null ? "failed" : flat);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        Throwable t = e.getCause();
        for (int depth = 0; t != null && depth < 20; depth++, t = t.getCause()) { // bounded: causes may loop
            if (t.getMessage() != null) {
                root = t;
            }
        }
        return root;
    }
}
