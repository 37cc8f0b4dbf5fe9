package io.hallpass.realm.jpa;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * The one place the Hibernate mapping is configured, so that the realm and the schema tests see exactly the same
 * thing.
 *
 * <p>Timestamps are {@code Instant}s stored as timestamp columns without time zone ({@code timestamp(6)} on H2
 * and PostgreSQL, {@code datetime(6)} on MariaDB) holding UTC, bound through a UTC calendar: no time-zone
 * conversion by the driver or the server, no 2038 limit (MariaDB's {@code TIMESTAMP} has one), and microsecond
 * precision everywhere (the realm truncates the clock to microseconds, so a value reads back exactly as it was
 * written).
 */
final class Mapping {

    static final List<Class<?>> ENTITIES = List.of(AccountEntity.class, RoleGrantEntity.class, SessionEntity.class,
            KnownDeviceEntity.class, AuditEventEntity.class,
            // the change log of the session caches
            SessionChangeEntity.class, ChangeCounterEntity.class,
            // the realm key and the sign-in throttle
            RealmKeyEntity.class, SignInThrottleEntity.class, AccountThrottleEntity.class);

    private Mapping() {
    }

    /**
     * A configuration on a data source that Hibernate uses but does not pool or close.
     *
     * @param schemaTooling Hibernate's schema action: {@code validate}, {@code create} (tests only) or {@code none}
     * @param extra         further properties (may be empty)
     */
    static SessionFactory sessionFactory(DataSource dataSource, String schemaTooling, Map<String, Object> extra) {
        HibernatePersistenceConfiguration configuration = new HibernatePersistenceConfiguration("hallpass-realm")
                .managedClasses(ENTITIES)
                .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                .property(AvailableSettings.HBM2DDL_AUTO, schemaTooling)
                .property(AvailableSettings.PREFERRED_INSTANT_JDBC_TYPE, "TIMESTAMP")
                .property(AvailableSettings.JDBC_TIME_ZONE, "UTC")
                .property(AvailableSettings.USE_SECOND_LEVEL_CACHE, false)
                .property(AvailableSettings.USE_QUERY_CACHE, false)
                .property(AvailableSettings.GENERATE_STATISTICS, false)
                .property(AvailableSettings.SHOW_SQL, false);
        extra.forEach(configuration::property);
        return configuration.createEntityManagerFactory();
    }
}
