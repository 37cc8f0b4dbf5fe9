package io.hallpass.realm;

/**
 * The cost of an Argon2id password hash. The default is OWASP's recommended minimum
 * (19 MiB of memory, 2 passes, 1 lane), about 65 ms per hash on a small server core.
 *
 * @param memoryKiB   memory per hash, in KiB (at least 8 per lane)
 * @param iterations  passes over the memory (at least 1)
 * @param parallelism lanes (at least 1)
 */
public record PasswordCost(int memoryKiB, int iterations, int parallelism) {

    /** OWASP Password Storage Cheat Sheet: m=19456 KiB, t=2, p=1. */
    public static final PasswordCost OWASP = new PasswordCost(19_456, 2, 1);

    public PasswordCost {
        if (parallelism < 1 || parallelism > 16) {
            throw new InvalidInputException("Argon2 parallelism must be between 1 and 16, was " + parallelism);
        }
        if (iterations < 1 || iterations > 100) {
            throw new InvalidInputException("Argon2 iterations must be between 1 and 100, was " + iterations);
        }
        if (memoryKiB < 8 * parallelism || memoryKiB > 4 * 1024 * 1024) {
            throw new InvalidInputException("Argon2 memory must be between 8 KiB per lane and 4 GiB, was "
                    + memoryKiB + " KiB");
        }
    }

    /** Whether a hash made at {@code other} is weaker than this cost in any dimension that adds work. */
    public boolean isStrongerThan(PasswordCost other) {
        return memoryKiB > other.memoryKiB || iterations > other.iterations;
    }

    /**
     * Whether this cost is below OWASP's minimum (its equivalent settings trade memory for passes: 19 MiB x 2,
     * 12 MiB x 3, 9 MiB x 4, 7 MiB x 5); the realm logs a warning when configured so.
     */
    public boolean belowOwaspMinimum() {
        return memoryKiB < 7_168 || (long) memoryKiB * iterations < 36_864L;
    }
}
