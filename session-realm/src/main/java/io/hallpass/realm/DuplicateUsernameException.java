package io.hallpass.realm;

/** An account with the same normalised username already exists. */
public class DuplicateUsernameException extends RealmException {

    private static final long serialVersionUID = 1L;

    private final String username;

    public DuplicateUsernameException(String username) {
        super("an account named '" + username + "' already exists");
        this.username = username;
    }

    /** The normalised username that is taken. */
    public String username() {
        return username;
    }
}
