package io.hallpass.realm.password;

import io.hallpass.realm.PasswordCost;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id hashing and verification, bounded by a fair semaphore.
 *
 * <p>Each hash takes tens of milliseconds of one core and {@code memoryKiB} of heap, by design. Callers take a
 * {@link Permit} first, for at most as long as they can afford to wait, and hash only while holding it; the
 * realm never holds a database connection meanwhile.
 *
 * <pre>{@code
 * try (PasswordHasher.Permit permit = hasher.tryAcquire(Duration.ofSeconds(1))) {
 *     if (permit == null) return busy;
 *     Verdict v = hasher.verify(PasswordRules.presented(pw, "password"), storedPhc);
 * }
 * }</pre>
 */
public final class PasswordHasher {

    /** The outcome of a verification. */
    public enum Verdict {
        MATCH,
        MISMATCH,
        /** The stored string is not a hash this hasher understands; treated as a mismatch. */
        CORRUPT
    }

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PasswordCost cost;
    private final Semaphore permits;
    private final PhcString dummy;

    /**
     * @param cost    the cost of new hashes
     * @param permits how many hashes may run at once
     */
    public PasswordHasher(PasswordCost cost, int permits) {
        this.cost = cost;
        this.permits = new Semaphore(permits, true);
        // Unknown usernames and disabled accounts are verified against this, so that they cost what a wrong
        // password costs. Made once, at the configured cost.
        this.dummy = PhcString.parse(hash(new byte[] {0}));
    }

    /** A held hashing permit; closing it releases it. */
    public final class Permit implements AutoCloseable {
        private boolean released;

        private Permit() {
        }

        @Override
        public void close() {
            if (!released) {
                released = true;
                permits.release();
            }
        }
    }

    /** Takes a permit, waiting at most {@code wait}; null if none came free in time. */
    public Permit tryAcquire(Duration wait) {
        try {
            return permits.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS) ? new Permit() : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Permits free right now (for tests and monitoring). */
    public int availablePermits() {
        return permits.availablePermits();
    }

    /** A new PHC string for the password bytes, at the configured cost and with a fresh 16-byte salt. */
    public String hash(byte[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new PhcString(cost, salt, argon2(password, salt, cost, HASH_BYTES)).format();
    }

    /** Verifies password bytes against a stored PHC string, in constant time for the comparison. */
    public Verdict verify(byte[] password, String stored) {
        PhcString phc;
        try {
            phc = PhcString.parse(stored);
        } catch (IllegalArgumentException e) {
            // still spend the usual time, so a corrupt row is not told apart by timing
            verifyDummy(password);
            return Verdict.CORRUPT;
        }
        byte[] actual = argon2(password, phc.salt(), phc.cost(), phc.hash().length);
        return MessageDigest.isEqual(actual, phc.hash()) ? Verdict.MATCH : Verdict.MISMATCH;
    }

    /** Does the work of one verification at the configured cost and throws the answer away. */
    public void verifyDummy(byte[] password) {
        byte[] actual = argon2(password, dummy.salt(), dummy.cost(), dummy.hash().length);
        MessageDigest.isEqual(actual, dummy.hash());
    }

    /** Whether a stored hash was made at a cost weaker than the configured one (or can not be read). */
    public boolean needsRehash(String stored) {
        try {
            return cost.isStrongerThan(PhcString.parse(stored).cost());
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    static byte[] argon2(byte[] password, byte[] salt, PasswordCost cost, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(cost.memoryKiB())
                .withIterations(cost.iterations())
                .withParallelism(cost.parallelism())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        generator.generateBytes(password, out);
        return out;
    }

    @Override
    public String toString() {
        return "PasswordHasher[" + cost + ", permits=" + permits.availablePermits() + "]";
    }
}
