package io.hallpass.realm.jpa;

import io.hallpass.realm.jpa.Rows.AccountRow;
import java.util.List;
import org.hibernate.LockMode;

/** The only writer of {@code hp_account}: reads, row locks and the few updates an account ever gets. */
final class Accounts {

    private Accounts() {
    }

    static AccountRow byName(Tx t, String normalisedName) {
        List<Object[]> rows = t.db.createSelectionQuery(Rows.ACCOUNT_SELECT + "where a.username = :u", Object[].class)
                .setParameter("u", normalisedName).getResultList();
        return rows.isEmpty() ? null : AccountRow.of(rows.get(0));
    }

    static AccountRow byId(Tx t, long id) {
        List<Object[]> rows = t.db.createSelectionQuery(Rows.ACCOUNT_SELECT + "where a.id = :id", Object[].class)
                .setParameter("id", id).getResultList();
        return rows.isEmpty() ? null : AccountRow.of(rows.get(0));
    }

    /** Every account, in no particular order. */
    static List<AccountRow> all(Tx t) {
        return t.db.createSelectionQuery(Rows.ACCOUNT_SELECT, Object[].class).getResultList().stream()
                .map(AccountRow::of).toList();
    }

    /**
     * Reads an account under a row lock. Operations that end an account's sessions (disable, password reset,
     * revoking all its sessions) take it exclusively; those that open or re-stamp a session take it shared. So a
     * login finishing while the account is being disabled either sees it disabled, or commits its session before
     * the disable looks for sessions to end: no session can slip through and come back to life when the account is
     * enabled again, nor survive a revoke-all it raced.
     */
    static AccountRow lock(Tx t, long id, LockMode mode) {
        AccountEntity a = t.db.get(AccountEntity.class, id, mode);
        return a == null ? null : new AccountRow(a.id, a.username, a.passwordHash, a.enabled, a.createdAt,
                a.passwordChangedAt);
    }

    /**
     * The account as it is now, locked ({@code mode}: shared, or exclusive where sessions are counted), if it is
     * still enabled and still has the password hash read before hashing, else null: what was verified outside the
     * transaction must still hold inside the one that acts on it.
     */
    static AccountRow stillAsRead(Tx t, AccountRow read, LockMode mode) {
        AccountRow current = lock(t, read.id(), mode);
        return current != null && current.enabled() && current.passwordHash().equals(read.passwordHash())
                ? current : null;
    }

    /** Inserts an enabled account and answers its id. A name taken meanwhile fails at the unique key. */
    static long insert(Tx t, String normalisedName, String passwordHash) {
        AccountEntity row = new AccountEntity();
        row.username = normalisedName;
        row.passwordHash = passwordHash;
        row.enabled = true;
        row.createdAt = t.now;
        row.passwordChangedAt = t.now;
        return (Long) t.db.insert(row);
    }

    /** A new password: its hash, and now as the time it changed. */
    static void setPasswordHash(Tx t, long accountId, String passwordHash) {
        t.db.createMutationQuery("update Account a set a.passwordHash = :h, a.passwordChangedAt = :now"
                        + " where a.id = :id")
                .setParameter("h", passwordHash).setParameter("now", t.now).setParameter("id", accountId)
                .executeUpdate();
    }

    /** Replaces a weaker hash of the same password (null: nothing to do), unless the password changed meanwhile. */
    static void storeRehash(Tx t, AccountRow account, String rehash) {
        if (rehash != null) {
            t.db.createMutationQuery("update Account a set a.passwordHash = :new"
                            + " where a.id = :id and a.passwordHash = :old")
                    .setParameter("new", rehash).setParameter("id", account.id())
                    .setParameter("old", account.passwordHash()).executeUpdate();
        }
    }

    /** Enables or disables an account; every session of it resolves differently from now on. */
    static void setEnabled(Tx t, long accountId, boolean enabled) {
        t.db.createMutationQuery("update Account a set a.enabled = :e where a.id = :id")
                .setParameter("e", enabled).setParameter("id", accountId).executeUpdate();
        t.sessionsChanged(SessionChange.ofAccount(accountId, enabled ? "account-enabled" : "account-disabled"));
    }
}
