package io.hallpass.filter;

import io.hallpass.filter.config.FilterSettings;
import io.hallpass.realm.Realm;
import io.hallpass.realm.RealmBuilder;
import io.hallpass.realm.RealmException;
import jakarta.servlet.UnavailableException;
import java.time.Clock;
import java.time.Duration;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Starts the filter's own realm from the settings: a JDBC URL or a JNDI data source, timeouts, the sign-in throttle,
 * password cost, schema action and token pepper. Every option is checked before anything starts, so a
 * conflict stops the start-up, not a request; an unreachable database does not stop it (see
 * {@link RealmHolder}).
 */
final class RealmStart {

    /** How often a request may try again to start a realm whose database could not be reached. */
    static final Duration RETRY = Duration.ofSeconds(10);

    private RealmStart() {
    }

    static RealmHolder start(FilterSettings settings, Clock clock) throws UnavailableException {
        RealmBuilder builder = builder(settings);
        try {
            return RealmHolder.starting(builder::build, RETRY, clock);
        } catch (RealmException | IllegalArgumentException e) {
            throw StartRefusal.of("the realm cannot start: " + e.getMessage());
        }
    }

    private static RealmBuilder builder(FilterSettings settings) throws UnavailableException {
        RealmBuilder builder = Realm.builder()
                .idleTimeout(settings.idleTimeout())
                .absoluteTimeout(settings.absoluteTimeout())
                .rotationGrace(settings.rotationGrace())
                .signInThrottle(settings.signInThrottle())
                .passwordCost(settings.passwordCost());
        if (settings.schemaAction() != null) {
            builder.schemaAction(settings.schemaAction());
        }
        if (settings.sessionCache() != null) {
            builder.sessionCache(settings.sessionCache().maxEntries(), settings.sessionCache().bound());
        }
        if (settings.tokenPepper() != null) {
            builder.tokenPepper(settings.tokenPepper());
        }
        if (settings.sessionLimit() != null) {
            builder.maxSessions(settings.sessionLimit().max(), settings.sessionLimit().policy());
        }
        if (settings.jndiDataSource() != null) {
            builder.dataSource(lookup(settings.jndiDataSource()));
        } else {
            builder.jdbcUrl(settings.jdbcUrl()).poolSize(settings.jdbcPoolSize());
            if (settings.jdbcUser() != null || settings.jdbcPassword() != null) {
                builder.credentials(settings.jdbcUser(), settings.jdbcPassword());
            }
        }
        try {
            builder.settings(); // check the combination now, so a conflict stops the start-up, not a request
        } catch (IllegalArgumentException e) {
            throw StartRefusal.of(e.getMessage());
        }
        return builder;
    }

    private static DataSource lookup(String name) throws UnavailableException {
        try {
            Object found = new InitialContext().lookup(name);
            if (!(found instanceof DataSource dataSource)) {
                throw StartRefusal.of("jndi-datasource ('" + name + "') is not a javax.sql.DataSource");
            }
            return dataSource;
        } catch (NamingException e) {
            throw StartRefusal.of("jndi-datasource ('" + name + "') cannot be looked up: " + e);
        }
    }
}
