package io.hallpass.realm.admin;

import io.hallpass.realm.PasswordCost;
import io.hallpass.realm.Realm;
import io.hallpass.realm.RealmBuilder;
import io.hallpass.realm.SchemaAction;
import io.hallpass.realm.SignInThrottle;
import java.time.Clock;
import java.time.Duration;

/**
 * The global options: where the database is, and the realm settings that decide what the tool writes. Those must
 * be the filter's: the Argon2id cost of the hashes it stores, and the timeouts and the throttle's cool-down that
 * decide which sessions are live and what {@code purge} deletes. Defaults are the filter's defaults.
 *
 * @param jdbcUrl         the database
 * @param jdbcUser        the database user, or null
 * @param json            print JSON instead of text
 * @param passwordCost    the Argon2id cost of new hashes
 * @param idleTimeout     as the filter's {@code idle-timeout}
 * @param absoluteTimeout as the filter's {@code absolute-timeout}
 * @param throttleCoolDown as the filter's {@code throttle-account-cool-down}
 */
record ToolSettings(String jdbcUrl, String jdbcUser, boolean json, PasswordCost passwordCost, Duration idleTimeout,
                    Duration absoluteTimeout, Duration throttleCoolDown) {

    /** The tool does one thing at a time: two connections are plenty. */
    private static final int POOL_SIZE = 2;

    /**
     * Reads and checks the global options, so that a bad one is reported before anything connects.
     *
     * @throws Failure (bad arguments) naming the option
     */
    static ToolSettings from(Invocation invocation, Clock clock) {
        String url = invocation.value(Option.JDBC_URL);
        if (url == null) {
            throw Failure.badArguments(Option.JDBC_URL.spelling() + " is required: the application's database, as"
                    + " the filter's jdbc-url");
        }
        PasswordCost cost = new PasswordCost(
                invocation.integer(Option.ARGON2_MEMORY_KIB, PasswordCost.OWASP.memoryKiB()),
                invocation.integer(Option.ARGON2_ITERATIONS, PasswordCost.OWASP.iterations()),
                invocation.integer(Option.ARGON2_PARALLELISM, PasswordCost.OWASP.parallelism()));
        ToolSettings settings = new ToolSettings(url, invocation.value(Option.JDBC_USER),
                invocation.has(Option.JSON), cost,
                duration(invocation, Option.IDLE_TIMEOUT, Duration.ofMinutes(30)),
                duration(invocation, Option.ABSOLUTE_TIMEOUT, Duration.ofHours(12)),
                duration(invocation, Option.THROTTLE_COOL_DOWN, SignInThrottle.defaults().coolDown()));
        settings.builder(SchemaAction.VALIDATE, clock).settings(); // the builder's own checks, now
        return settings;
    }

    /** A builder for a realm on these settings, without the database password. */
    RealmBuilder builder(SchemaAction action, Clock clock) {
        return Realm.builder()
                .jdbcUrl(jdbcUrl)
                .poolSize(POOL_SIZE)
                .schemaAction(action)
                .clock(clock)
                .passwordCost(passwordCost)
                .idleTimeout(idleTimeout)
                .absoluteTimeout(absoluteTimeout)
                .rotationGrace(Duration.ZERO) // the tool rotates no token; any grace would have to fit the idle timeout
                .signInThrottle(SignInThrottle.defaults().withCoolDown(throttleCoolDown));
    }

    private static Duration duration(Invocation invocation, Option option, Duration fallback) {
        String value = invocation.value(option);
        return value == null ? fallback : Times.duration(option, value);
    }
}
