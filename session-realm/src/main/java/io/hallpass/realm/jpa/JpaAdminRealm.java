package io.hallpass.realm.jpa;

import io.hallpass.realm.AccountView;
import io.hallpass.realm.AdminRealm;
import io.hallpass.realm.AuditEvent;
import io.hallpass.realm.DuplicateUsernameException;
import io.hallpass.realm.InvalidInputException;
import io.hallpass.realm.PurgeResult;
import io.hallpass.realm.RealmSettings;
import io.hallpass.realm.RoleGrant;
import io.hallpass.realm.RoleNames;
import io.hallpass.realm.SessionLimit;
import io.hallpass.realm.SessionView;
import io.hallpass.realm.Usernames;
import io.hallpass.realm.jpa.Rows.AccountRow;
import io.hallpass.realm.jpa.Rows.SessionRow;
import io.hallpass.realm.password.PasswordRules;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.LockMode;

/**
 * The JPA implementation of {@link AdminRealm}: accounts, role grants, an account's sessions and the purge. Each
 * method is one transaction (the purge one per batch) composed of the tables' owners.
 */
final class JpaAdminRealm implements AdminRealm {

    private final RealmSettings settings;
    private final Transactions transactions;
    private final SessionStore store;
    private final SignInCounters counters;
    private final PasswordProtocol passwords;

    JpaAdminRealm(RealmSettings settings, Transactions transactions, SessionStore store, SignInCounters counters,
                  PasswordProtocol passwords) {
        this.settings = settings;
        this.transactions = transactions;
        this.store = store;
        this.counters = counters;
        this.passwords = passwords;
    }

    // ============================================================================================ accounts

    @Override
    public AccountView createAccount(String username, String password) {
        String name = Usernames.normalise(username);
        byte[] secret = PasswordRules.newPassword(password);
        String phc = passwords.hashForAdministration(secret);
        return transactions.run(t -> {
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
        return transactions.run(t -> Optional.ofNullable(Accounts.byName(t, name)).map(a -> accountView(t, a)));
    }

    @Override
    public Optional<AccountView> findAccount(long accountId) {
        return transactions.run(t -> Optional.ofNullable(Accounts.byId(t, accountId)).map(a -> accountView(t, a)));
    }

    @Override
    public List<AccountView> listAccounts() {
        return transactions.run(t -> {
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
        return transactions.run(t -> {
            AccountRow account = Accounts.lock(t, accountId, LockMode.PESSIMISTIC_WRITE);
            if (account == null) {
                return false;
            }
            Accounts.setPasswordHash(t, accountId, phc);
            // a reset also ends the throttle's counts of the account and of its clients, the account's ceiling
            // included: the administrator has just vouched for the holder
            counters.forgetAccount(t, counters.accountKey(account.username()));
            t.audit(AuditEvent.Type.PASSWORD_CHANGED, accountId, account.username(), null, null,
                    "reset" + (by == null ? "" : " by " + by));
            store.revokeAll(t, account.id(), null, "password-reset");
            return true;
        });
    }

    @Override
    public boolean setEnabled(long accountId, boolean enabled, String actor) {
        String by = Checks.optionalText(actor, Columns.ACTOR, "actor");
        return transactions.run(t -> {
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
                store.revokeAll(t, account.id(), null, "account-disabled");
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
        return transactions.run(t -> {
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
        return transactions.run(t -> {
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
        return transactions.run(t -> Grants.of(t, accountId));
    }

    // ============================================================================================ sessions

    @Override
    public boolean revokeSession(long accountId, String publicId, String reason) {
        String id = Checks.publicId(publicId, "session public id");
        String why = Checks.reason(reason);
        return transactions.run(t -> {
            // scoped to the account: a public id of someone else's session revokes nothing
            SessionRow session = store.ofAccount(t, accountId, id);
            return session != null && store.isLive(t, session, false) && store.revoke(t, session, why);
        });
    }

    @Override
    public int revokeAllSessions(long accountId, String reason) {
        String why = Checks.reason(reason);
        return transactions.run(t -> {
            // locked as disable locks it: a sign-in committing at this moment holds the account's shared lock, so
            // its session is either committed before this looks for sessions to end, or opened after it
            AccountRow account = Accounts.lock(t, accountId, LockMode.PESSIMISTIC_WRITE);
            return account == null ? 0 : store.revokeAll(t, accountId, null, why);
        });
    }

    @Override
    public int revokeOtherSessions(long accountId, String keepPublicId, String reason) {
        String keep = Checks.publicId(keepPublicId, "session public id to keep");
        String why = Checks.reason(reason);
        return transactions.run(t -> {
            AccountRow account = Accounts.byId(t, accountId);
            return account == null ? 0 : store.revokeAll(t, accountId, keep, why);
        });
    }

    @Override
    public List<SessionView> listSessions(long accountId) {
        return transactions.run(t -> store.listLive(t, accountId));
    }

    @Override
    public Optional<SessionLimit> sessionLimit() {
        return Optional.ofNullable(settings.sessionLimit());
    }

    @Override
    public PurgeResult purge(int batchSize) {
        Checks.range(batchSize, 1, 10_000, "purge batch size");
        int expired = Purge.inBatches(transactions, batchSize, store::deleteAged);
        int counted = Purge.inBatches(transactions, batchSize, counters::deleteAgedClients)
                + Purge.inBatches(transactions, batchSize, counters::deleteAgedAccounts);
        int events = Purge.inBatches(transactions, batchSize,
                (t, size) -> AuditLog.deleteOlderThan(t, t.now.minus(settings.auditRetention()), size));
        // the session caches' change log is housekeeping, not counted in the result
        Purge.inBatches(transactions, batchSize, ChangeLog::deleteAged);
        return new PurgeResult(expired, counted, events);
    }

    private static AccountView accountView(Tx t, AccountRow a) {
        return new AccountView(a.id(), a.username(), a.enabled(), Grants.activeRoles(t, a.id()), a.createdAt(),
                a.passwordChangedAt());
    }
}
