package io.hallpass.realm;

import java.time.Duration;

/**
 * How the realm slows password guessing without handing anyone a lever to lock a user out. Every attempt (sign-in,
 * re-authentication, password change) is counted, before the password is verified, twice:
 * <ul>
 *   <li>per <b>account and client</b>: the client is the live session being re-authenticated (or whose holder
 *       changes the password), else a device the account has already signed in from, else the network the attempt
 *       comes from (an IPv4 address, an IPv6 /64). After {@code freeFailures} consecutive failures that client
 *       waits {@code firstDelay}, doubling with each further failure up to {@code maxDelay}; while it waits it is
 *       answered {@link LoginResult.Locked} without verifying anything. A success clears that client's count only.
 *   <li>per <b>account</b>: consecutive failures from all clients together. At {@code accountCeiling} (at most
 *       100, NIST SP 800-63B §5.2.2), attempts from <em>unknown</em> clients (networks) are refused until a
 *       success from a live session or a known device, an administrator's password reset, or {@code coolDown}
 *       after the last counted failure. Live sessions and known devices keep their own, still slowed, counts.
 * </ul>
 * Both counts forget a client or an account that has not failed for {@code coolDown}. A username that no account
 * has is counted and answered exactly like one that exists.
 *
 * <pre>{@code
 * Realm.builder()...signInThrottle(SignInThrottle.defaults().withFreeFailures(3).withAccountCeiling(50));
 * }</pre>
 *
 * @param freeFailures   consecutive failures a client may make before it must wait (1 to 100; default 5)
 * @param firstDelay     the first wait (positive, at most {@code maxDelay}; default 1 s)
 * @param maxDelay       the longest wait (at most 1 day; default 15 minutes)
 * @param accountCeiling consecutive failures of an account after which unknown clients are refused (1 to 100;
 *                       default 100)
 * @param coolDown       how long the ceiling holds after the last failure, and how long failures are remembered
 *                       (at most 365 days; default 24 hours)
 */
public record SignInThrottle(int freeFailures, Duration firstDelay, Duration maxDelay, int accountCeiling,
                             Duration coolDown) {

    /** The most consecutive failures NIST SP 800-63B §5.2.2 allows on an account. */
    public static final int NIST_CEILING = 100;

    private static final Duration LONGEST_DELAY = Duration.ofDays(1);
    private static final Duration LONGEST_COOL_DOWN = Duration.ofDays(365);

    public SignInThrottle {
        if (freeFailures < 1 || freeFailures > 100) {
            throw new InvalidInputException("free failures per client must be between 1 and 100, was "
                    + freeFailures);
        }
        positive("first delay", firstDelay, LONGEST_DELAY);
        positive("max delay", maxDelay, LONGEST_DELAY);
        if (firstDelay.compareTo(maxDelay) > 0) {
            throw new InvalidInputException("first delay (" + firstDelay + ") is longer than the max delay ("
                    + maxDelay + ")");
        }
        if (accountCeiling < 1 || accountCeiling > NIST_CEILING) {
            throw new InvalidInputException("account ceiling must be between 1 and " + NIST_CEILING
                    + " (NIST SP 800-63B allows at most " + NIST_CEILING + " consecutive failures), was "
                    + accountCeiling);
        }
        positive("cool-down", coolDown, LONGEST_COOL_DOWN);
    }

    /** 5 free failures, then 1 s doubling up to 15 minutes; the account's ceiling at 100 for 24 hours. */
    public static SignInThrottle defaults() {
        return new SignInThrottle(5, Duration.ofSeconds(1), Duration.ofMinutes(15), NIST_CEILING,
                Duration.ofHours(24));
    }

    public SignInThrottle withFreeFailures(int failures) {
        return new SignInThrottle(failures, firstDelay, maxDelay, accountCeiling, coolDown);
    }

    public SignInThrottle withFirstDelay(Duration delay) {
        return new SignInThrottle(freeFailures, delay, maxDelay, accountCeiling, coolDown);
    }

    public SignInThrottle withMaxDelay(Duration delay) {
        return new SignInThrottle(freeFailures, firstDelay, delay, accountCeiling, coolDown);
    }

    public SignInThrottle withAccountCeiling(int failures) {
        return new SignInThrottle(freeFailures, firstDelay, maxDelay, failures, coolDown);
    }

    public SignInThrottle withCoolDown(Duration duration) {
        return new SignInThrottle(freeFailures, firstDelay, maxDelay, accountCeiling, duration);
    }

    /**
     * How long a client waits after its {@code failures}-th consecutive failure: zero before {@code freeFailures},
     * then {@code firstDelay} doubled once per further failure, never more than {@code maxDelay}.
     */
    public Duration delayAfter(int failures) {
        if (failures < freeFailures) {
            return Duration.ZERO;
        }
        Duration delay = firstDelay;
        for (int i = freeFailures; i < failures && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) < 0 ? delay : maxDelay;
    }

    private static void positive(String name, Duration value, Duration max) {
        if (value == null || value.isZero() || value.isNegative() || value.compareTo(max) > 0) {
            throw new InvalidInputException(name + " must be positive and at most " + max + ", was " + value);
        }
    }
}
