package io.hallpass.realm.jpa;

import io.hallpass.realm.SignInThrottle;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.hibernate.LockMode;

/**
 * The only writer of {@code hp_sign_in_throttle} (failures per account and client) and {@code hp_account_throttle}
 * (failures per account): every password check is counted here, under both rows' locks, before its password is
 * verified, so that every node counts into the same rows and parallel guesses can not pass a limit. The rules are
 * {@link SignInThrottle}'s; rows are keyed by {@link Fingerprints}, so no name that was typed, no device id and no
 * address is stored.
 *
 * <p>An attempt is first counted as a failure; a success then clears its client's row and the account's row.
 * Locks are always taken account first, then client, so two attempts never wait on each other in a circle.
 */
final class SignInCounters {

    /**
     * Who makes an attempt, as the throttle keys it. A live session or a known device is <em>known</em>: the
     * account's ceiling does not refuse it. {@link #toString()} never shows the id.
     *
     * @param kind  {@code session}, {@code device}, {@code network} or {@code holder}
     * @param id    what tells two clients of that kind apart (keyed before it is stored)
     * @param known whether the account's ceiling leaves it alone
     */
    record Client(String kind, String id, boolean known) {

        private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
        private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

        /** The live session being re-authenticated, or whose holder changes the password. */
        static Client session(String publicId) {
            return new Client("session", publicId, true);
        }

        /** A device the account has already signed in from (its id is a random 128-bit cookie). */
        static Client device(String deviceId) {
            return new Client("device", deviceId, true);
        }

        /** Anyone else, by network: an IPv4 address, an IPv6 /64 (one subscriber's), or what the address was. */
        static Client network(String ip) {
            return new Client("network", networkOf(ip), false);
        }

        /** The holder changing the password without naming a live session. */
        static Client holder() {
            return new Client("holder", "", false);
        }

        /**
         * The network an address belongs to, without any name lookup: IPv4 as it is, IPv6 cut to its /64 (one
         * subscriber gets a whole /64, so a single address would be no key at all), anything else as it is.
         */
        static String networkOf(String ip) {
            if (ip == null || ip.isBlank()) {
                return "none";
            }
            String address = ip.strip();
            if (address.startsWith("[") && address.endsWith("]")) {
                address = address.substring(1, address.length() - 1);
            }
            int zone = address.indexOf('%');
            if (zone >= 0) {
                address = address.substring(0, zone);
            }
            if (IPV4.matcher(address).matches()) {
                return "v4:" + address;
            }
            if (address.indexOf(':') >= 0 && IPV6.matcher(address).matches()) {
                try {
                    // an IPv6 literal (it contains ':'), parsed without any name lookup
                    byte[] bytes = java.net.InetAddress.getByName(address).getAddress();
                    if (bytes.length == 4) {
                        return "v4:" + (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "."
                                + (bytes[3] & 0xff); // IPv4-mapped
                    }
                    return "v6:" + HexFormat.of().formatHex(bytes, 0, 8);
                } catch (java.net.UnknownHostException e) {
                    // not an address after all: key it as the text it is
                }
            }
            return "other:" + address.toLowerCase(Locale.ROOT);
        }

        @Override
        public String toString() {
            return "Client[" + kind + (known ? ", known" : "") + "]";
        }
    }

    /** The rows an attempt counts into: the account's, and the account's with its client. */
    record Keys(String account, String client) {
    }

    /**
     * How an attempt was counted.
     *
     * @param refusedUntil   set when the attempt is refused without verifying: the client waits, or the account is
     *                       at its ceiling and the client unknown; then nothing was counted
     * @param accountBefore  the account's consecutive failures before this attempt
     * @param clientFailures the client's consecutive failures, this attempt included (if it fails)
     * @param clientWaits    until when the client waits if this attempt fails, or null
     * @param delayStarts    this attempt, if it fails, is the one after which the client first waits
     * @param ceilingReached this attempt, if it fails, brings the account to its ceiling
     */
    record Count(Instant refusedUntil, int accountBefore, int clientFailures, Instant clientWaits,
                 boolean delayStarts, boolean ceilingReached) {

        static Count refused(Instant until, int accountBefore) {
            return new Count(until, accountBefore, 0, null, false, false);
        }

        boolean refused() {
            return refusedUntil != null;
        }
    }

    private final SignInThrottle rules;
    private final Fingerprints fingerprints;
    /** The inserts that do nothing when the row exists, or null where only a savepoint will do (H2, unknown). */
    private final String insertAccountIfMissing;
    private final String insertClientIfMissing;

    SignInCounters(SignInThrottle rules, Fingerprints fingerprints, Schema schema) {
        this.rules = rules;
        this.fingerprints = fingerprints;
        this.insertAccountIfMissing = schema == null ? null
                : schema.ignoringExisting(Schema.INSERT_ACCOUNT_COUNTER, "account_key", "failures");
        this.insertClientIfMissing = schema == null ? null
                : schema.ignoringExisting(Schema.INSERT_CLIENT_COUNTER, "throttle_key", "failures");
    }

    /** The rows an attempt on a normalised username (existing or not) from a client counts into. */
    Keys keys(String normalisedName, Client client) {
        String account = fingerprints.name(normalisedName);
        return new Keys(account, fingerprints.mac("client", account + "\u0000" + client.kind() + "\u0000"
                + client.id()));
    }

    /** The account row's key for a normalised username, to forget its counts. */
    String accountKey(String normalisedName) {
        return fingerprints.name(normalisedName);
    }

    /**
     * Counts an attempt as a failure, at {@code t.now}, unless it is refused: its client still waits, or the
     * account is at its ceiling (within the cool-down) and the client is not known.
     */
    Count count(Tx t, Keys keys, Client client) {
        AccountThrottleEntity account = locked(t, AccountThrottleEntity.class, insertAccountIfMissing,
                Schema.INSERT_ACCOUNT_COUNTER, keys.account(), null);
        SignInThrottleEntity row = locked(t, SignInThrottleEntity.class, insertClientIfMissing,
                Schema.INSERT_CLIENT_COUNTER, keys.client(), keys.account());

        Instant now = t.now;
        int accountBefore = forgotten(account.lastFailureAt, null, now) ? 0 : account.failures;
        if (row.blockedUntil != null && now.isBefore(row.blockedUntil)) {
            return Count.refused(row.blockedUntil, accountBefore);
        }
        if (!client.known() && accountBefore >= rules.accountCeiling()) {
            return Count.refused(account.lastFailureAt.plus(rules.coolDown()), accountBefore);
        }
        int clientFailures = (forgotten(row.lastFailureAt, row.blockedUntil, now) ? 0 : row.failures) + 1;
        Duration delay = rules.delayAfter(clientFailures);
        row.failures = clientFailures;
        row.lastFailureAt = now;
        row.blockedUntil = delay.isZero() ? null : now.plus(delay);
        t.db.update(row);
        account.failures = accountBefore + 1;
        account.lastFailureAt = now;
        t.db.update(account);
        return new Count(null, accountBefore, clientFailures, row.blockedUntil,
                clientFailures == rules.freeFailures(), account.failures == rules.accountCeiling());
    }

    /** A success: the client's count and the account's start over. */
    void succeeded(Tx t, Keys keys) {
        t.db.createMutationQuery("delete from SignInThrottle s where s.throttleKey = :k")
                .setParameter("k", keys.client()).executeUpdate();
        t.db.createMutationQuery("delete from AccountThrottle a where a.accountKey = :k")
                .setParameter("k", keys.account()).executeUpdate();
    }

    /** An administrator's reset: every count of the account starts over, its clients' too. */
    void forgetAccount(Tx t, String accountKey) {
        t.db.createMutationQuery("delete from SignInThrottle s where s.accountKey = :k")
                .setParameter("k", accountKey).executeUpdate();
        t.db.createMutationQuery("delete from AccountThrottle a where a.accountKey = :k")
                .setParameter("k", accountKey).executeUpdate();
    }

    /** Deletes one batch of client rows that no longer hold a wait and have not failed for the cool-down. */
    Purge.Batch deleteAgedClients(Tx t, int batchSize) {
        return Purge.deleteFound(t, t.db.createSelectionQuery("select s.throttleKey from SignInThrottle s"
                        + " where s.lastFailureAt <= :forgotten and (s.blockedUntil is null or s.blockedUntil <= :now)",
                        Object.class).setParameter("now", t.now).setParameter("forgotten", t.now.minus(rules.coolDown())),
                "delete from SignInThrottle s where s.throttleKey in (:ids)", batchSize);
    }

    /** Deletes one batch of account rows that have not failed for the cool-down. */
    Purge.Batch deleteAgedAccounts(Tx t, int batchSize) {
        return Purge.deleteFound(t, t.db.createSelectionQuery("select a.accountKey from AccountThrottle a"
                        + " where a.lastFailureAt <= :forgotten", Object.class)
                        .setParameter("forgotten", t.now.minus(rules.coolDown())),
                "delete from AccountThrottle a where a.accountKey in (:ids)", batchSize);
    }

    /** Whether a count has not failed for the cool-down (and holds no wait): it then starts over. */
    private boolean forgotten(Instant lastFailure, Instant blockedUntil, Instant now) {
        return !now.isBefore(lastFailure.plus(rules.coolDown())) && (blockedUntil == null || !now.isBefore(blockedUntil));
    }

    /**
     * A counter row, created first if it is missing, then locked: every node counts into the same row. (Locking
     * first and inserting after would deadlock two MariaDB transactions on the gap lock.) A success or the purge on
     * another node may delete the row between the insert that found it and the lock; then it is created again.
     */
    private static <E> E locked(Tx t, Class<E> type, String ignoringExisting, String plain, String key,
                                String accountKey) {
        for (int attempt = 0; attempt < 3; attempt++) {
            insertIfMissing(t, ignoringExisting, plain, key, accountKey);
            E row = t.db.get(type, key, LockMode.PESSIMISTIC_WRITE);
            if (row != null) {
                return row;
            }
        }
        // deleted under us every time: a lost race like any other, so the whole transaction runs again
        throw new jakarta.persistence.PessimisticLockException("a throttle counter kept vanishing; try again");
    }

    /**
     * Inserts an empty counter unless one exists. Done in plain JDBC, and without ever failing on PostgreSQL and
     * MariaDB, so that a lost race never puts a duplicate-key message into Hibernate's warning log or the
     * database's error log.
     */
    private static void insertIfMissing(Tx t, String ignoringExisting, String plain, String key, String accountKey) {
        t.db.doWork(connection -> {
            if (ignoringExisting != null) {
                try (PreparedStatement insert = connection.prepareStatement(ignoringExisting)) {
                    bind(insert, key, accountKey);
                    insert.executeUpdate();
                }
                return;
            }
            Savepoint savepoint = connection.setSavepoint();
            try (PreparedStatement insert = connection.prepareStatement(plain)) {
                bind(insert, key, accountKey);
                insert.executeUpdate();
                connection.releaseSavepoint(savepoint);
            } catch (SQLException e) {
                if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                    throw e;
                }
                connection.rollback(savepoint); // it exists: another transaction was first
            }
        });
    }

    private static void bind(PreparedStatement insert, String key, String accountKey) throws SQLException {
        insert.setString(1, key);
        if (accountKey != null) {
            insert.setString(2, accountKey);
        }
    }
}
