package io.hallpass.realm;

import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * The validated configuration of a realm, as produced by {@link RealmBuilder#settings()}. Exactly one of
 * {@code jdbcUrl} and {@code dataSource} is set; {@code tokenPepper} may be null.
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
        int lockoutThreshold,
        Duration lockoutWindow,
        Duration lockoutDuration,
        byte[] tokenPepper,
        Duration auditRetention) {

    @Override
    public String toString() {
        // never the password or the pepper
        // nor the part of a JDBC URL that may carry credentials (after '?' or ';')
        String where = jdbcUrl == null ? "dataSource" : "jdbcUrl=" + jdbcUrl.split("[?;]", 2)[0];
        return "RealmSettings[" + where + ", schemaAction="
                + schemaAction + ", idleTimeout=" + idleTimeout + ", absoluteTimeout=" + absoluteTimeout
                + ", passwordCost=" + passwordCost + ", lockout=" + lockoutThreshold + "/" + lockoutWindow + "]";
    }
}
