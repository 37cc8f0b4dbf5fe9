package io.hallpass.realm;

/**
 * The database could not be reached or did not answer in time. Every realm method throws this, and only
 * this, for such failures, so that a caller can fail closed with one catch (the filter answers 503 with
 * {@code Retry-After}). Nothing was decided: the session is neither valid nor revoked.
 */
public class RealmUnavailableException extends RealmException {

    private static final long serialVersionUID = 1L;

    public RealmUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
