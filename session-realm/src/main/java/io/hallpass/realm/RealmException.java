package io.hallpass.realm;

/** Base of the realm's unchecked exceptions. Messages never contain a token or a password. */
public class RealmException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RealmException(String message) {
        super(message);
    }

    public RealmException(String message, Throwable cause) {
        super(message, cause);
    }
}
