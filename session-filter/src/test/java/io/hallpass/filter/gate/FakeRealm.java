package io.hallpass.filter.gate;

import io.hallpass.realm.AccountView;
import io.hallpass.realm.AuditEvent;
import io.hallpass.realm.ClientFacts;
import io.hallpass.realm.LoginResult;
import io.hallpass.realm.OpenedSession;
import io.hallpass.realm.PasswordChange;
import io.hallpass.realm.PurgeResult;
import io.hallpass.realm.Realm;
import io.hallpass.realm.RealmUnavailableException;
import io.hallpass.realm.RoleGrant;
import io.hallpass.realm.SessionView;
import io.hallpass.realm.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A realm in memory with just what the gate uses: sessions by token, revocation, the audit trail and the clock.
 * It counts every call, so a test can prove a path never touched it, and it can be switched "down" to throw
 * what the real realm throws when its database cannot be reached. Everything else throws.
 */
final class FakeRealm implements Realm {

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    final List<String> revoked = new ArrayList<>();
    final List<AuditEvent.Type> audited = new ArrayList<>();
    /** The public ids of the sessions whose activity was recorded, once per recording. */
    final List<String> active = new ArrayList<>();
    private final Map<String, SessionView> sessions = new HashMap<>();
    private int calls;
    private boolean down;
    private boolean auditsFail;

    /** A live session for {@code token}, last authenticated {@code authenticatedAgo} ago, from {@code userAgent}. */
    SessionView signIn(String token, String username, Duration authenticatedAgo, String userAgent, String... roles) {
        Instant now = clock.instant();
        SessionView view = new SessionView("pub-" + username, 7, username, Set.of(roles), now.minus(authenticatedAgo),
                now, now.minus(authenticatedAgo), now.plus(Duration.ofMinutes(30)), now.plus(Duration.ofHours(12)),
                new ClientFacts("127.0.0.1", userAgent, null), false, 0, false, Duration.ZERO);
        sessions.put(token, view);
        return view;
    }

    void down(boolean value) {
        down = value;
    }

    /** Audit writes alone fail as an unreachable database would (the lookup before them still works). */
    void failAudits(boolean value) {
        auditsFail = value;
    }

    /** How many times anything was asked of this realm. */
    int calls() {
        return calls;
    }

    private void call() {
        calls++;
        if (down) {
            throw new RealmUnavailableException("database down (test)", null);
        }
    }

    @Override
    public Optional<SessionView> resolve(String token) {
        Optional<SessionView> view = peek(token);
        view.ifPresent(this::recordActivity);
        return view;
    }

    @Override
    public Optional<SessionView> peek(String token) {
        call();
        return Optional.ofNullable(sessions.get(token));
    }

    @Override
    public void recordActivity(SessionView session) {
        call();
        active.add(session.publicId());
    }

    @Override
    public boolean revoke(String token, String reason) {
        call();
        revoked.add(token);
        return sessions.remove(token) != null;
    }

    @Override
    public void audit(AuditEvent.Type type, Long accountId, String sessionPublicId, String ip, String detail) {
        call();
        if (auditsFail) {
            throw new RealmUnavailableException("audit write failed (test)", null);
        }
        audited.add(type);
    }

    @Override
    public Clock clock() {
        return clock;
    }

    // ------------------------------------------------------------------ not used by the gate

    private static UnsupportedOperationException unused() {
        return new UnsupportedOperationException("the gate does not use this");
    }

    @Override
    public AccountView createAccount(String username, String password) {
        throw unused();
    }

    @Override
    public Optional<AccountView> findAccount(String username) {
        throw unused();
    }

    @Override
    public Optional<AccountView> findAccount(long accountId) {
        throw unused();
    }

    @Override
    public List<AccountView> listAccounts() {
        throw unused();
    }

    @Override
    public boolean setPassword(long accountId, String newPassword, String actor) {
        throw unused();
    }

    @Override
    public PasswordChange changePassword(long accountId, String currentPassword, String newPassword,
                                         String keepSessionPublicId) {
        throw unused();
    }

    @Override
    public boolean setEnabled(long accountId, boolean enabled, String actor) {
        throw unused();
    }

    @Override
    public boolean grantRole(long accountId, String role, Instant expiresAt, String grantedBy) {
        throw unused();
    }

    @Override
    public boolean revokeRole(long accountId, String role, String revokedBy) {
        throw unused();
    }

    @Override
    public List<RoleGrant> listGrants(long accountId) {
        throw unused();
    }

    @Override
    public LoginResult login(String username, String password, ClientFacts client) {
        throw unused();
    }

    @Override
    public LoginResult reauthenticate(String token, String password, ClientFacts client) {
        throw unused();
    }

    @Override
    public OpenedSession open(long accountId, ClientFacts client) {
        throw unused();
    }

    @Override
    public Optional<OpenedSession> rotate(String token) {
        throw unused();
    }

    @Override
    public Optional<OpenedSession> markReauthenticated(String token, ClientFacts client) {
        throw unused();
    }

    @Override
    public boolean revokeSession(long accountId, String publicId, String reason) {
        throw unused();
    }

    @Override
    public int revokeAllSessions(long accountId, String reason) {
        throw unused();
    }

    @Override
    public int revokeOtherSessions(long accountId, String keepPublicId, String reason) {
        throw unused();
    }

    @Override
    public List<SessionView> listSessions(long accountId) {
        throw unused();
    }

    @Override
    public Optional<io.hallpass.realm.SessionLimit> sessionLimit() {
        throw unused();
    }

    @Override
    public PurgeResult purge(int batchSize) {
        throw unused();
    }

    @Override
    public List<AuditEvent> auditTrail(Long accountId, int limit) {
        throw unused();
    }

    @Override
    public List<AuditEvent> auditTrail(io.hallpass.realm.AuditQuery query) {
        throw unused();
    }

    @Override
    public Duration idleTimeout() {
        throw unused();
    }

    @Override
    public Duration absoluteTimeout() {
        throw unused();
    }

    @Override
    public void close() {
        throw unused();
    }
}
