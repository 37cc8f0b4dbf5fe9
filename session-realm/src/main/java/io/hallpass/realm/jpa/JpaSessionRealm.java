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
import org.hibernate.LockMode;

/**
 * The JPA implementation of {@link SessionRealm}, the per-request part of the realm. {@link #resolve} reads with one
 * plain JDBC statement ({@link SessionReader}) and opens a transaction only when it has something to write; every
 * other method is one transaction. Sessions are judged by {@link SessionRules} and written by {@link SessionStore}.
 */
final class JpaSessionRealm implements SessionRealm {

    private final RealmSettings settings;
    private final Transactions transactions;
    private final TokenCodec tokens;
    private final SessionRules rules;
    private final SessionStore store;
    private final Jdbc jdbc;

    JpaSessionRealm(RealmSettings settings, Transactions transactions, TokenCodec tokens, SessionRules rules,
                    SessionStore store, Jdbc jdbc) {
        this.settings = settings;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.tokens = tokens;
        this.rules = rules;
        this.store = store;
    }

    @Override
    public OpenedSession open(long accountId, ClientFacts client) {
        ClientFacts facts = client == null ? ClientFacts.UNKNOWN : client;
        return transactions.run(t -> {
            AccountRow account = Accounts.lock(t, accountId, LockMode.PESSIMISTIC_READ);
            if (account == null || !account.enabled()) {
                throw new InvalidInputException("there is no enabled account with this id");
            }
            return store.open(t, account, facts, Devices.note(t, account, facts), 0);
        });
    }

    @Override
    public Optional<SessionView> resolve(String token) {
        if (!tokens.isWellFormed(token)) {
            return Optional.empty(); // garbage never reaches the database
        }
        byte[] hash = tokens.hash(token);
        // The common case only reads, with one plain JDBC statement outside any transaction (SessionReader): a single
        // statement is consistent by itself, and a read-only transaction would cost PostgreSQL and MariaDB a COMMIT
        // round trip on every request. Only when something must be written (last-seen is due, or an expired session
        // must be marked) does resolve run again as a transaction, which looks again before it writes.
        Lookup found = lookup(hash);
        if (found == null) {
            return Optional.empty();
        }
        Instant now = transactions.now();
        SessionRow s = found.session();
        State state = rules.state(s, now, found.previous());
        if (!state.expired() && !(state == State.LIVE && rules.touchDue(s.lastSeenAt(), now))) {
            return state == State.LIVE ? Optional.of(store.view(found, s.lastSeenAt(), now)) : Optional.empty();
        }
        return transactions.run(t -> {
            Lookup live = store.findLive(t, hash, true);
            if (live == null) {
                return Optional.empty();
            }
            SessionRow row = live.session();
            if (!rules.touchDue(row.lastSeenAt(), t.now)) {
                return Optional.of(store.view(live, row.lastSeenAt(), t.now));
            }
            store.touch(t, row);
            return Optional.of(store.view(live, t.now, t.now));
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
