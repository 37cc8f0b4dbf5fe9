package io.hallpass.realm.jpa;

import io.hallpass.realm.AccountView;
import io.hallpass.realm.AuditEvent;
import io.hallpass.realm.ClientFacts;
import io.hallpass.realm.DuplicateUsernameException;
import io.hallpass.realm.InvalidInputException;
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
import io.hallpass.realm.RoleNames;
import io.hallpass.realm.SessionView;
import io.hallpass.realm.Usernames;
import io.hallpass.realm.jpa.Rows.AccountRow;
import io.hallpass.realm.jpa.Rows.SessionRow;
import io.hallpass.realm.jpa.SessionRules.State;
import io.hallpass.realm.jpa.SessionStore.Lookup;
import io.hallpass.realm.jpa.PasswordProtocol.Answers;
import io.hallpass.realm.jpa.PasswordProtocol.Attempt;
import io.hallpass.realm.jpa.PasswordProtocol.Check;
import io.hallpass.realm.jpa.PasswordProtocol.Claim;
import io.hallpass.realm.jpa.PasswordProtocol.Failure;
import io.hallpass.realm.jpa.PasswordProtocol.Match;
import io.hallpass.realm.password.PasswordHasher;
import io.hallpass.realm.password.PasswordHasher.Verdict;
import io.hallpass.realm.password.PasswordRules;
import io.hallpass.realm.token.TokenCodec;
import java.lang.System.Logger.Level;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.hibernate.LockMode;

/**
 * The JPA (Hibernate) implementation of {@link Realm}. Internal: use {@link Realm#builder()}.
 *
 * <p>Every public method validates its arguments, then runs one transaction in a Hibernate
 * {@link org.hibernate.StatelessSession} (no persistence context, no dirty checking: each statement is written
 * out). The exception is the hot path: {@link #resolve(String)} first reads with a single auto-committed query
 * and only opens a transaction when it has something to write. Password hashing never happens inside a
 * transaction: an operation that verifies a password reads what it needs (counting the attempt first), hashes
 * with no connection held, then writes in a second transaction that re-checks what it read.
 */
public final class JpaRealm implements Realm {

    private static final System.Logger LOG = System.getLogger("io.hallpass.realm");

    private final RealmSettings settings;
    private final Clock clock;
    private final Database database;
    private final Transactions transactions;
    private final TokenCodec tokens;
    private final PasswordHasher hasher;
    private final SessionRules rules;
    private final LoginThrottle throttle;
    private final SessionStore sessions;
    private final PasswordProtocol passwords;

    private JpaRealm(RealmSettings settings, Database database) {
        this.settings = settings;
        this.clock = settings.clock();
        this.database = database;
        this.transactions = new Transactions(database.factory, clock);
        this.tokens = new TokenCodec(settings.tokenPepper());
        this.hasher = new PasswordHasher(settings.passwordCost(), settings.hashingPermits());
        this.rules = SessionRules.of(settings);
        this.throttle = new LoginThrottle(settings, database.schema);
        this.sessions = new SessionStore(tokens, rules);
        this.passwords = new PasswordProtocol(transactions, hasher, settings.hashingWait(), throttle);
    }

    /**
     * Connects (waiting up to {@link Database#START_PATIENCE} for a first connection), prepares the schema and starts
     * a realm.
     *
     * @throws RealmUnavailableException if the database can not be reached
     * @throws RealmException            if the schema does not match the mapping, or can not be created
     */
    public static Realm start(RealmSettings settings) {
        Database database = Database.open(settings);
        try {
            JpaRealm realm = new JpaRealm(settings, database);
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

    private <T> T inTransaction(Function<Tx, T> work) {
        return transactions.run(work);
    }

    // ============================================================================================ accounts

    @Override
    public AccountView createAccount(String username, String password) {
        String name = Usernames.normalise(username);
        byte[] secret = PasswordRules.newPassword(password);
        String phc = passwords.hashForAdministration(secret);
        return inTransaction(t -> {
            if (Accounts.byName(t, name) != null) {
                throw new DuplicateUsernameException(name);
            }
            // a concurrent creation of the same name loses at the unique key, is retried, and lands above
            long id = Accounts.insert(t, name, phc);
            t.audit(AuditEvent.Type.ACCOUNT_CREATED, id, name, null, null, null);
            return new AccountView(id, name, true, Set.of(), t.now, t.now);
        });
    }

    @Override
    public Optional<AccountView> findAccount(String username) {
        String name = Usernames.normalise(username);
        return inTransaction(t -> Optional.ofNullable(Accounts.byName(t, name)).map(a -> accountView(t, a)));
    }

    @Override
    public Optional<AccountView> findAccount(long accountId) {
        return inTransaction(t -> Optional.ofNullable(Accounts.byId(t, accountId)).map(a -> accountView(t, a)));
    }

    @Override
    public List<AccountView> listAccounts() {
        return inTransaction(t -> {
            Map<Long, Set<String>> roles = Grants.activeRolesByAccount(t);
            List<AccountView> views = new ArrayList<>();
            for (AccountRow a : Accounts.all(t)) {
                views.add(new AccountView(a.id(), a.username(), a.enabled(), roles.getOrDefault(a.id(), Set.of()),
                        a.createdAt(), a.passwordChangedAt()));
            }
            // sorted here, not by the database, so that every database orders names alike (collations differ)
            views.sort(Comparator.comparing(AccountView::username));
            return views;
        });
    }

    @Override
    public boolean setPassword(long accountId, String newPassword, String actor) {
        byte[] secret = PasswordRules.newPassword(newPassword);
        String by = Checks.optionalText(actor, Columns.ACTOR, "actor");
        String phc = passwords.hashForAdministration(secret);
        return inTransaction(t -> {
            AccountRow account = Accounts.lock(t, accountId, LockMode.PESSIMISTIC_WRITE);
            if (account == null) {
                return false;
            }
            Accounts.setPasswordHash(t, accountId, phc);
            // a reset also lifts a lockout on the name: the administrator has just vouched for the holder
            throttle.clear(t, account.username());
            t.audit(AuditEvent.Type.PASSWORD_CHANGED, accountId, account.username(), null, null,
                    "reset" + (by == null ? "" : " by " + by));
            sessions.revokeAll(t, account.id(), null, "password-reset");
            return true;
        });
    }

    @Override
    public PasswordChange changePassword(long accountId, String currentPassword, String newPassword,
                                         String keepSessionPublicId) {
        byte[] current = PasswordRules.presented(currentPassword, "current password");
        byte[] next = PasswordRules.newPassword(newPassword);
        String keep = keepSessionPublicId == null ? null : Checks.publicId(keepSessionPublicId, "session public id");
        return passwords.check(current, Answers.PASSWORD_CHANGE, new Check<>() {
            @Override
            public Claim claim(Tx t) {
                AccountRow account = Accounts.byId(t, accountId);
                return account == null || !account.enabled() ? null : new Claim(account.username(), account, null);
            }

            @Override
            public byte[] newPassword() {
                return next;
            }

            @Override
            public Failure failure(Attempt attempt, Verdict verdict) {
                return new Failure(AuditEvent.Type.REAUTH_FAILED, null, "password change: wrong current password",
                        null);
            }

            @Override
            public PasswordChange succeed(Tx t, Match match) {
                AccountRow account = match.current();
                Accounts.setPasswordHash(t, accountId, match.newHash());
                t.audit(AuditEvent.Type.PASSWORD_CHANGED, accountId, account.username(), keep, null,
                        "changed by the holder");
                return new PasswordChange.Changed(sessions.revokeAll(t, accountId, keep, "password-changed"));
            }
        });
    }

    @Override
    public boolean setEnabled(long accountId, boolean enabled, String actor) {
        String by = Checks.optionalText(actor, Columns.ACTOR, "actor");
        return inTransaction(t -> {
            AccountRow account = Accounts.lock(t, accountId, LockMode.PESSIMISTIC_WRITE);
            if (account == null) {
                return false;
            }
            if (account.enabled() != enabled) {
                Accounts.setEnabled(t, accountId, enabled);
                t.audit(enabled ? AuditEvent.Type.ACCOUNT_ENABLED : AuditEvent.Type.ACCOUNT_DISABLED, accountId,
                        account.username(), null, null, by == null ? null : "by " + by);
            }
            if (!enabled) {
                sessions.revokeAll(t, account.id(), null, "account-disabled");
            }
            return true;
        });
    }

    // =============================================================================================== roles

    @Override
    public boolean grantRole(long accountId, String role, Instant expiresAt, String grantedBy) {
        RoleNames.check(role);
        String by = Checks.optionalText(grantedBy, Columns.ACTOR, "granted by");
        Instant until = expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.MICROS);
        return inTransaction(t -> {
            if (until != null && !until.isAfter(t.now)) {
                throw new InvalidInputException("role grant expiry is not in the future");
            }
            AccountRow account = Accounts.byId(t, accountId);
            if (account == null) {
                return false;
            }
            Grants.grant(t, accountId, role, until, by);
            t.audit(AuditEvent.Type.ROLE_GRANTED, accountId, account.username(), null, null,
                    role + (until == null ? "" : " until " + until) + (by == null ? "" : " by " + by));
            return true;
        });
    }

    @Override
    public boolean revokeRole(long accountId, String role, String revokedBy) {
        RoleNames.check(role);
        String by = Checks.optionalText(revokedBy, Columns.ACTOR, "revoked by");
        return inTransaction(t -> {
            if (!Grants.revoke(t, accountId, role)) {
                return false;
            }
            AccountRow account = Accounts.byId(t, accountId);
            t.audit(AuditEvent.Type.ROLE_REVOKED, accountId, account == null ? null : account.username(), null,
                    null, role + (by == null ? "" : " by " + by));
            return true;
        });
    }

    @Override
    public List<RoleGrant> listGrants(long accountId) {
        return inTransaction(t -> Grants.of(t, accountId));
    }

    // ====================================================================================== authentication

    @Override
    public LoginResult login(String username, String password, ClientFacts client) {
        String name = Usernames.normalise(username);
        byte[] secret = PasswordRules.presented(password, "password");
        ClientFacts facts = client == null ? ClientFacts.UNKNOWN : client;
        return passwords.check(secret, Answers.LOGIN, new Check<>() {
            @Override
            public Claim claim(Tx t) {
                return new Claim(name, null, null); // the account is read after counting
            }

            @Override
            public AccountRow account(Tx t, Claim claim) {
                return Accounts.byName(t, name);
            }

            @Override
            public Failure failure(Attempt attempt, Verdict verdict) {
                AccountRow account = attempt.account();
                String reason = account == null ? "unknown username" : !account.enabled() ? "account disabled"
                        : verdict == Verdict.CORRUPT ? "stored password hash unreadable" : "wrong password";
                return new Failure(AuditEvent.Type.LOGIN_FAILED, facts.ip(), reason, null);
            }

            @Override
            public LoginResult succeed(Tx t, Match match) {
                AccountRow account = match.current();
                int failuresBefore = match.attempt().count().failuresBefore();
                boolean newDevice = Devices.note(t, account, facts);
                OpenedSession session = sessions.open(t, account, facts, newDevice, failuresBefore);
                t.audit(AuditEvent.Type.LOGIN_SUCCEEDED, account.id(), account.username(), session.view().publicId(),
                        facts.ip(), failuresBefore == 0 ? null : "after " + failuresBefore + " failed attempts");
                return new LoginResult.Success(session, newDevice, failuresBefore);
            }

            @Override
            public Failure changedMeanwhile(Attempt attempt) {
                return new Failure(AuditEvent.Type.LOGIN_FAILED, facts.ip(), "account changed during login", null);
            }
        });
    }

    @Override
    public LoginResult reauthenticate(String token, String password, ClientFacts client) {
        byte[] secret = PasswordRules.presented(password, "password");
        ClientFacts facts = client == null ? ClientFacts.UNKNOWN : client;
        if (!tokens.isWellFormed(token)) {
            return new LoginResult.Failed();
        }
        byte[] hash = tokens.hash(token);
        return passwords.check(secret, Answers.LOGIN, new Check<>() {
            @Override
            public Claim claim(Tx t) {
                // only the current token may re-authenticate: a token inside its grace must never gain a new stamp
                SessionRow session = sessions.liveRow(t, hash, false);
                return session == null ? null : new Claim(session.username(), null, session);
            }

            @Override
            public AccountRow account(Tx t, Claim claim) {
                return Accounts.byId(t, claim.session().accountId());
            }

            @Override
            public Failure failure(Attempt attempt, Verdict verdict) {
                return new Failure(AuditEvent.Type.REAUTH_FAILED, facts.ip(), "wrong password",
                        attempt.claim().session().publicId());
            }

            @Override
            public LoginResult succeed(Tx t, Match match) {
                SessionRow session = sessions.liveRow(t, hash, false);
                if (session == null) {
                    return null; // ended or rotated while we hashed
                }
                boolean newDevice = Devices.note(t, match.current(), facts);
                OpenedSession rotated = sessions.reauthenticate(t, session, hash, facts);
                return rotated == null ? new LoginResult.Failed()
                        : new LoginResult.Success(rotated, newDevice, match.attempt().count().failuresBefore());
            }
        });
    }

    // ============================================================================================ sessions

    @Override
    public OpenedSession open(long accountId, ClientFacts client) {
        ClientFacts facts = client == null ? ClientFacts.UNKNOWN : client;
        return inTransaction(t -> {
            AccountRow account = Accounts.lock(t, accountId, LockMode.PESSIMISTIC_READ);
            if (account == null || !account.enabled()) {
                throw new InvalidInputException("there is no enabled account with this id");
            }
            return sessions.open(t, account, facts, Devices.note(t, account, facts), 0);
        });
    }

    @Override
    public Optional<SessionView> resolve(String token) {
        if (!tokens.isWellFormed(token)) {
            return Optional.empty(); // garbage never reaches the database
        }
        byte[] hash = tokens.hash(token);
        // The common case only reads, with one statement outside any transaction: a single statement is consistent
        // by itself, and a read-only transaction would cost PostgreSQL and MariaDB a COMMIT round trip on every
        // request. Only when something must be written (last-seen is due, or an expired session must be marked)
        // does resolve run again as a transaction, which looks again before it writes.
        Read read = transactions.read(t -> {
            Lookup found = sessions.find(t, hash, true);
            if (found == null) {
                return Read.answer(Optional.empty());
            }
            SessionRow s = found.session();
            State state = rules.state(s, t.now, found.previous());
            if (state.expired() || state == State.LIVE && rules.touchDue(s.lastSeenAt(), t.now)) {
                return Read.WRITE_NEEDED;
            }
            return Read.answer(state == State.LIVE ? Optional.of(sessions.view(found, s.lastSeenAt()))
                    : Optional.empty());
        });
        if (read.answer() != null) {
            return read.answer();
        }
        return inTransaction(t -> {
            Lookup found = sessions.findLive(t, hash, true);
            if (found == null) {
                return Optional.empty();
            }
            SessionRow s = found.session();
            if (!rules.touchDue(s.lastSeenAt(), t.now)) {
                return Optional.of(sessions.view(found, s.lastSeenAt()));
            }
            sessions.touch(t, s);
            return Optional.of(sessions.view(found, t.now));
        });
    }

    /** What resolve's read found: an answer, or that it must run again as a transaction to write. */
    private record Read(Optional<SessionView> answer) {
        static final Read WRITE_NEEDED = new Read(null);

        static Read answer(Optional<SessionView> answer) {
            return new Read(answer);
        }
    }

    @Override
    public Optional<OpenedSession> rotate(String token) {
        if (!tokens.isWellFormed(token)) {
            return Optional.empty();
        }
        byte[] hash = tokens.hash(token);
        return inTransaction(t -> {
            SessionRow session = sessions.liveRow(t, hash, false);
            return session == null ? Optional.empty() : Optional.ofNullable(sessions.rotate(t, session, hash));
        });
    }

    @Override
    public Optional<OpenedSession> markReauthenticated(String token, ClientFacts client) {
        ClientFacts facts = client == null ? ClientFacts.UNKNOWN : client;
        if (!tokens.isWellFormed(token)) {
            return Optional.empty();
        }
        byte[] hash = tokens.hash(token);
        return inTransaction(t -> {
            SessionRow session = sessions.liveRow(t, hash, false);
            return session == null ? Optional.empty()
                    : Optional.ofNullable(sessions.reauthenticate(t, session, hash, facts));
        });
    }

    @Override
    public boolean revoke(String token, String reason) {
        String why = reason(reason);
        if (!tokens.isWellFormed(token)) {
            return false;
        }
        byte[] hash = tokens.hash(token);
        return inTransaction(t -> {
            SessionRow session = sessions.liveRow(t, hash, true); // the previous token, inside its grace, counts too
            return session != null && sessions.revoke(t, session, why);
        });
    }

    @Override
    public boolean revokeSession(long accountId, String publicId, String reason) {
        String id = Checks.publicId(publicId, "session public id");
        String why = reason(reason);
        return inTransaction(t -> {
            // scoped to the account: a public id of someone else's session revokes nothing
            SessionRow session = sessions.ofAccount(t, accountId, id);
            return session != null && sessions.isLive(t, session, false) && sessions.revoke(t, session, why);
        });
    }

    @Override
    public int revokeAllSessions(long accountId, String reason) {
        String why = reason(reason);
        return inTransaction(t -> {
            AccountRow account = Accounts.byId(t, accountId);
            return account == null ? 0 : sessions.revokeAll(t, account.id(), null, why);
        });
    }

    @Override
    public int revokeOtherSessions(long accountId, String keepPublicId, String reason) {
        String keep = Checks.publicId(keepPublicId, "session public id to keep");
        String why = reason(reason);
        return inTransaction(t -> {
            AccountRow account = Accounts.byId(t, accountId);
            return account == null ? 0 : sessions.revokeAll(t, account.id(), keep, why);
        });
    }

    @Override
    public List<SessionView> listSessions(long accountId) {
        return inTransaction(t -> sessions.listLive(t, accountId));
    }

    @Override
    public PurgeResult purge(int batchSize) {
        Checks.range(batchSize, 1, 10_000, "purge batch size");
        int expired = Purge.inBatches(transactions, batchSize, sessions::deleteAged);
        int counters = Purge.inBatches(transactions, batchSize, throttle::deleteAged);
        int events = Purge.inBatches(transactions, batchSize,
                (t, size) -> AuditLog.deleteOlderThan(t, t.now.minus(settings.auditRetention()), size));
        return new PurgeResult(expired, counters, events);
    }

    // =============================================================================================== audit

    @Override
    public void audit(AuditEvent.Type type, Long accountId, String sessionPublicId, String ip, String detail) {
        if (type == null) {
            throw new InvalidInputException("audit event type is missing");
        }
        String session = sessionPublicId == null ? null : Checks.publicId(sessionPublicId, "session public id");
        inTransaction(t -> {
            AccountRow account = accountId == null ? null : Accounts.byId(t, accountId);
            t.audit(type, accountId, account == null ? null : account.username(), session, ip, detail);
            return null;
        });
    }

    @Override
    public List<AuditEvent> auditTrail(Long accountId, int limit) {
        Checks.range(limit, 1, 10_000, "audit trail limit");
        return inTransaction(t -> AuditLog.trail(t, accountId, limit));
    }

    // ======================================================================================= configuration

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Duration idleTimeout() {
        return settings.idleTimeout();
    }

    @Override
    public Duration absoluteTimeout() {
        return settings.absoluteTimeout();
    }

    @Override
    public void close() {
        database.close();
    }

    @Override
    public String toString() {
        return "JpaRealm[" + settings + "]";
    }

    // ============================================================================ sessions: the mechanics

    private static String reason(String reason) {
        String why = Checks.optionalText(reason, Columns.REASON, "reason");
        return why == null ? "revoked" : why;
    }

    // ============================================================================= accounts: the mechanics

    private static AccountView accountView(Tx t, AccountRow a) {
        return new AccountView(a.id(), a.username(), a.enabled(), Grants.activeRoles(t, a.id()), a.createdAt(),
                a.passwordChangedAt());
    }

}
