package io.hallpass.filter.web;

import io.hallpass.realm.OpenedSession;
import io.hallpass.realm.Realm;
import io.hallpass.realm.RealmUnavailableException;
import io.hallpass.realm.SessionView;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The session of one request, looked up at most once and only when something needs it: the decision for a
 * protected path, or the application asking on a public one ({@code getRemoteUser()},
 * {@code Hallpass.session(request)}). Public paths that nobody asks about never touch the database.
 * Not thread-safe: it belongs to one request.
 */
public final class RequestSession {

    private static final System.Logger LOG = System.getLogger(RequestSession.class.getName());

    private final Supplier<Realm> realm;
    private String token;
    private Optional<SessionView> resolved;

    /**
     * @param realm the realm (its supplier throws {@link RealmUnavailableException} while it cannot be reached)
     * @param token the session cookie's value, or null if the request carried none
     */
    public RequestSession(Supplier<Realm> realm, String token) {
        this.realm = realm;
        this.token = token;
    }

    /** The cookie's token as presented (or as replaced by a login or rotation during this request), or null. */
    public String token() {
        return token;
    }

    public boolean hasToken() {
        return token != null;
    }

    /**
     * The live session, resolving it on first use.
     *
     * @throws RealmUnavailableException if the realm cannot be reached (callers on protected paths fail closed)
     */
    public Optional<SessionView> resolve() {
        if (resolved == null) {
            resolved = token == null ? Optional.empty() : realm.get().resolve(token);
        }
        return resolved;
    }

    /**
     * The live session for the application's own questions on any path: like {@link #resolve()}, but an
     * unreachable realm reads as "not signed in" (logged) instead of failing the page.
     */
    public Optional<SessionView> lookup() {
        try {
            return resolve();
        } catch (RealmUnavailableException e) {
            LOG.log(System.Logger.Level.WARNING, "session lookup skipped: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Whether the session was already looked up in this request. */
    public boolean isResolved() {
        return resolved != null;
    }

    /** After a login or rotation within this request: the new token and view apply from now on. */
    public void replace(OpenedSession session) {
        this.token = session.token();
        this.resolved = Optional.of(session.view());
    }

    /** After a logout within this request. */
    public void clear() {
        this.token = null;
        this.resolved = Optional.empty();
    }
}
