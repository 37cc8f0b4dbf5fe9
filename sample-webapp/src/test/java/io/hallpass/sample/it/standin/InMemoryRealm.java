package io.hallpass.sample.it.standin;

import io.hallpass.realm.AccountView;
import io.hallpass.realm.AuditEvent;
import io.hallpass.realm.ClientFacts;
import io.hallpass.realm.DuplicateUsernameException;
import io.hallpass.realm.LoginResult;
import io.hallpass.realm.OpenedSession;
import io.hallpass.realm.PasswordChange;
import io.hallpass.realm.PurgeResult;
import io.hallpass.realm.Realm;
import io.hallpass.realm.RoleGrant;
import io.hallpass.realm.SessionView;
import io.hallpass.realm.Usernames;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A test stand-in for the JPA realm: everything in memory, passwords in clear, no lockout. It exists only so
 * that the portal can be smoke-tested in real containers before the real realm and filter land.
 */
final class InMemoryRealm implements Realm {

    private static final class Account {
        final long id;
        final String username;
        String password;
        boolean enabled = true;
        final Instant createdAt;
        Instant passwordChangedAt;
        final Map<String, RoleGrant> grants = new LinkedHashMap<>();

        Account(long id, String username, String password, Instant now) {
            this.id = id;
            this.username = username;
            this.password = password;
            this.createdAt = now;
            this.passwordChangedAt = now;
        }
    }

    private static final class Session {
        final String publicId;
        final Account account;
        final Instant createdAt;
        Instant lastSeenAt;
        Instant lastAuthenticatedAt;
        ClientFacts client;
        boolean revoked;

        Session(String publicId, Account account, Instant now, ClientFacts client) {
            this.publicId = publicId;
            this.account = account;
            this.createdAt = now;
            this.lastSeenAt = now;
            this.lastAuthenticatedAt = now;
            this.client = client;
        }
    }

    private final Clock clock = Clock.systemUTC();
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final Map<String, Session> byToken = new LinkedHashMap<>();
    private final List<AuditEvent> audit = new ArrayList<>();
    private long nextId = 1;

    @Override
    public synchronized AccountView createAccount(String username, String password) {
        String name = Usernames.normalise(username);
        if (accounts.containsKey(name)) {
            throw new DuplicateUsernameException(name);
        }
        Account account = new Account(nextId++, name, password, clock.instant());
        accounts.put(name, account);
        record(AuditEvent.Type.ACCOUNT_CREATED, account, null, null, null);
        return view(account);
    }

    @Override
    public synchronized Optional<AccountView> findAccount(String username) {
        return Optional.ofNullable(accounts.get(Usernames.normalise(username))).map(this::view);
    }

    @Override
    public synchronized Optional<AccountView> findAccount(long accountId) {
        return account(accountId).map(this::view);
    }

    @Override
    public synchronized List<AccountView> listAccounts() {
        return accounts.values().stream().sorted(Comparator.comparing(a -> a.username)).map(this::view).toList();
    }

    @Override
    public synchronized boolean setPassword(long accountId, String newPassword, String actor) {
        Optional<Account> account = account(accountId);
        account.ifPresent(a -> {
            a.password = newPassword;
            a.passwordChangedAt = clock.instant();
            revokeAll(a, null);
        });
        return account.isPresent();
    }

    @Override
    public synchronized PasswordChange changePassword(long accountId, String currentPassword, String newPassword,
                                                      String keepSessionPublicId) {
        Account a = account(accountId).orElse(null);
        if (a == null || !a.enabled || !a.password.equals(currentPassword)) {
            return new PasswordChange.Rejected();
        }
        a.password = newPassword;
        a.passwordChangedAt = clock.instant();
        record(AuditEvent.Type.PASSWORD_CHANGED, a, keepSessionPublicId, null, null);
        return new PasswordChange.Changed(revokeAll(a, keepSessionPublicId));
    }

    @Override
    public synchronized boolean setEnabled(long accountId, boolean enabled, String actor) {
        Optional<Account> account = account(accountId);
        account.ifPresent(a -> {
            a.enabled = enabled;
            if (!enabled) {
                revokeAll(a, null);
            }
            record(enabled ? AuditEvent.Type.ACCOUNT_ENABLED : AuditEvent.Type.ACCOUNT_DISABLED, a, null, null,
                    "by " + actor);
        });
        return account.isPresent();
    }

    @Override
    public synchronized boolean grantRole(long accountId, String role, Instant expiresAt, String grantedBy) {
        Optional<Account> account = account(accountId);
        account.ifPresent(a -> {
            a.grants.put(role, new RoleGrant(role, clock.instant(), expiresAt, grantedBy));
            record(AuditEvent.Type.ROLE_GRANTED, a, null, null, role + " by " + grantedBy);
        });
        return account.isPresent();
    }

    @Override
    public synchronized boolean revokeRole(long accountId, String role, String revokedBy) {
        Account a = account(accountId).orElse(null);
        if (a == null || a.grants.remove(role) == null) {
            return false;
        }
        record(AuditEvent.Type.ROLE_REVOKED, a, null, null, role + " by " + revokedBy);
        return true;
    }

    @Override
    public synchronized List<RoleGrant> listGrants(long accountId) {
        return account(accountId).map(a -> List.copyOf(a.grants.values())).orElse(List.of());
    }

    @Override
    public synchronized LoginResult login(String username, String password, ClientFacts client) {
        Account a = accounts.get(Usernames.normalise(username));
        if (a == null || !a.enabled || !a.password.equals(password)) {
            audit.add(new AuditEvent(audit.size() + 1, clock.instant(), AuditEvent.Type.LOGIN_FAILED,
                    a == null ? null : a.id, a == null ? "unknown:0000" : a.username, null, client.ip(), null));
            return new LoginResult.Failed();
        }
        OpenedSession opened = open(a.id, client);
        record(AuditEvent.Type.LOGIN_SUCCEEDED, a, opened.view().publicId(), client.ip(), null);
        return new LoginResult.Success(opened, false, 0);
    }

    @Override
    public synchronized LoginResult reauthenticate(String token, String password, ClientFacts client) {
        Session s = live(token);
        if (s == null || !s.account.password.equals(password)) {
            return new LoginResult.Failed();
        }
        return new LoginResult.Success(markReauthenticated(token, client).orElseThrow(), false, 0);
    }

    @Override
    public synchronized OpenedSession open(long accountId, ClientFacts client) {
        Account a = account(accountId).orElseThrow();
        String token = token();
        Session s = new Session("s" + token.substring(0, 10).replace('_', 'x').replace('-', 'y'), a,
                clock.instant(), client);
        byToken.put(token, s);
        return new OpenedSession(token, view(s));
    }

    @Override
    public synchronized Optional<SessionView> resolve(String token) {
        Session s = live(token);
        if (s == null) {
            return Optional.empty();
        }
        s.lastSeenAt = clock.instant();
        return Optional.of(view(s));
    }

    @Override
    public synchronized Optional<OpenedSession> rotate(String token) {
        Session s = live(token);
        if (s == null) {
            return Optional.empty();
        }
        byToken.remove(token);
        String next = token();
        byToken.put(next, s);
        return Optional.of(new OpenedSession(next, view(s)));
    }

    @Override
    public synchronized Optional<OpenedSession> markReauthenticated(String token, ClientFacts client) {
        Session s = live(token);
        if (s == null) {
            return Optional.empty();
        }
        s.lastAuthenticatedAt = clock.instant();
        s.client = client;
        return rotate(token);
    }

    @Override
    public synchronized boolean revoke(String token, String reason) {
        Session s = live(token);
        if (s != null) {
            s.revoked = true;
        }
        return s != null;
    }

    @Override
    public synchronized boolean revokeSession(long accountId, String publicId, String reason) {
        for (Session s : byToken.values()) {
            if (!s.revoked && s.account.id == accountId && s.publicId.equals(publicId)) {
                s.revoked = true;
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized int revokeAllSessions(long accountId, String reason) {
        return account(accountId).map(a -> revokeAll(a, null)).orElse(0);
    }

    @Override
    public synchronized int revokeOtherSessions(long accountId, String keepPublicId, String reason) {
        return account(accountId).map(a -> revokeAll(a, keepPublicId)).orElse(0);
    }

    @Override
    public synchronized List<SessionView> listSessions(long accountId) {
        return byToken.values().stream().filter(s -> !s.revoked && s.account.id == accountId && s.account.enabled)
                .sorted(Comparator.comparing((Session s) -> s.createdAt).reversed()).map(this::view).toList();
    }

    @Override
    public PurgeResult purge(int batchSize) {
        return new PurgeResult(0, 0, 0);
    }

    @Override
    public synchronized void audit(AuditEvent.Type type, Long accountId, String sessionPublicId, String ip,
                                   String detail) {
        audit.add(new AuditEvent(audit.size() + 1, clock.instant(), type, accountId, null, sessionPublicId, ip, detail));
    }

    @Override
    public synchronized List<AuditEvent> auditTrail(Long accountId, int limit) {
        List<AuditEvent> newest = new ArrayList<>(audit);
        java.util.Collections.reverse(newest);
        return newest.stream().filter(e -> accountId == null || accountId.equals(e.accountId())).limit(limit).toList();
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Duration idleTimeout() {
        return Duration.ofMinutes(30);
    }

    @Override
    public Duration absoluteTimeout() {
        return Duration.ofHours(12);
    }

    @Override
    public void close() {
    }

    // ------------------------------------------------------------------------------------------------ inside

    private Optional<Account> account(long id) {
        return accounts.values().stream().filter(a -> a.id == id).findFirst();
    }

    private Session live(String token) {
        Session s = token == null ? null : byToken.get(token);
        return s == null || s.revoked || !s.account.enabled ? null : s;
    }

    private int revokeAll(Account account, String keep) {
        int n = 0;
        for (Session s : byToken.values()) {
            if (!s.revoked && s.account == account && !s.publicId.equals(keep)) {
                s.revoked = true;
                n++;
            }
        }
        return n;
    }

    private String token() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private void record(AuditEvent.Type type, Account a, String session, String ip, String detail) {
        audit.add(new AuditEvent(audit.size() + 1, clock.instant(), type, a.id, a.username, session, ip, detail));
    }

    private Set<String> roles(Account a) {
        Set<String> roles = new HashSet<>();
        for (RoleGrant g : a.grants.values()) {
            if (g.activeAt(clock.instant())) {
                roles.add(g.role());
            }
        }
        return roles;
    }

    private AccountView view(Account a) {
        return new AccountView(a.id, a.username, a.enabled, roles(a), a.createdAt, a.passwordChangedAt);
    }

    private SessionView view(Session s) {
        return new SessionView(s.publicId, s.account.id, s.account.username, roles(s.account), s.createdAt,
                s.lastSeenAt, s.lastAuthenticatedAt, s.lastSeenAt.plus(idleTimeout()),
                s.createdAt.plus(absoluteTimeout()), s.client, false, 0, false);
    }
}
