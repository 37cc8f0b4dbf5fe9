package io.hallpass.realm.jpa;

import io.hallpass.realm.testing.ForwardingDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * A data source whose next commit, once armed, does not happen: the connection rolls the transaction back instead and
 * the commit throws, as when the connection is lost at the last moment. So a test sees what a transaction that had
 * done all its work, audit rows included, leaves behind when it can not commit. Everything else passes through.
 */
final class FailingCommitDataSource extends ForwardingDataSource {

    private final AtomicBoolean armed = new AtomicBoolean();

    FailingCommitDataSource(DataSource target) {
        super(target);
    }

    /** Makes the next commit, on any connection, fail after rolling back. */
    void failNextCommit() {
        armed.set(true);
    }

    /** Whether the armed failure has happened. */
    boolean failed() {
        return !armed.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = target.getConnection();
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("commit") && armed.compareAndSet(true, false)) {
                        connection.rollback();
                        throw new SQLException("test: the connection was lost at commit", "08006");
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
