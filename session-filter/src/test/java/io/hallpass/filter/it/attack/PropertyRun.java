package io.hallpass.filter.it.attack;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Property-based testing without a framework: a fixed number of cases, each drawn from its own random generator
 * derived from one seed, so that a failure names the seed and the case and a rerun with that seed replays the
 * same inputs in the same order.
 *
 * <pre>{@code
 * PropertyRun run = PropertyRun.of("random targets on Tomcat", 2_000, Duration.ofSeconds(60));
 * int ran = run.check(random -> {
 *     String target = grammar.target(random);
 *     ... assertions, each message naming the input ...
 * });
 * }</pre>
 *
 * The seed is {@code -Dhallpass.seed=} (decimal) when given, else a fresh random one; either way it is printed
 * before the first case and repeated in the message of any failing case. {@code -Dhallpass.cases=} overrides the
 * number of cases (to run one seed longer, or a failing one shorter). A run also stops, saying so on the console
 * and in the returned count, when its time budget is spent: the budget keeps a slow, shared machine's run
 * bounded; it is never an assertion, and the caller asserts on what the cases covered instead.
 */
final class PropertyRun {

    /** The system property that fixes the seed. */
    static final String SEED_PROPERTY = "hallpass.seed";
    /** The system property that overrides the number of cases. */
    static final String CASES_PROPERTY = "hallpass.cases";

    private final String name;
    private final long seed;
    private final int cases;
    private final Duration budget;

    private PropertyRun(String name, long seed, int cases, Duration budget) {
        this.name = name;
        this.seed = seed;
        this.cases = cases;
        this.budget = budget;
    }

    /**
     * A run of {@code cases} cases (unless {@code -Dhallpass.cases=} says otherwise) within {@code budget}.
     *
     * @throws IllegalArgumentException if {@code -Dhallpass.seed=} or {@code -Dhallpass.cases=} is not a number
     */
    static PropertyRun of(String name, int cases, Duration budget) {
        String seedText = System.getProperty(SEED_PROPERTY, "").strip();
        String casesText = System.getProperty(CASES_PROPERTY, "").strip();
        long seed;
        try {
            seed = seedText.isEmpty() ? new SecureRandom().nextLong() : Long.parseLong(seedText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + SEED_PROPERTY + " must be a decimal long, was \"" + seedText + "\"");
        }
        int count;
        try {
            count = casesText.isEmpty() ? cases : Integer.parseInt(casesText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + CASES_PROPERTY + " must be a number, was \"" + casesText + "\"");
        }
        if (count < 1) {
            throw new IllegalArgumentException("-D" + CASES_PROPERTY + " must be at least 1, was " + count);
        }
        return new PropertyRun(name, seed, count, budget);
    }

    long seed() {
        return seed;
    }

    /**
     * Runs the cases in order; each gets a generator of its own (derived from the seed and its index), so a case
     * draws the same input whatever the cases before it drew. The property asserts, naming the input in its
     * messages.
     *
     * @return how many cases ran: all of them, unless the time budget ran out first
     * @throws AssertionError the first failing case's error, with the seed and the case index
     */
    int check(Consumer<SplittableRandom> property) {
        System.out.println(name + ": seed " + seed + ", " + cases + " cases (replay with -D" + SEED_PROPERTY + "="
                + seed + ")");
        long deadline = System.nanoTime() + budget.toNanos();
        SplittableRandom root = new SplittableRandom(seed);
        for (int i = 0; i < cases; i++) {
            SplittableRandom random = root.split();
            if (System.nanoTime() > deadline) {
                System.out.println(name + ": time budget of " + budget.toSeconds() + " s spent after " + i + " of "
                        + cases + " cases; the seed above replays them");
                return i;
            }
            try {
                property.accept(random);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(name + ": case " + i + " failed; replay with -D" + SEED_PROPERTY + "=" + seed
                        + ": " + e.getMessage(), e);
            }
        }
        return cases;
    }

    /** Picks one of {@code options}. */
    static <T> T oneOf(SplittableRandom random, T[] options) {
        return options[random.nextInt(options.length)];
    }

    /** True with probability {@code percent}/100. */
    static boolean chance(SplittableRandom random, int percent) {
        return random.nextInt(100) < percent;
    }
}
