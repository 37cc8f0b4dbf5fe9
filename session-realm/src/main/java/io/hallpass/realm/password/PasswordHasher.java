package io.hallpass.realm.password;

import io.hallpass.realm.PasswordCost;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id hashing and verification, bounded by hashing permits.
 *
 * <p>Each hash takes tens of milliseconds of one core and {@code memoryKiB} of heap, by design. Callers take a
 * {@link Permit} first, for at most as long as they can afford to wait, and hash only while holding it; the
 * realm never holds a database connection meanwhile. The permits are of two kinds: {@code permits} that anyone
 * may take ({@link #tryAcquire}: anonymous sign-ins), and a {@code reserved} few that only the holders of live
 * sessions take ({@link #tryAcquireReserved}: re-authentication, password change, administration), who fall back
 * on the others when the reserve is taken. So a flood of sign-ins, which can hold every ordinary permit, never
 * starves a signed-in user; at most {@code permits + reserved} hashes run at once.
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
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Condition released = lock.newCondition();
    private int free;
    private int freeReserved;
    private final PhcString dummy;
    /** Argon2id computations run, whatever for: how tests observe the work done for a sign-in. */
    private final LongAdder computations = new LongAdder();

    /**
     * @param cost    the cost of new hashes
     * @param permits how many hashes may run at once
     */
    public PasswordHasher(PasswordCost cost, int permits) {
        this(cost, permits, 0);
    }

    /**
     * @param cost     the cost of new hashes
     * @param permits  how many hashes anyone may run at once
     * @param reserved how many more only {@link #tryAcquireReserved} may take
     */
    public PasswordHasher(PasswordCost cost, int permits, int reserved) {
        if (permits < 1 || reserved < 0) {
            throw new IllegalArgumentException("hashing permits must be at least 1 and the reserve at least 0");
        }
        this.cost = cost;
        this.free = permits;
        this.freeReserved = reserved;
        // Unknown usernames and disabled accounts are verified against this, so that they cost what a wrong
        // password costs. Made once, at the configured cost.
        this.dummy = PhcString.parse(hash(new byte[] {0}));
    }

    /** A held hashing permit; closing it releases it. */
    public final class Permit implements AutoCloseable {
        private final boolean reserved;
        private boolean closed;

        private Permit(boolean reserved) {
            this.reserved = reserved;
        }

        @Override
        public void close() {
            lock.lock();
            try {
                if (!closed) {
                    closed = true;
                    if (reserved) {
                        freeReserved++;
                    } else {
                        free++;
                    }
                    released.signalAll(); // a waiter may want either kind
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /** Takes an ordinary permit, waiting at most {@code wait}; null if none came free in time. */
    public Permit tryAcquire(Duration wait) {
        return acquire(false, wait);
    }

    /**
     * Takes a reserved permit, else an ordinary one, waiting at most {@code wait} for either; null if none came free
     * in time. Only for the holder of a live session (or an administrator).
     */
    public Permit tryAcquireReserved(Duration wait) {
        return acquire(true, wait);
    }

    private Permit acquire(boolean mayReserve, Duration wait) {
        long nanos = wait.toNanos();
        lock.lock();
        try {
            while (true) {
                if (mayReserve && freeReserved > 0) {
                    freeReserved--;
                    return new Permit(true);
                }
                if (free > 0) {
                    free--;
                    return new Permit(false);
                }
                if (nanos <= 0) {
                    return null;
                }
                nanos = released.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            lock.unlock();
        }
    }

    /** Ordinary permits free right now (for tests and monitoring). */
    public int availablePermits() {
        lock.lock();
        try {
            return free;
        } finally {
            lock.unlock();
        }
    }

    /** Reserved permits free right now (for tests and monitoring). */
    public int availableReserve() {
        lock.lock();
        try {
            return freeReserved;
        } finally {
            lock.unlock();
        }
    }

    /**
     * How many Argon2id computations this hasher has run (hashes, verifications and dummy verifications alike), for
     * tests and monitoring: a sign-in with an unknown username must add exactly what a wrong password adds.
     */
    public long computations() {
        return computations.sum();
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

    private byte[] argon2(byte[] password, byte[] salt, PasswordCost cost, int length) {
        computations.increment();
        return compute(password, salt, cost, length);
    }

    static byte[] compute(byte[] password, byte[] salt, PasswordCost cost, int length) {
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
        return "PasswordHasher[" + cost + ", permits=" + availablePermits() + ", reserve=" + availableReserve() + "]";
    }
}
