package io.hallpass.filter;

import io.hallpass.realm.SessionView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Binds the container's {@code HttpSession} to the Hallpass session it was created under, so that an
 * application's per-user data in it never outlives that session nor reaches another user of the same browser.
 *
 * <p>One mechanism, no special cases: a container session the application creates behind the filter is stamped
 * with the owner, the public id of the request's Hallpass session (or {@value #ANONYMOUS}); before the
 * application runs (behind the filter, or in its 403 error page after a forbidden refusal), a container session
 * whose stamp is not the request's current owner is invalidated. That
 * covers sign-out, revocation, expiry, a password change elsewhere, the risk policy ending the session, another
 * user signing in in the same browser, and a container session id presented with someone else's cookie. A
 * container session without a stamp (created where Hallpass does not wrap the request, such as an error page)
 * has no owner Hallpass can vouch for, and is invalidated too. Sign-in itself invalidates the container session
 * ({@code AuthEndpoints}), so that a new one starts only if the application asks.
 */
final class ContainerSessions {

    /** The container session attribute holding its owner. */
    static final String OWNER_ATTRIBUTE = "io.hallpass.session-owner";
    /** The owner of a container session created while nobody was signed in. */
    static final String ANONYMOUS = "anonymous";

    private static final System.Logger LOG = System.getLogger(ContainerSessions.class.getName());

    private ContainerSessions() {
    }

    /** The owner a container session created now gets. */
    static String ownerOf(Optional<SessionView> current) {
        return current.map(SessionView::publicId).orElse(ANONYMOUS);
    }

    /** Stamps a container session the application has just created with its owner. */
    static void stamp(HttpSession created, Optional<SessionView> current) {
        created.setAttribute(OWNER_ATTRIBUTE, ownerOf(current));
    }

    /**
     * Invalidates the container session the request carries unless it was created under the request's current
     * Hallpass session. Costs nothing for a request without a container session cookie; asks {@code current} (a
     * realm lookup, if the request carries a Hallpass cookie not yet resolved) only for a stamped one.
     *
     * @param current the request's live Hallpass session; empty if there is none or it cannot be established
     */
    static void enforce(HttpServletRequest request, Supplier<Optional<SessionView>> current) {
        if (request.getRequestedSessionId() == null) {
            return;
        }
        HttpSession container = request.getSession(false);
        if (container == null) {
            return;
        }
        Object owner;
        try {
            owner = container.getAttribute(OWNER_ATTRIBUTE);
        } catch (IllegalStateException invalidated) {
            return; // invalidated meanwhile by a parallel request
        }
        if (owner == null || !owner.equals(ownerOf(current.get()))) {
            LOG.log(System.Logger.Level.DEBUG, () -> "Hallpass: container session of " + owner
                    + " invalidated: not created under this request's session");
            try {
                container.invalidate();
            } catch (IllegalStateException invalidated) {
                // a parallel request got there first
            }
        }
    }
}
