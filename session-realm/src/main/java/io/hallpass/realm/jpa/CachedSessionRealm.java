package io.hallpass.realm.jpa;

import io.hallpass.realm.ClientFacts;
import io.hallpass.realm.OpenedSession;
import io.hallpass.realm.SessionRealm;
import io.hallpass.realm.SessionView;
import io.hallpass.realm.token.TokenCodec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link SessionRealm} with the {@link SessionCache} in front of the database: a decorator of
 * {@link JpaSessionRealm}, which it asks for everything the cache can not answer.
 *
 * <p>{@link #peek}: an entry that may answer (see {@link SessionCache#get}) is judged at now, with this node's
 * activity, exactly as the database path judges a row ({@link SessionRules}); if it is live, that is the answer.
 * With no entry that may answer, a token hash known to resolve to nothing answers empty at once. Otherwise (no entry,
 * not trusted, invalidated, or an entry that <em>looks</em> expired: another node may have kept it alive) the
 * session is read from the database; an
 * expired one is then marked as before, and a live one is kept. Writes (open, rotate, re-stamp, revoke) go to the
 * database; what they change reaches this node's cache through the realm's after-commit listener, before the call
 * returns, and every other node's through the change log.
 */
final class CachedSessionRealm implements SessionRealm {

    /** Reads the session a token hash stands for; the database read, replaceable in tests. */
    @FunctionalInterface
    interface Loader {
        SessionStore.Lookup load(byte[] hash);
    }

    private final JpaSessionRealm database;
    private final SessionCache cache;
    private final TokenCodec tokens;
    private final Transactions transactions;
    private volatile Loader loader;

    CachedSessionRealm(JpaSessionRealm database, SessionCache cache, TokenCodec tokens, Transactions transactions) {
        this.database = database;
        this.cache = cache;
        this.tokens = tokens;
        this.transactions = transactions;
        this.loader = database::lookup;
    }

    /** Replaces the database read, so that a test can hold it (a load racing an invalidation) or count it. */
    void loader(java.util.function.UnaryOperator<Loader> wrap) {
        this.loader = wrap.apply(database::lookup);
    }

    @Override
    public Optional<SessionView> peek(String token) {
        if (!TokenCodec.hasTokenShape(token)) {
            return Optional.empty();
        }
        byte[] hash = tokens.hash(token);
        TokenKey key = new TokenKey(hash);
        // The common case first: a live session. Only an issued token's hash finds an entry, so the whole form of the
        // token is checked only when none does: garbage never reaches the cache of misses or the database.
        CachedSession entry = cache.get(key);
        if (entry != null) {
            Instant now = transactions.now();
            Optional<SessionView> judged = database.judge(entry.found, now, entry::rolesAt);
            if (judged != null && judged.isPresent()) {
                cache.hit();
                return judged;
            }
            // looks expired, or no longer live by its own ends: the database decides
        } else if (!tokens.isWellFormed(token)) {
            return Optional.empty();
        } else if (cache.isMissing(key)) {
            cache.hit();
            return Optional.empty();
        }
        cache.miss();
        return load(key, hash);
    }

    /** Reads the session from the database, judges it, and keeps it (or its absence) for the next request. */
    private Optional<SessionView> load(TokenKey key, byte[] hash) {
        long nanos = cache.nanos(); // before the epoch: see SessionCache.prune
        long epoch = cache.epoch(); // before the database read: see SessionCache
        SessionStore.Lookup found = loader.load(hash);
        if (found == null) {
            cache.putMissing(key);
            return Optional.empty();
        }
        Optional<SessionView> judged = database.judge(found, transactions.now(),
                now -> SessionRules.activeRoles(found.grants(), now));
        if (judged == null) {
            Optional<SessionView> marked = database.markIfExpired(hash);
            if (marked.isEmpty()) {
                cache.putMissing(key); // marked expired now (or by another node): for good
            }
            return marked;
        }
        if (judged.isPresent()) {
            cache.put(key, new CachedSession(found, epoch, nanos));
        } else {
            cache.putMissing(key); // revoked, disabled or past its grace: for good
        }
        return judged;
    }

    @Override
    public Optional<SessionView> resolve(String token) {
        Optional<SessionView> view = peek(token);
        view.ifPresent(this::recordActivity);
        return view.map(v -> database.activeNow(v));
    }

    @Override
    public void recordActivity(SessionView session) {
        database.recordActivity(session);
    }

    @Override
    public OpenedSession open(long accountId, ClientFacts client) {
        return database.open(accountId, client);
    }

    @Override
    public Optional<OpenedSession> rotate(String token) {
        return database.rotate(token);
    }

    @Override
    public Optional<OpenedSession> markReauthenticated(String token, ClientFacts client) {
        return database.markReauthenticated(token, client);
    }

    @Override
    public boolean revoke(String token, String reason) {
        boolean revoked = database.revoke(token, reason);
        if (revoked) {
            cache.putMissing(new TokenKey(tokens.hash(token))); // also told through the listener, by session id
        }
        return revoked;
    }

    @Override
    public Clock clock() {
        return database.clock();
    }

    @Override
    public Duration idleTimeout() {
        return database.idleTimeout();
    }

    @Override
    public Duration absoluteTimeout() {
        return database.absoluteTimeout();
    }
}
