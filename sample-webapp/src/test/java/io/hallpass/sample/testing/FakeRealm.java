package io.hallpass.sample.testing;

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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An in-memory realm with just the account and role operations the seeding uses. Other calls fail, so a test
 * notices if the code under test needs more than it claims.
 */
public class FakeRealm implements Realm {

    public record Account(long id, String username, String password, List<RoleGrant> grants) {
    }

    private final Clock clock;
    public final Map<String, Account> accounts = new LinkedHashMap<>();
    public int creates;

    public FakeRealm(Clock clock) {
        this.clock = clock;
    }

    @Override
    public AccountView createAccount(String username, String password) {
        creates++;
        if (accounts.containsKey(username)) {
            throw new DuplicateUsernameException(username);
        }
        Account account = new Account(accounts.size() + 1L, username, password, new ArrayList<>());
        accounts.put(username, account);
        return view(account);
    }

    @Override
    public Optional<AccountView> findAccount(String username) {
        return Optional.ofNullable(accounts.get(username)).map(this::view);
    }

    @Override
    public Optional<AccountView> findAccount(long accountId) {
        return accounts.values().stream().filter(a -> a.id() == accountId).findFirst().map(this::view);
    }

    @Override
    public boolean grantRole(long accountId, String role, Instant expiresAt, String grantedBy) {
        for (Account account : accounts.values()) {
            if (account.id() == accountId) {
                account.grants().removeIf(g -> g.role().equals(role));
                account.grants().add(new RoleGrant(role, clock.instant(), expiresAt, grantedBy));
                return true;
            }
        }
        return false;
    }

    @Override
    public List<RoleGrant> listGrants(long accountId) {
        return accounts.values().stream().filter(a -> a.id() == accountId).findFirst()
                .map(a -> List.copyOf(a.grants())).orElse(List.of());
    }

    @Override
    public Clock clock() {
        return clock;
    }

    private AccountView view(Account account) {
        Set<String> roles = new HashSet<>();
        for (RoleGrant grant : account.grants()) {
            if (grant.activeAt(clock.instant())) {
                roles.add(grant.role());
            }
        }
        return new AccountView(account.id(), account.username(), true, roles, clock.instant(), clock.instant());
    }

    // ----------------------------------------------------------------------------------- not needed here

    @Override
    public List<AccountView> listAccounts() {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean setPassword(long accountId, String newPassword, String actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public PasswordChange changePassword(long accountId, String currentPassword, String newPassword,
                                         String keepSessionPublicId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean setEnabled(long accountId, boolean enabled, String actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean revokeRole(long accountId, String role, String revokedBy) {
        throw new UnsupportedOperationException();
    }

    @Override
    public LoginResult login(String username, String password, ClientFacts client) {
        throw new UnsupportedOperationException();
    }

    @Override
    public LoginResult reauthenticate(String token, String password, ClientFacts client) {
        throw new UnsupportedOperationException();
    }

    @Override
    public OpenedSession open(long accountId, ClientFacts client) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<SessionView> resolve(String token) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<OpenedSession> rotate(String token) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<OpenedSession> markReauthenticated(String token, ClientFacts client) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean revoke(String token, String reason) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean revokeSession(long accountId, String publicId, String reason) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int revokeAllSessions(long accountId, String reason) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int revokeOtherSessions(long accountId, String keepPublicId, String reason) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<SessionView> listSessions(long accountId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public PurgeResult purge(int batchSize) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void audit(AuditEvent.Type type, Long accountId, String sessionPublicId, String ip, String detail) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<AuditEvent> auditTrail(Long accountId, int limit) {
        throw new UnsupportedOperationException();
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
}
