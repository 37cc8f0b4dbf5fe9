package io.hallpass.realm.jpa;

import io.hallpass.realm.AuditEvent;
import io.hallpass.realm.ClientFacts;
import io.hallpass.realm.CredentialRealm;
import io.hallpass.realm.LoginResult;
import io.hallpass.realm.OpenedSession;
import io.hallpass.realm.PasswordChange;
import io.hallpass.realm.Usernames;
import io.hallpass.realm.jpa.PasswordProtocol.Answers;
import io.hallpass.realm.jpa.PasswordProtocol.Attempt;
import io.hallpass.realm.jpa.PasswordProtocol.Check;
import io.hallpass.realm.jpa.PasswordProtocol.Claim;
import io.hallpass.realm.jpa.PasswordProtocol.Failure;
import io.hallpass.realm.jpa.PasswordProtocol.Match;
import io.hallpass.realm.jpa.Rows.AccountRow;
import io.hallpass.realm.jpa.Rows.SessionRow;
import io.hallpass.realm.password.PasswordHasher.Verdict;
import io.hallpass.realm.password.PasswordRules;
import io.hallpass.realm.token.TokenCodec;
import org.hibernate.LockMode;

/**
 * The JPA implementation of {@link CredentialRealm}: each password check is the {@link PasswordProtocol} with a
 * {@link Check} saying what differs (whose password it is, what a failure audits, what a success does).
 */
final class JpaCredentialRealm implements CredentialRealm {

    private final TokenCodec tokens;
    private final SessionStore store;
    private final SessionLimits limits;
    private final PasswordProtocol passwords;

    JpaCredentialRealm(TokenCodec tokens, SessionStore store, SessionLimits limits, PasswordProtocol passwords) {
        this.tokens = tokens;
        this.store = store;
        this.limits = limits;
        this.passwords = passwords;
    }

    @Override
    public LoginResult login(String username, String password, ClientFacts client) {
        String name = Usernames.normalise(username);
        byte[] secret = PasswordRules.presented(password, "password");
        ClientFacts facts = client == null ? ClientFacts.UNKNOWN : client;
        return passwords.check(secret, Answers.LOGIN, new Check<>() {
            @Override
            public Claim claim(Tx t) {
                return new Claim(name, null, null); // the account is read next
            }

            @Override
            public AccountRow account(Tx t, Claim claim) {
                return Accounts.byName(t, name);
            }

            @Override
            public SignInCounters.Client client(Tx t, Claim claim, AccountRow account) {
                // a device the account has signed in from is known; anyone else is their network (a device id the
                // account has never seen, or none, counts for nothing: an attacker can send any)
                return Devices.isKnown(t, account == null ? null : account.id(), facts.deviceId())
                        ? SignInCounters.Client.device(facts.deviceId()) : SignInCounters.Client.network(facts.ip());
            }

            @Override
            public Failure failure(Attempt attempt, Verdict verdict) {
                AccountRow account = attempt.account();
                String reason = account == null ? "unknown username" : !account.enabled() ? "account disabled"
                        : verdict == Verdict.CORRUPT ? "stored password hash unreadable" : "wrong password";
                return new Failure(AuditEvent.Type.LOGIN_FAILED, facts.ip(), reason, null);
            }

            @Override
            public LockMode accountLock() {
                return limits.lockForOpening();
            }

            @Override
            public LoginResult succeed(Tx t, Match match) {
                AccountRow account = match.current();
                if (!limits.admit(t, account.id())) {
                    // the password was right: the throttle's counts are cleared, but no session is opened
                    t.audit(AuditEvent.Type.LOGIN_FAILED, account.id(), account.username(), null, facts.ip(),
                            "session limit reached (" + limits.max() + ")");
                    return new LoginResult.TooManySessions(limits.max());
                }
                int failuresBefore = match.attempt().count().accountBefore();
                boolean newDevice = Devices.note(t, account, facts);
                OpenedSession session = store.open(t, account, facts, newDevice, failuresBefore);
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
                SessionRow session = store.liveRow(t, hash, false);
                return session == null ? null : new Claim(session.username(), null, session);
            }

            @Override
            public AccountRow account(Tx t, Claim claim) {
                return Accounts.byId(t, claim.session().accountId());
            }

            @Override
            public SignInCounters.Client client(Tx t, Claim claim, AccountRow account) {
                return SignInCounters.Client.session(claim.session().publicId());
            }

            @Override
            public boolean byHolder() {
                return true;
            }

            @Override
            public Failure failure(Attempt attempt, Verdict verdict) {
                return new Failure(AuditEvent.Type.REAUTH_FAILED, facts.ip(), "wrong password",
                        attempt.claim().session().publicId());
            }

            @Override
            public LoginResult succeed(Tx t, Match match) {
                SessionRow session = store.liveRow(t, hash, false);
                if (session == null) {
                    return null; // ended or rotated while we hashed
                }
                boolean newDevice = Devices.note(t, match.current(), facts);
                OpenedSession rotated = store.reauthenticate(t, session, hash, facts);
                return rotated == null ? new LoginResult.Failed()
                        : new LoginResult.Success(rotated, newDevice, match.attempt().count().accountBefore());
            }
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
            public SignInCounters.Client client(Tx t, Claim claim, AccountRow account) {
                // the holder's live session is a client of its own; without one, the holder counts as unknown
                SessionRow session = keep == null ? null : store.ofAccount(t, accountId, keep);
                return session != null && store.isLive(t, session, false) ? SignInCounters.Client.session(keep)
                        : SignInCounters.Client.holder();
            }

            @Override
            public boolean byHolder() {
                return true;
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
                // the kept session gets a new token with no grace: the token it had, and one still inside the
                // grace of its last rotation, may be what the change is meant to lock out
                SessionRow session = keep == null ? null : store.ofAccount(t, accountId, keep);
                OpenedSession kept = session != null && store.isLive(t, session, false)
                        ? store.rekey(t, session, "password-changed") : null;
                int revoked = store.revokeAll(t, accountId, kept == null ? null : keep, "password-changed");
                return new PasswordChange.Changed(revoked, kept);
            }
        });
    }
}
