package io.hallpass.realm.jpa;

import io.hallpass.realm.testing.ForwardingDataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * A data source that can hold one transaction at a chosen statement, so that a test reaches a race for sure: armed
 * with the start of a statement, the first execution of it runs, then {@link #reached} counts down and the thread
 * waits (holding its transaction, and its locks) until {@link #release()}. Everything else passes through.
 */
final class PausingDataSource extends ForwardingDataSource {

    final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile String armedWith;

    PausingDataSource(DataSource target) {
        super(target);
    }

    /** Holds the first statement whose SQL starts with {@code sqlStart} (ignoring case), once it has run. */
    void pauseAfter(String sqlStart) {
        armedWith = sqlStart.toLowerCase(Locale.ROOT);
    }

    void release() {
        released.countDown();
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = target.getConnection();
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = call(method, connection, args);
                    if (method.getName().equals("prepareStatement") && result instanceof PreparedStatement ps) {
                        return statement(ps, (String) args[0]);
                    }
                    return result;
                });
    }

    private PreparedStatement statement(PreparedStatement statement, String sql) {
        InvocationHandler handler = (proxy, method, args) -> {
            Object result = call(method, statement, args);
            String armed = armedWith;
            if (method.getName().startsWith("execute") && armed != null
                    && sql.strip().toLowerCase(Locale.ROOT).startsWith(armed)) {
                armedWith = null;
                reached.countDown();
                if (!released.await(30, TimeUnit.SECONDS)) {
                    throw new SQLException("test: never released");
                }
            }
            return result;
        };
        return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, handler);
    }

    private static Object call(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
