package io.hallpass.realm.jpa;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed fingerprints (HMAC-SHA-256) of what the realm must recognise again without keeping it: a username no
 * account has (it may be a password typed into the wrong field), in audit rows and log lines, and the names and
 * clients the sign-in throttle counts.
 *
 * <p>The key is derived from the token pepper when one is configured, else it is the random secret kept in
 * {@code hp_realm_key}, made by the first node that starts on the database and read by every other. So a reader
 * of the logs or of an audit export can not test guesses against a fingerprint; with the realm key, whoever can
 * read the database can (as they can test guesses against the password hashes); with a pepper, only whoever also
 * holds the pepper can. Changing the pepper (or deleting the key row) changes every fingerprint: earlier audit rows
 * no longer group with new ones, and the throttle's counters start over.
 */
final class Fingerprints {

    /** Hex digits of a fingerprint in audit rows and log lines: enough to group, too few to be a key. */
    private static final int AUDIT_HEX = 12;
    private static final String HMAC = "HmacSHA256";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private Fingerprints(byte[] key) {
        this.key = new SecretKeySpec(key, HMAC);
        mac("check", ""); // fail at start, not on the first sign-in, if HMAC-SHA-256 were missing
    }

    /** The fingerprints of a realm: keyed by the pepper if given, else by the database's realm key. */
    static Fingerprints start(Transactions transactions, byte[] pepper) {
        if (pepper != null) {
            // a key of its own, derived from the pepper: the pepper itself keys only the token hashes
            Mac derive = newMac(new SecretKeySpec(pepper, HMAC));
            return new Fingerprints(derive.doFinal("hallpass fingerprint key v1".getBytes(StandardCharsets.UTF_8)));
        }
        return new Fingerprints(transactions.run(Fingerprints::realmKey));
    }

    /**
     * The secret of {@code hp_realm_key}, made now if there is none. Two nodes making it at once collide on the
     * primary key; the loser's transaction is retried and reads the winner's.
     */
    private static byte[] realmKey(Tx t) {
        RealmKeyEntity row = t.db.get(RealmKeyEntity.class, RealmKeyEntity.ONLY);
        if (row != null) {
            return row.secret;
        }
        RealmKeyEntity made = new RealmKeyEntity();
        made.id = RealmKeyEntity.ONLY;
        made.secret = new byte[Columns.HASH];
        RANDOM.nextBytes(made.secret);
        made.createdAt = t.now;
        t.db.insert(made);
        return made.secret;
    }

    /** How audit rows and log lines name a username no account has: {@code unknown:} and 12 hex digits. */
    String unknownName(String normalisedName) {
        return "unknown:" + name(normalisedName).substring(0, AUDIT_HEX);
    }

    /** The full fingerprint of a normalised username (64 hex digits), whether or not an account has it. */
    String name(String normalisedName) {
        return mac("name", normalisedName);
    }

    /** The full fingerprint of a value in a domain of its own ({@code purpose}), as 64 hex digits. */
    String mac(String purpose, String value) {
        Mac mac = newMac(key);
        mac.update(purpose.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "Fingerprints[HMAC-SHA-256]"; // never the key
    }
}
