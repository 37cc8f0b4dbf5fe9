package io.hallpass.realm;

import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * The validated configuration of a realm, as produced by {@link RealmBuilder#settings()}. Exactly one of
 * {@code jdbcUrl} and {@code dataSource} is set; {@code tokenPepper} and {@code sessionLimit} (no limit) may be null;
 * {@code sessionCache} is null when the session cache is off.
 */
public record RealmSettings(
        String jdbcUrl,
        String jdbcUser,
        String jdbcPassword,
        DataSource dataSource,
        int poolSize,
        Duration connectionTimeout,
        SchemaAction schemaAction,
        Clock clock,
        Duration idleTimeout,
        Duration absoluteTimeout,
        Duration touchInterval,
        Duration rotationGrace,
        PasswordCost passwordCost,
        int hashingPermits,
        Duration hashingWait,
        int hashingReserve,
        SignInThrottle signInThrottle,
        SessionLimit sessionLimit,
        byte[] tokenPepper,
        Duration auditRetention,
        SessionCacheSettings sessionCache) {

    public RealmSettings {
        tokenPepper = tokenPepper == null ? null : tokenPepper.clone();
    }

    /** The pepper, or null; a copy, so that no caller can change the secret a running realm hashes with. */
    @Override
    public byte[] tokenPepper() {
        return tokenPepper == null ? null : tokenPepper.clone();
    }

    @Override
    public String toString() {
        // never the password or the pepper
        // nor the part of a JDBC URL that may carry credentials (after '?' or ';')
        String where = jdbcUrl == null ? "dataSource" : "jdbcUrl=" + jdbcUrl.split("[?;]", 2)[0];
        return "RealmSettings[" + where + ", schemaAction="
                + schemaAction + ", idleTimeout=" + idleTimeout + ", absoluteTimeout=" + absoluteTimeout
                + ", passwordCost=" + passwordCost + ", " + signInThrottle
                + (sessionLimit == null ? "" : ", " + sessionLimit)
                + ", sessionCache=" + (sessionCache == null ? "off" : sessionCache.maxEntries() + "/"
                + sessionCache.bound()) + "]";
    }
}
