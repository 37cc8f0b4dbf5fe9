package io.hallpass.filter.gate;

import io.hallpass.filter.web.AuthEndpoints;
import io.hallpass.filter.web.Refusal;
import io.hallpass.filter.web.RequestSession;
import io.hallpass.realm.SessionView;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * What the {@link Gate} makes of one request or dispatch: the closed set of things the filter does next. The
 * gate only names the outcome; the filter acts on it (runs the application or an endpoint) and the responder
 * answers a refusal.
 *
 * <p>Everything a later observer needs is here, in one value: an endpoint run ({@link RunEndpoint#endpoint()}:
 * sign-in, sign-out, re-authentication), and every refusal with its machine-readable
 * {@link Refusal#kind() kind} (unauthenticated, forbidden, unmatched, method, firewall, cross-site, step-up
 * demanded, realm unavailable, ...).
 */
public sealed interface Outcome {

    /** Calls the one method of {@code visitor} that acts on this outcome. */
    void accept(Visitor visitor) throws IOException, ServletException;

    /**
     * One method per outcome: implementing it acts on every outcome, and a new outcome does not compile until
     * every visitor acts on it (Java 17 has no pattern {@code switch}).
     */
    interface Visitor {
        void admit(Admit admit) throws IOException, ServletException;

        void proceed(Proceed proceed) throws IOException, ServletException;

        void runEndpoint(RunEndpoint run) throws IOException, ServletException;

        void refuse(Refused refused) throws IOException, ServletException;

        void leaveOut(LeftOut leftOut) throws IOException, ServletException;
    }

    /**
     * A request may reach the application, behind the request wrapper.
     *
     * @param path     the path the policy was asked about
     * @param session  the request's lazy session
     * @param signedIn the session that satisfied the path's requirement; empty on a public path, where nobody
     *                 looked it up
     */
    record Admit(String path, RequestSession session, Optional<SessionView> signedIn) implements Outcome {
        public Admit {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(signedIn, "signedIn");
        }

        @Override
        public void accept(Visitor visitor) throws IOException, ServletException {
            visitor.admit(this);
        }
    }

    /** A forward or include may reach its target, as it is. */
    record Proceed(String path) implements Outcome {
        public Proceed {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public void accept(Visitor visitor) throws IOException, ServletException {
            visitor.proceed(this);
        }
    }

    /** One of the filter's own endpoints answers the request; nothing of the application runs. */
    record RunEndpoint(AuthEndpoints.Endpoint endpoint, String path, RequestSession session) implements Outcome {
        public RunEndpoint {
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(session, "session");
        }

        @Override
        public void accept(Visitor visitor) throws IOException, ServletException {
            visitor.runEndpoint(this);
        }
    }

    /**
     * The request (or forward) is refused, and the responder answers.
     *
     * @param session the live session the refusal concerns, when the decision had resolved it (a missing
     *                role), so that the application's 403 page can name the user; empty otherwise (nothing is
     *                looked up to refuse)
     */
    record Refused(Refusal refusal, Optional<SessionView> session) implements Outcome {
        public Refused {
            Objects.requireNonNull(refusal, "refusal");
            Objects.requireNonNull(session, "session");
        }

        Refused(Refusal refusal) {
            this(refusal, Optional.empty());
        }

        @Override
        public void accept(Visitor visitor) throws IOException, ServletException {
            visitor.refuse(this);
        }
    }

    /**
     * An include is refused: it cannot change the status, so its fragment is left out (and logged by the gate).
     */
    record LeftOut(String path, Refusal refusal) implements Outcome {
        public LeftOut {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(refusal, "refusal");
        }

        @Override
        public void accept(Visitor visitor) throws IOException, ServletException {
            visitor.leaveOut(this);
        }
    }
}
