package io.hallpass.realm;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Configures and starts a {@link Realm}. Every option is checked when it is set or, for options that depend
 * on each other, in {@link #build()}; a bad or conflicting value is refused with a message naming it, never
 * silently clamped.
 *
 * <pre>{@code
 * Realm realm = Realm.builder()
 *         .jdbcUrl("jdbc:postgresql://db/app").credentials("app", secret)
 *         .schemaAction(SchemaAction.VALIDATE)
 *         .idleTimeout(Duration.ofMinutes(15))
 *         .absoluteTimeout(Duration.ofHours(8))
 *         .build();
 * }</pre>
 */
public final class RealmBuilder {

    private String jdbcUrl;
    private String jdbcUser;
    private String jdbcPassword;
    private DataSource dataSource;
    private int poolSize = 10;
    private Duration connectionTimeout = Duration.ofSeconds(2);
    private SchemaAction schemaAction;
    private Clock clock = Clock.systemUTC();
    private Duration idleTimeout = Duration.ofMinutes(30);
    private Duration absoluteTimeout = Duration.ofHours(12);
    private Duration rotationGrace = Duration.ofSeconds(10);
    private PasswordCost passwordCost = PasswordCost.OWASP;
    private int hashingPermits = Math.max(1, Runtime.getRuntime().availableProcessors());
    private Duration hashingWait = Duration.ofSeconds(1);
    private int hashingReserve = 1;
    private SessionLimit sessionLimit;
    private SignInThrottle signInThrottle = SignInThrottle.defaults();
    private byte[] tokenPepper;
    private Duration auditRetention = Duration.ofDays(365);
    // ------------------------------------------------------------------------------------- session cache
    private SessionCacheSettings sessionCache; // null: off

    RealmBuilder() {
    }

    /** A JDBC URL; the realm then owns a HikariCP pool on it and closes it with {@link Realm#close()}. */
    public RealmBuilder jdbcUrl(String url) {
        if (url == null || !url.startsWith("jdbc:")) {
            throw new InvalidInputException("jdbc url must start with 'jdbc:'");
        }
        this.jdbcUrl = url;
        return this;
    }

    public RealmBuilder credentials(String user, String password) {
        this.jdbcUser = user;
        this.jdbcPassword = password;
        return this;
    }

    /**
     * A {@code DataSource} owned by someone else, such as a container's JNDI resource. The realm uses it and
     * never closes it.
     */
    public RealmBuilder dataSource(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        return this;
    }

    /** Maximum connections of the pool the realm creates for a JDBC URL (default 10). */
    public RealmBuilder poolSize(int size) {
        if (size < 1 || size > 1000) {
            throw new InvalidInputException("pool size must be between 1 and 1000, was " + size);
        }
        this.poolSize = size;
        return this;
    }

    /**
     * How long a call waits for a connection before failing with {@link RealmUnavailableException}
     * (default 2 s; short, so that a request fails fast with 503 rather than hanging).
     */
    public RealmBuilder connectionTimeout(Duration timeout) {
        this.connectionTimeout = positive("connection timeout", timeout);
        return this;
    }

    /** What to do with the schema at start (default: create-if-missing on H2, validate elsewhere). */
    public RealmBuilder schemaAction(SchemaAction action) {
        this.schemaAction = Objects.requireNonNull(action, "schemaAction");
        return this;
    }

    public RealmBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** How long an unused session lives; slides with use (default 30 minutes). */
    public RealmBuilder idleTimeout(Duration timeout) {
        this.idleTimeout = positive("idle timeout", timeout);
        return this;
    }

    /** How long a session lives at most, used or not; never moves (default 12 hours). */
    public RealmBuilder absoluteTimeout(Duration timeout) {
        this.absoluteTimeout = positive("absolute timeout", timeout);
        return this;
    }

    /** How long a token replaced by rotation keeps working (default 10 s, at most 60 s). */
    public RealmBuilder rotationGrace(Duration grace) {
        if (grace == null || grace.isNegative() || grace.compareTo(Duration.ofSeconds(60)) > 0) {
            throw new InvalidInputException("rotation grace must be between 0 and 60 seconds, was " + grace);
        }
        this.rotationGrace = grace;
        return this;
    }

    /** The Argon2id cost of new hashes; weaker stored hashes are re-hashed at the next login. */
    public RealmBuilder passwordCost(PasswordCost cost) {
        this.passwordCost = Objects.requireNonNull(cost, "passwordCost");
        return this;
    }

    /**
     * How many password hashes may run at once (default: one per core), and how long an excess attempt waits
     * for a turn before answering "busy" (default 1 s).
     */
    public RealmBuilder hashingLimit(int permits, Duration wait) {
        if (permits < 1 || permits > 1024) {
            throw new InvalidInputException("hashing permits must be between 1 and 1024, was " + permits);
        }
        if (wait == null || wait.isNegative() || wait.compareTo(Duration.ofSeconds(30)) > 0) {
            throw new InvalidInputException("hashing wait must be between 0 and 30 seconds, was " + wait);
        }
        this.hashingPermits = permits;
        this.hashingWait = wait;
        return this;
    }

    /**
     * Password-hashing permits kept, beyond those of {@link #hashingLimit}, for the holders of live sessions: their
     * re-authentication and password change (and administrative hashing) may use them, anonymous sign-ins never,
     * so a flood of sign-ins can not starve a signed-in user (default 1; 0 for none). At most
     * {@code permits + reserved} hashes run at once.
     */
    public RealmBuilder hashingReserve(int reserved) {
        if (reserved < 0 || reserved > 1024) {
            throw new InvalidInputException("reserved hashing permits must be between 0 and 1024, was " + reserved);
        }
        this.hashingReserve = reserved;
        return this;
    }

    /**
     * How password guessing is slowed, per account and client and per account (default
     * {@link SignInThrottle#defaults()}: 5 free failures per client, then 1 s doubling up to 15 minutes; unknown
     * clients refused after 100 consecutive failures of the account, for 24 hours). The values are checked by
     * {@link SignInThrottle} itself.
     */
    public RealmBuilder signInThrottle(SignInThrottle throttle) {
        this.signInThrottle = Objects.requireNonNull(throttle, "signInThrottle");
        return this;
    }

    /**
     * At most {@code max} live sessions per account (1 to 1000; default: no limit). A sign-in past it is refused
     * ({@link SessionLimit.Policy#REFUSE_NEW}: {@link LoginResult.TooManySessions}) or ends the account's oldest live
     * sessions ({@link SessionLimit.Policy#END_OLDEST}). Counted under the account's row lock, so parallel sign-ins
     * can not pass it; {@link SessionRealm#open} obeys it too.
     */
    public RealmBuilder maxSessions(int max, SessionLimit.Policy policy) {
        this.sessionLimit = new SessionLimit(max, policy);
        return this;
    }

    /**
     * A secret mixed into the stored token hashes (HMAC-SHA-256 instead of SHA-256), so that a copy of the
     * database alone cannot even confirm a guessed token. At least 32 bytes. Changing it ends every session.
     */
    public RealmBuilder tokenPepper(byte[] pepper) {
        if (pepper == null || pepper.length < 32) {
            throw new InvalidInputException("token pepper must be at least 32 bytes");
        }
        this.tokenPepper = pepper.clone();
        return this;
    }

    /** How long audit events are kept before {@link Realm#purge(int)} deletes them (default 365 days). */
    public RealmBuilder auditRetention(Duration retention) {
        this.auditRetention = positive("audit retention", retention);
        return this;
    }

    /**
     * Turns the session cache on (default: off, every resolve reads the database). Each node then keeps up to
     * {@code maxEntries} live sessions in memory, keyed by the hash of their token; a change made on this node acts on
     * its very next request, one made on any other node (or by the command line, or by hand through the realm)
     * within {@code bound}, and a node that can not hear from the database for longer than {@code bound} stops
     * answering from its cache. Changes travel through a change log in the database, polled every bound / 4: nothing
     * else to deploy. See the module's README ("Session cache").
     *
     * @param maxEntries 1 to 10,000,000
     * @param bound      100 ms to 60 s
     */
    public RealmBuilder sessionCache(int maxEntries, Duration bound) {
        this.sessionCache = new SessionCacheSettings(maxEntries, bound);
        return this;
    }

    /** Turns the session cache off again (the default). */
    public RealmBuilder noSessionCache() {
        this.sessionCache = null;
        return this;
    }

    /**
     * Validates the whole configuration, connects, prepares the schema and returns a started realm.
     *
     * @throws InvalidInputException      if options are missing or conflict
     * @throws RealmUnavailableException  if the database cannot be reached
     * @throws RealmException             if the schema is not as the mapping expects
     */
    public Realm build() {
        return io.hallpass.realm.jpa.JpaRealm.start(settings());
    }

    /** The validated, immutable settings; {@link #build()} starts a realm with them. */
    public RealmSettings settings() {
        if ((jdbcUrl == null) == (dataSource == null)) {
            throw new InvalidInputException("configure exactly one of a jdbc url or a data source");
        }
        if (dataSource != null && (jdbcUser != null || jdbcPassword != null)) {
            throw new InvalidInputException("credentials apply to a jdbc url, not to a data source");
        }
        if (idleTimeout.compareTo(absoluteTimeout) > 0) {
            throw new InvalidInputException("idle timeout (" + idleTimeout + ") is longer than the absolute timeout ("
                    + absoluteTimeout + ")");
        }
        if (rotationGrace.compareTo(idleTimeout) >= 0) {
            throw new InvalidInputException("rotation grace must be shorter than the idle timeout");
        }
        SchemaAction action = schemaAction;
        if (action == null) {
            action = jdbcUrl != null && jdbcUrl.startsWith("jdbc:h2:") ? SchemaAction.CREATE_IF_MISSING
                    : SchemaAction.VALIDATE;
        }
        return new RealmSettings(jdbcUrl, jdbcUser, jdbcPassword, dataSource, poolSize, connectionTimeout, action,
                clock, idleTimeout, absoluteTimeout, touchInterval(idleTimeout), rotationGrace, passwordCost,
                hashingPermits, hashingWait, hashingReserve, signInThrottle, sessionLimit,
                tokenPepper == null ? null : Arrays.copyOf(tokenPepper, tokenPepper.length), auditRetention,
                sessionCache);
    }

    /** Last-seen is written at most this often: a tenth of the idle timeout, at most a minute. */
    static Duration touchInterval(Duration idleTimeout) {
        Duration tenth = idleTimeout.dividedBy(10);
        Duration minute = Duration.ofMinutes(1);
        return tenth.compareTo(minute) < 0 ? tenth : minute;
    }

    private static Duration positive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new InvalidInputException(name + " must be positive, was " + value);
        }
        return value;
    }
}
