package io.hallpass.realm.jpa;

import io.hallpass.realm.AuditEvent;
import io.hallpass.realm.LoginResult;
import io.hallpass.realm.PasswordChange;
import io.hallpass.realm.RealmException;
import io.hallpass.realm.jpa.Rows.AccountRow;
import io.hallpass.realm.jpa.Rows.SessionRow;
import io.hallpass.realm.password.PasswordHasher;
import io.hallpass.realm.password.PasswordHasher.Verdict;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hibernate.LockMode;

/**
 * How the realm checks a password, written once for login, re-authentication and password change, and the only
 * place that takes a hashing permit:
 * <ol>
 *   <li>take a hashing permit (the holder of a live session may take a reserved one), or answer busy (nothing
 *       counted);</li>
 *   <li>in one transaction, read whose password it is and who is trying (the client: the live session, a known
 *       device, or the network), and count the attempt as a failure under the throttle's row locks
 *       ({@link SignInCounters}), so that parallel guesses can not pass a limit; if the client must still wait, or
 *       the account is at its ceiling and the client unknown, answer locked without verifying;</li>
 *   <li>with no connection held, verify the password against the account's hash, or against the dummy hash when
 *       there is no usable account, so that unknown users and disabled accounts cost what a wrong password
 *       costs; then, still holding the permit, rehash a weaker stored hash (or hash the new password);</li>
 *   <li>in a second transaction, re-check that the account is still enabled with the hash that was verified, and
 *       act (then clear the client's and the account's counts and store the rehash); or audit the failure, and the
 *       wait or the ceiling it started.</li>
 * </ol>
 * What differs between the three is a {@link Check}; how each answers is an {@link Answers}.
 */
final class PasswordProtocol {

    private static final System.Logger LOG = System.getLogger("io.hallpass.realm");

    /** How long administrative operations (create, reset) wait for a hashing permit before giving up. */
    private static final Duration ADMIN_HASHING_WAIT = Duration.ofSeconds(30);

    /** How a kind of check answers, in its own result type. */
    record Answers<R>(Supplier<R> busy, Function<Instant, R> locked, Supplier<R> failed) {

        static final Answers<LoginResult> LOGIN = new Answers<>(LoginResult.Busy::new, LoginResult.Locked::new,
                LoginResult.Failed::new);

        static final Answers<PasswordChange> PASSWORD_CHANGE = new Answers<>(PasswordChange.Busy::new,
                PasswordChange.Locked::new, PasswordChange.Rejected::new);
    }

    /**
     * Whose password is presented, as read before the attempt is counted.
     *
     * @param username the normalised username the attempt counts under
     * @param account  the account, if it was read before counting (else see {@link Check#account})
     * @param session  the session being re-authenticated, or null
     */
    record Claim(String username, AccountRow account, SessionRow session) {
    }

    /**
     * The first transaction's outcome: the claim, the rows the attempt counted into and how, and the account (null if
     * none).
     */
    record Attempt(Claim claim, SignInCounters.Keys keys, SignInCounters.Count count, AccountRow account) {
    }

    /** A verified password, in the second transaction: the account as re-read, and the new password's hash if any. */
    record Match(Attempt attempt, AccountRow current, String newHash) {
    }

    /** What is audited for a failed check (the username is the account's, or a fingerprint of an unknown one). */
    record Failure(AuditEvent.Type type, String ip, String reason, String sessionPublicId) {
    }

    /** What one kind of password check does at the steps where the three differ. */
    interface Check<R> {

        /** First transaction, before counting: whose password it is; null answers failed and counts nothing. */
        Claim claim(Tx t);

        /** First transaction: the account whose password it is, or null if there is none. */
        default AccountRow account(Tx t, Claim claim) {
            return claim.account();
        }

        /**
         * Whether this check is made by the holder of a live session (re-authentication, password change), who may
         * use the reserved hashing permits, so that a flood of anonymous sign-ins can not starve it.
         */
        default boolean byHolder() {
            return false;
        }

        /** First transaction: who is trying, as the throttle keys it ({@code account} may be null). */
        SignInCounters.Client client(Tx t, Claim claim, AccountRow account);

        /**
         * The lock the second transaction takes on the account before acting: shared, unless it counts the
         * account's sessions (a sign-in under a session limit), which takes it exclusively.
         */
        default LockMode accountLock() {
            return LockMode.PESSIMISTIC_READ;
        }

        /**
         * The new password to hash after a match (a password change), or null: the presented one stays, rehashed
         * if its stored hash is weaker than the configured cost.
         */
        default byte[] newPassword() {
            return null;
        }

        /** What to audit when the password did not match, or there was no usable account. */
        Failure failure(Attempt attempt, Verdict verdict);

        /**
         * Second transaction, the account still as read: acts and answers. Null when something else the check read
         * has changed meanwhile; then nothing is written but {@link #changedMeanwhile}'s audit row.
         */
        R succeed(Tx t, Match match);

        /** What to audit when the account (or what else was read) changed while hashing; null: nothing. */
        default Failure changedMeanwhile(Attempt attempt) {
            return null;
        }
    }

    private final Transactions transactions;
    private final PasswordHasher hasher;
    private final Duration hashingWait;
    private final SignInCounters counters;
    private final Fingerprints fingerprints;

    PasswordProtocol(Transactions transactions, PasswordHasher hasher, Duration hashingWait, SignInCounters counters,
                     Fingerprints fingerprints) {
        this.transactions = transactions;
        this.hasher = hasher;
        this.hashingWait = hashingWait;
        this.counters = counters;
        this.fingerprints = fingerprints;
    }

    /** Runs the protocol for a presented password. */
    <R> R check(byte[] secret, Answers<R> answers, Check<R> check) {
        try (PasswordHasher.Permit permit = check.byHolder() ? hasher.tryAcquireReserved(hashingWait)
                : hasher.tryAcquire(hashingWait)) {
            if (permit == null) {
                return answers.busy().get();
            }
            Attempt attempt = transactions.run(t -> {
                Claim claim = check.claim(t);
                if (claim == null) {
                    return null;
                }
                AccountRow account = check.account(t, claim);
                SignInCounters.Client client = check.client(t, claim, account);
                SignInCounters.Keys keys = counters.keys(claim.username(), client);
                return new Attempt(claim, keys, counters.count(t, keys, client), account);
            });
            if (attempt == null) {
                return answers.failed().get();
            }
            if (attempt.count().refused()) {
                return answers.locked().apply(attempt.count().refusedUntil());
            }
            AccountRow account = attempt.account();
            Verdict verdict = account != null && account.enabled() ? verify(secret, account) : dummy(secret);
            if (verdict != Verdict.MATCH) {
                Failure failure = check.failure(attempt, verdict);
                transactions.run(t -> record(t, attempt, failure));
                return answers.failed().get();
            }
            byte[] next = check.newPassword();
            String newHash = next == null ? null : hasher.hash(next);
            String rehash = next == null && hasher.needsRehash(account.passwordHash()) ? hasher.hash(secret) : null;
            return transactions.run(t -> {
                AccountRow current = Accounts.stillAsRead(t, account, check.accountLock());
                R answer = current == null ? null : check.succeed(t, new Match(attempt, current, newHash));
                if (answer == null) {
                    Failure changed = check.changedMeanwhile(attempt);
                    if (changed != null) {
                        record(t, attempt, changed);
                    }
                    return answers.failed().get();
                }
                counters.succeeded(t, attempt.keys());
                Accounts.storeRehash(t, account, rehash);
                return answer;
            });
        }
    }

    /**
     * Hashes a password set by an administrator (create, reset), waiting up to {@link #ADMIN_HASHING_WAIT} for a
     * permit.
     *
     * @throws RealmException if no permit came free in time
     */
    String hashForAdministration(byte[] secret) {
        try (PasswordHasher.Permit permit = hasher.tryAcquireReserved(ADMIN_HASHING_WAIT)) {
            if (permit == null) {
                throw new RealmException("password hashing stayed saturated for " + ADMIN_HASHING_WAIT.toSeconds()
                        + " s; try again later");
            }
            return hasher.hash(secret);
        }
    }

    private Verdict verify(byte[] secret, AccountRow account) {
        Verdict verdict = hasher.verify(secret, account.passwordHash());
        if (verdict == Verdict.CORRUPT) {
            LOG.log(Level.WARNING, "the stored password hash of account " + account.id()
                    + " can not be read; its password can not be verified until it is reset");
        }
        return verdict;
    }

    private Verdict dummy(byte[] secret) {
        hasher.verifyDummy(secret);
        return Verdict.MISMATCH;
    }

    /**
     * Audits a failed check, and ({@code LOGIN_LOCKED}) the wait it started for its client, or the account's ceiling
     * it reached.
     */
    private Void record(Tx t, Attempt attempt, Failure failure) {
        AccountRow account = attempt.account();
        Long accountId = account == null ? null : account.id();
        // never what was typed for a name no account has: it may be a password typed into the wrong field
        String username = account == null ? fingerprints.unknownName(attempt.claim().username())
                : account.username();
        t.audit(failure.type(), accountId, username, failure.sessionPublicId(), failure.ip(), failure.reason());
        SignInCounters.Count count = attempt.count();
        if (count.delayStarts()) {
            t.audit(AuditEvent.Type.LOGIN_LOCKED, accountId, username, failure.sessionPublicId(), failure.ip(),
                    "this client waits until " + count.clientWaits() + " after " + count.clientFailures()
                            + " failed attempts, longer after each further one");
        }
        if (count.ceilingReached()) {
            t.audit(AuditEvent.Type.LOGIN_LOCKED, accountId, username, failure.sessionPublicId(), failure.ip(),
                    (count.accountBefore() + 1) + " consecutive failed attempts: unknown clients are refused until a"
                            + " success from a live session or a known device, a reset, or the cool-down");
        }
        return null;
    }
}
