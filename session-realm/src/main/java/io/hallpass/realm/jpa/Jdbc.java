package io.hallpass.realm.jpa;

import io.hallpass.realm.RealmUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

/**
 * Plain JDBC on the realm's data source, for the few statements that must be as cheap as possible and need nothing
 * of Hibernate: resolving a session ({@link SessionReader}), polling the change log ({@link ChangePoller}) and
 * writing last-seen in batches ({@link TouchWriter}). Every failure becomes {@link RealmUnavailableException}, as in
 * {@link Transactions}, so callers fail closed with a single catch.
 */
final class Jdbc {

    /** Work on a connection. */
    @FunctionalInterface
    interface Work<T> {
        T apply(Connection c) throws SQLException;
    }

    private final DataSource dataSource;
    private final BooleanSupplier open;

    Jdbc(DataSource dataSource, BooleanSupplier open) {
        this.dataSource = dataSource;
        this.open = open;
    }

    /**
     * Runs read-only {@code work} outside any transaction (each statement committing by itself). A pool handed in
     * whose connections do not auto-commit gets the implicit transaction rolled back, so that no read is left open.
     */
    <T> T read(Work<T> work) {
        if (!open.getAsBoolean()) {
            throw new RealmUnavailableException("the realm is closed", null);
        }
        try (Connection c = dataSource.getConnection()) {
            T result = work.apply(c);
            if (!c.getAutoCommit()) {
                c.rollback();
            }
            return result;
        } catch (SQLException | RuntimeException e) {
            throw Transactions.unavailable(e);
        }
    }

    /** Runs {@code work} in one transaction of its own, committed at its end and rolled back if it fails. */
    <T> T write(Work<T> work) {
        if (!open.getAsBoolean()) {
            throw new RealmUnavailableException("the realm is closed", null);
        }
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException ignored) {
                    // the connection is likely gone; the original failure is what matters
                }
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException | RuntimeException e) {
            throw Transactions.unavailable(e);
        }
    }
}
