package io.hallpass.realm.jpa;

import com.github.benmanes.caffeine.cache.Ticker;
import io.hallpass.realm.AccountView;
import io.hallpass.realm.AdminRealm;
import io.hallpass.realm.AuditEvent;
import io.hallpass.realm.AuditQuery;
import io.hallpass.realm.AuditRealm;
import io.hallpass.realm.ClientFacts;
import io.hallpass.realm.CredentialRealm;
import io.hallpass.realm.LoginResult;
import io.hallpass.realm.OpenedSession;
import io.hallpass.realm.PasswordChange;
import io.hallpass.realm.PasswordCost;
import io.hallpass.realm.PurgeResult;
import io.hallpass.realm.Realm;
import io.hallpass.realm.RealmException;
import io.hallpass.realm.RealmSettings;
import io.hallpass.realm.RealmUnavailableException;
import io.hallpass.realm.RoleGrant;
import io.hallpass.realm.SessionCacheStats;
import io.hallpass.realm.SessionLimit;
import io.hallpass.realm.SessionRealm;
import io.hallpass.realm.SessionView;
import io.hallpass.realm.password.PasswordHasher;
import io.hallpass.realm.token.TokenCodec;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The JPA (Hibernate) implementation of {@link Realm}. Internal: use {@link Realm#builder()}.
 *
 * <p>A facade: it starts the {@link Database}, wires the tables' owners, and hands each call to the implementation
 * of its role ({@link JpaSessionRealm}, or {@link CachedSessionRealm} in front of it when the session cache is on;
 * {@link JpaCredentialRealm}, {@link JpaAdminRealm}, {@link JpaAuditRealm}). It owns the background threads: the
 * {@link TouchWriter} and, with the cache, the {@link ChangePoller}; {@link #close()} stops them.
 * The package documentation says how the pieces fit.
 */
public final class JpaRealm implements Realm, SessionCacheStats.Source {

    private static final System.Logger LOG = System.getLogger("io.hallpass.realm");

    private final RealmSettings settings;
    private final Database database;
    private final PasswordHasher hasher;
    private final SessionRealm sessions;
    private final CredentialRealm credentials;
    private final AdminRealm admin;
    private final AuditRealm audit;
    private final TouchWriter touches;
    private final SessionCache cache;     // null: the cache is off
    private final ChangePoller poller;    // null: the cache is off
    private final CachedSessionRealm cachedSessions; // null: the cache is off

    private JpaRealm(RealmSettings settings, Database database, SessionChangeListener listener, Ticker ticker,
                     boolean pollInBackground) {
        this.settings = settings;
        this.database = database;
        this.hasher = new PasswordHasher(settings.passwordCost(), settings.hashingPermits(), settings.hashingReserve());
        this.cache = settings.sessionCache() == null ? null
                : new SessionCache(settings.sessionCache(), settings.idleTimeout(), ticker);
        // this node's own changes reach its cache after their commit, before the call that made them returns
        SessionChangeListener told = cache == null ? listener : change -> {
            cache.invalidate(change.accountId(), change.sessionId());
            listener.sessionsChanged(change);
        };
        Transactions transactions = new Transactions(database.factory, settings.clock(), told);
        TokenCodec tokens = new TokenCodec(settings.tokenPepper());
        SessionRules rules = SessionRules.of(settings);
        this.touches = new TouchWriter(database.jdbc, settings.clock(), settings.touchInterval(),
                settings.idleTimeout());
        SessionStore store = new SessionStore(tokens, rules, touches);
        Fingerprints fingerprints = Fingerprints.start(transactions, settings.tokenPepper());
        SignInCounters counters = new SignInCounters(settings.signInThrottle(), fingerprints, database.schema);
        PasswordProtocol passwords = new PasswordProtocol(transactions, hasher, settings.hashingWait(), counters,
                fingerprints);
        SessionLimits limits = new SessionLimits(settings.sessionLimit(), store);
        JpaSessionRealm uncached = new JpaSessionRealm(settings, transactions, tokens, rules, store, database.jdbc,
                touches, limits);
        if (cache == null) {
            this.cachedSessions = null;
            this.poller = null;
            this.sessions = uncached;
        } else {
            // the counter is read before any entry is cached
            try {
                this.poller = new ChangePoller(database.jdbc, cache, ticker, settings.sessionCache().pollInterval(),
                        pollInBackground);
            } catch (RuntimeException e) {
                touches.close(); // the realm does not start: stop the thread it started
                throw e;
            }
            this.cachedSessions = new CachedSessionRealm(uncached, cache, tokens, transactions);
            this.sessions = cachedSessions;
        }
        this.credentials = new JpaCredentialRealm(tokens, store, limits, passwords);
        this.admin = new JpaAdminRealm(settings, transactions, store, counters, passwords);
        this.audit = new JpaAuditRealm(transactions);
    }

    /**
     * Connects (waiting up to {@link Database#START_PATIENCE} for a first connection), prepares the schema and starts
     * a realm.
     *
     * @throws RealmUnavailableException if the database can not be reached
     * @throws RealmException            if the schema does not match the mapping, or can not be created
     */
    public static Realm start(RealmSettings settings) {
        return start(settings, SessionChangeListener.NONE);
    }

    /** Starts a realm that tells {@code listener} of every committed change a cached session must see. */
    static JpaRealm start(RealmSettings settings, SessionChangeListener listener) {
        return start(settings, listener, Ticker.systemTicker(), true);
    }

    /**
     * Starts a realm whose session cache (if on) reads time from {@code ticker}, and polls the change log on a
     * thread of its own only if {@code pollInBackground} (else a test polls through {@link #poller()}).
     */
    static JpaRealm start(RealmSettings settings, SessionChangeListener listener, Ticker ticker,
                          boolean pollInBackground) {
        Database database = Database.open(settings);
        try {
            database.jdbc.write(c -> {
                ChangeLog.ensureCounter(c);
                return null;
            });
            JpaRealm realm = new JpaRealm(settings, database, listener, ticker, pollInBackground);
            if (settings.passwordCost().belowOwaspMinimum()) {
                LOG.log(Level.WARNING, "password cost " + settings.passwordCost() + " is below OWASP's minimum "
                        + PasswordCost.OWASP + "; use it only in tests");
            }
            LOG.log(Level.INFO, "realm started on " + database.product + " (" + settings + ")");
            return realm;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** The hasher and its permits, so that tests can occupy them. */
    PasswordHasher hasher() {
        return hasher;
    }

    // ============================================================================================ sessions

    @Override
    public OpenedSession open(long accountId, ClientFacts client) {
        return sessions.open(accountId, client);
    }

    @Override
    public Optional<SessionView> resolve(String token) {
        return sessions.resolve(token);
    }

    @Override
    public Optional<SessionView> peek(String token) {
        return sessions.peek(token);
    }

    @Override
    public void recordActivity(SessionView session) {
        sessions.recordActivity(session);
    }

    /** Writes the activity recorded so far now, instead of within the next flush interval; for tests. */
    void flushActivity() {
        touches.flush();
    }

    /** The writer of last-seen; for tests. */
    TouchWriter touchWriter() {
        return touches;
    }

    /** The session cache, or null when it is off; for tests. */
    SessionCache cache() {
        return cache;
    }

    @Override
    public Optional<SessionCacheStats> sessionCacheStats() {
        return cache == null ? Optional.empty() : Optional.of(cache.stats());
    }

    /** The reader of the change log, or null when the cache is off; for tests. */
    ChangePoller poller() {
        return poller;
    }

    /** The cached per-request part, or null when the cache is off; for tests. */
    CachedSessionRealm cachedSessions() {
        return cachedSessions;
    }

    @Override
    public Optional<OpenedSession> rotate(String token) {
        return sessions.rotate(token);
    }

    @Override
    public Optional<OpenedSession> markReauthenticated(String token, ClientFacts client) {
        return sessions.markReauthenticated(token, client);
    }

    @Override
    public boolean revoke(String token, String reason) {
        return sessions.revoke(token, reason);
    }

    @Override
    public Clock clock() {
        return sessions.clock();
    }

    @Override
    public Duration idleTimeout() {
        return sessions.idleTimeout();
    }

    @Override
    public Duration absoluteTimeout() {
        return sessions.absoluteTimeout();
    }

    // ========================================================================================= credentials

    @Override
    public LoginResult login(String username, String password, ClientFacts client) {
        return credentials.login(username, password, client);
    }

    @Override
    public LoginResult reauthenticate(String token, String password, ClientFacts client) {
        return credentials.reauthenticate(token, password, client);
    }

    @Override
    public PasswordChange changePassword(long accountId, String currentPassword, String newPassword,
                                         String keepSessionPublicId) {
        return credentials.changePassword(accountId, currentPassword, newPassword, keepSessionPublicId);
    }

    // ====================================================================================== administration

    @Override
    public AccountView createAccount(String username, String password) {
        return admin.createAccount(username, password);
    }

    @Override
    public Optional<AccountView> findAccount(String username) {
        return admin.findAccount(username);
    }

    @Override
    public Optional<AccountView> findAccount(long accountId) {
        return admin.findAccount(accountId);
    }

    @Override
    public List<AccountView> listAccounts() {
        return admin.listAccounts();
    }

    @Override
    public boolean setPassword(long accountId, String newPassword, String actor) {
        return admin.setPassword(accountId, newPassword, actor);
    }

    @Override
    public boolean setEnabled(long accountId, boolean enabled, String actor) {
        return admin.setEnabled(accountId, enabled, actor);
    }

    @Override
    public boolean grantRole(long accountId, String role, Instant expiresAt, String grantedBy) {
        return admin.grantRole(accountId, role, expiresAt, grantedBy);
    }

    @Override
    public boolean revokeRole(long accountId, String role, String revokedBy) {
        return admin.revokeRole(accountId, role, revokedBy);
    }

    @Override
    public List<RoleGrant> listGrants(long accountId) {
        return admin.listGrants(accountId);
    }

    @Override
    public boolean revokeSession(long accountId, String publicId, String reason) {
        return admin.revokeSession(accountId, publicId, reason);
    }

    @Override
    public int revokeAllSessions(long accountId, String reason) {
        return admin.revokeAllSessions(accountId, reason);
    }

    @Override
    public int revokeOtherSessions(long accountId, String keepPublicId, String reason) {
        return admin.revokeOtherSessions(accountId, keepPublicId, reason);
    }

    @Override
    public List<SessionView> listSessions(long accountId) {
        return admin.listSessions(accountId);
    }

    @Override
    public Optional<SessionLimit> sessionLimit() {
        return admin.sessionLimit();
    }

    @Override
    public PurgeResult purge(int batchSize) {
        return admin.purge(batchSize);
    }

    // =============================================================================================== audit

    @Override
    public void audit(AuditEvent.Type type, Long accountId, String sessionPublicId, String ip, String detail) {
        audit.audit(type, accountId, sessionPublicId, ip, detail);
    }

    @Override
    public List<AuditEvent> auditTrail(Long accountId, int limit) {
        return audit.auditTrail(accountId, limit);
    }

    @Override
    public List<AuditEvent> auditTrail(AuditQuery query) {
        return audit.auditTrail(query);
    }

    // ============================================================================================ lifecycle

    @Override
    public void close() {
        try {
            if (poller != null) {
                poller.close();
            }
            touches.close();
        } finally {
            database.close();
        }
    }

    @Override
    public String toString() {
        return "JpaRealm[" + settings + "]";
    }
}
