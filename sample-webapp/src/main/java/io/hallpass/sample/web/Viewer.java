package io.hallpass.sample.web;

import io.hallpass.realm.SessionView;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is looking at a page: the signed-in user's name and roles, as the filter resolved them for this request.
 * Pages use it for the header and to show only the sections the roles open; the filter, not the page, decides
 * access.
 *
 * @param username  the normalised username
 * @param roles     the effective roles, sorted
 * @param sessionId the session's public id (never its token)
 */
public record Viewer(String username, Set<String> roles, String sessionId) {

    public Viewer {
        Objects.requireNonNull(username, "username");
        roles = Set.copyOf(new TreeSet<>(roles));
    }

    public static Optional<Viewer> of(Optional<SessionView> session) {
        return session.map(s -> new Viewer(s.username(), s.roles(), s.publicId()));
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean hasAny(String... wanted) {
        for (String role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** The roles for display, sorted, e.g. {@code customer, support}; "no roles" when there are none. */
    public String rolesText() {
        return roles.isEmpty() ? "no roles" : String.join(", ", new TreeSet<>(roles));
    }
}
