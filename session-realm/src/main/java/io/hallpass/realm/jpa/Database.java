package io.hallpass.realm.jpa;

import com.zaxxer.hikari.HikariDataSource;
import io.hallpass.realm.RealmException;
import io.hallpass.realm.RealmSettings;
import io.hallpass.realm.RealmUnavailableException;
import io.hallpass.realm.SchemaAction;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.tool.schema.spi.SchemaManagementException;

/**
 * The database a running realm works on: the pool it owns (only when it was given a JDBC URL), Hibernate's
 * session factory, and the shipped schema of the database product. {@link #open} is the realm's whole start-up
 * on the database side; {@link #close} undoes it.
 */
final class Database implements AutoCloseable {

    /** How long the start waits for a first connection before it reports the database unavailable. */
    static final Duration START_PATIENCE = Duration.ofSeconds(15);

    /** The product name the driver reported, for the start-up log. */
    final String product;
    final SessionFactory factory;
    /** The shipped DDL of this database, or null for one the realm ships none for. */
    final Schema schema;
    /** Plain JDBC on the same data source, for the hot paths. */
    final Jdbc jdbc;
    private final HikariDataSource ownedPool; // null for a data source handed in, which is never closed

    private Database(String product, SessionFactory factory, Schema schema, DataSource dataSource,
                     HikariDataSource ownedPool) {
        this.product = product;
        this.factory = factory;
        this.schema = schema;
        this.ownedPool = ownedPool;
        this.jdbc = new Jdbc(dataSource, factory::isOpen);
    }

    /**
     * Connects (waiting up to {@link #START_PATIENCE} for a first connection), prepares the schema as the settings
     * ask, and boots Hibernate on it. On failure, whatever was opened is closed again.
     *
     * @throws RealmUnavailableException if the database can not be reached
     * @throws RealmException            if the schema does not match the mapping, or can not be created
     */
    static Database open(RealmSettings settings) {
        HikariDataSource ownedPool = settings.jdbcUrl() == null ? null : OwnedPool.create(settings);
        DataSource dataSource = ownedPool != null ? ownedPool : settings.dataSource();
        try {
            String product = Schema.productName(dataSource, START_PATIENCE);
            Schema schema = Schema.forProduct(product);
            if (settings.schemaAction() == SchemaAction.CREATE_IF_MISSING) {
                if (schema == null) {
                    throw new RealmException("there is no shipped DDL for " + product
                            + "; create the tables yourself and start with schema action validate");
                }
                schema.createIfMissing(dataSource);
            }
            return new Database(product, bootHibernate(dataSource, settings.schemaAction()), schema, dataSource,
                    ownedPool);
        } catch (RuntimeException e) {
            if (ownedPool != null) {
                OwnedPool.close(ownedPool);
            }
            throw e;
        }
    }

    private static SessionFactory bootHibernate(DataSource dataSource, SchemaAction action) {
        try {
            return Mapping.sessionFactory(dataSource, action == SchemaAction.NONE ? "none" : "validate", Map.of());
        } catch (RuntimeException e) {
            if (Transactions.isConnectionFailure(e)) {
                throw new RealmUnavailableException("the realm's database can not be reached", e);
            }
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SchemaManagementException) {
                    throw new RealmException("the database schema does not match the realm's mapping: "
                            + t.getMessage(), e);
                }
            }
            throw new RealmException("could not start the realm: " + e.getMessage(), e);
        }
    }

    /** Closes Hibernate, then the pool if the realm owns one. Closing twice is harmless. */
    @Override
    public void close() {
        try {
            if (factory.isOpen()) {
                factory.close();
            }
        } finally {
            if (ownedPool != null) {
                OwnedPool.close(ownedPool);
            }
        }
    }
}
