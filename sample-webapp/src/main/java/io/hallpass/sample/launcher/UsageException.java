package io.hallpass.sample.launcher;

/** The command line could not be understood; the launcher prints the message and the usage, and exits 2. */
public final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
