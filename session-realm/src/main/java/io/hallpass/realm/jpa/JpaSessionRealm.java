package io.hallpass.realm.jpa;

import io.hallpass.realm.ClientFacts;
import io.hallpass.realm.InvalidInputException;
import io.hallpass.realm.OpenedSession;
import io.hallpass.realm.RealmSettings;
import io.hallpass.realm.SessionRealm;
import io.hallpass.realm.SessionView;
import io.hallpass.realm.jpa.Rows.AccountRow;
import io.hallpass.realm.jpa.Rows.SessionRow;
import io.hallpass.realm.jpa.SessionRules.State;
import io.hallpass.realm.jpa.SessionStore.Lookup;
import io.hallpass.realm.token.TokenCodec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.hibernate.LockMode;

/**
 * The JPA implementation of {@link SessionRealm}, the per-request part of the realm. {@link #peek} reads with one
 * plain JDBC statement ({@link SessionReader}) and opens a transaction only to mark an expired session; activity is
 * the {@link TouchWriter}'s, in memory and written in the background ({@link #resolve} is peek, then
 * {@link #recordActivity}); every other method is one transaction. Sessions are judged by {@link SessionRules} and written by {@link SessionStore}.
 */
final class JpaSessionRealm implements SessionRealm {

    private final RealmSettings settings;
    private final Transactions transactions;
    private final TokenCodec tokens;
    private final SessionRules rules;
    private final SessionStore store;
    private final Jdbc jdbc;
    private final TouchWriter touches;
    private final SessionLimits limits;

    JpaSessionRealm(RealmSettings settings, Transactions transactions, TokenCodec tokens, SessionRules rules,
                    SessionStore store, Jdbc jdbc, TouchWriter touches, SessionLimits limits) {
        this.settings = settings;
        this.jdbc = jdbc;
        this.touches = touches;
        this.transactions = transactions;
        this.tokens = tokens;
        this.rules = rules;
        this.store = store;
        this.limits = limits;
    }

    @Override
    public OpenedSession open(long accountId, ClientFacts client) {
        ClientFacts facts = client == null ? ClientFacts.UNKNOWN : client;
        return transactions.run(t -> {
            AccountRow account = Accounts.lock(t, accountId, limits.lockForOpening());
            if (account == null || !account.enabled()) {
                throw new InvalidInputException("there is no enabled account with this id");
            }
            if (!limits.admit(t, accountId)) {
                throw new InvalidInputException("the account has reached its limit of " + limits.max() + " sessions");
            }
            return store.open(t, account, facts, Devices.note(t, account, facts), 0);
        });
    }

    @Override
    public Optional<SessionView> resolve(String token) {
        Optional<SessionView> view = peek(token);
        view.ifPresent(this::recordActivity);
        return view.map(this::activeNow);
    }

    /** A view after the activity just recorded: its idle end slides to now. */
    SessionView activeNow(SessionView view) {
        return rules.activeAt(view, transactions.now());
    }

    @Override
    public Optional<SessionView> peek(String token) {
        if (!tokens.isWellFormed(token)) {
            return Optional.empty(); // garbage never reaches the database
        }
        byte[] hash = tokens.hash(token);
        // The common case only reads, with one plain JDBC statement outside any transaction (SessionReader): a single
        // statement is consistent by itself, and a read-only transaction would cost PostgreSQL and MariaDB a COMMIT
        // round trip on every request. Last-seen is the TouchWriter's, in the background; only an expired session to
        // mark makes this run again as a transaction, which looks again before it writes.
        Lookup found = lookup(hash);
        if (found == null) {
            return Optional.empty();
        }
        Optional<SessionView> judged = judge(found, transactions.now(),
                now -> SessionRules.activeRoles(found.grants(), now));
        return judged != null ? judged : markIfExpired(hash);
    }

    @Override
    public void recordActivity(SessionView session) {
        touches.record(session.publicId(), session.lastAuthenticatedAt(), session.lastSeenAt(), transactions.now());
    }

    /**
     * A session found by a token hash, judged at {@code now} with what this node knows of its activity: its view if
     * it is live, empty if it is not, or null if it has expired and must be marked so.
     */
    Optional<SessionView> judge(Lookup found, Instant now, Function<Instant, Set<String>> roles) {
        TouchWriter.Seen seen = touches.seen(found.session());
        State state = rules.state(found.session(), seen.lastActivity(), now, found.previous());
        if (state == State.LIVE) {
            return Optional.of(view(found, seen, now, roles.apply(now)));
        }
        return state.expired() ? null : Optional.empty();
    }

    /** The view of a live session found by a token, with what this node knows of its activity. */
    SessionView view(Lookup found, TouchWriter.Seen seen, Instant now, Set<String> roles) {
        return store.view(found.withLastSeen(seen.storedLastSeen()), roles, seen.lastActivity(),
                SessionRules.longestIdle(found.idleGap(), seen.idleGap(), seen.lastActivity(), now));
    }

    /**
     * In one transaction: reads the session again, and marks it expired if it still is (another node may have kept
     * it alive meanwhile); answers it if it is live after all.
     */
    Optional<SessionView> markIfExpired(byte[] hash) {
        return transactions.run(t -> {
            Lookup live = store.findLive(t, hash, true);
            return live == null ? Optional.empty() : Optional.of(view(live, touches.seen(live.session()), t.now,
                    SessionRules.activeRoles(live.grants(), t.now)));
        });
    }

    /** The session a token hash stands for, unjudged, read with one plain statement outside any transaction. */
    Lookup lookup(byte[] hash) {
        return jdbc.read(c -> SessionReader.find(c, hash, true));
    }

    @Override
    public Optional<OpenedSession> rotate(String token) {
        if (!tokens.isWellFormed(token)) {
            return Optional.empty();
        }
        byte[] hash = tokens.hash(token);
        return transactions.run(t -> {
            SessionRow session = store.liveRow(t, hash, false);
            return session == null ? Optional.empty() : Optional.ofNullable(store.rotate(t, session, hash));
        });
    }

    @Override
    public Optional<OpenedSession> markReauthenticated(String token, ClientFacts client) {
        ClientFacts facts = client == null ? ClientFacts.UNKNOWN : client;
        if (!tokens.isWellFormed(token)) {
            return Optional.empty();
        }
        byte[] hash = tokens.hash(token);
        return transactions.run(t -> {
            SessionRow session = store.liveRow(t, hash, false);
            return session == null ? Optional.empty()
                    : Optional.ofNullable(store.reauthenticate(t, session, hash, facts));
        });
    }

    @Override
    public boolean revoke(String token, String reason) {
        String why = Checks.reason(reason);
        if (!tokens.isWellFormed(token)) {
            return false;
        }
        byte[] hash = tokens.hash(token);
        return transactions.run(t -> {
            SessionRow session = store.liveRow(t, hash, true); // the previous token, inside its grace, counts too
            return session != null && store.revoke(t, session, why);
        });
    }

    // ======================================================================================= configuration

    @Override
    public Clock clock() {
        return settings.clock();
    }

    @Override
    public Duration idleTimeout() {
        return settings.idleTimeout();
    }

    @Override
    public Duration absoluteTimeout() {
        return settings.absoluteTimeout();
    }
}
