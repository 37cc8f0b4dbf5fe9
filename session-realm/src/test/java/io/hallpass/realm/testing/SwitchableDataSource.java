package io.hallpass.realm.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;

/** A data source a test can switch off, as a database that stops answering would be. */
public final class SwitchableDataSource extends ForwardingDataSource {

    private volatile boolean down;

    public SwitchableDataSource(DataSource target) {
        super(target);
    }

    public void down(boolean down) {
        this.down = down;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (down) {
            throw new SQLTransientConnectionException("test: the database is switched off", "08001");
        }
        return target.getConnection();
    }
}
