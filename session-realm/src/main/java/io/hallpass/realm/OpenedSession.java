package io.hallpass.realm;

import java.util.Objects;

/**
 * A session together with its token, as returned exactly once when the session is opened or rotated.
 * The token is the only copy that will ever exist: the realm stores a hash. {@link #toString()} never shows it.
 */
public final class OpenedSession {

    private final String token;
    private final SessionView view;

    public OpenedSession(String token, SessionView view) {
        this.token = Objects.requireNonNull(token, "token");
        this.view = Objects.requireNonNull(view, "view");
    }

    /** The session token, to be put in the session cookie and nowhere else. */
    public String token() {
        return token;
    }

    public SessionView view() {
        return view;
    }

    @Override
    public String toString() {
        return "OpenedSession[publicId=" + view.publicId() + ", account=" + view.username() + ", token=<redacted>]";
    }
}
