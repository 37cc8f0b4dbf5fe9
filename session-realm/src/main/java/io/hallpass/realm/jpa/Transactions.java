package io.hallpass.realm.jpa;

import io.hallpass.realm.InvalidInputException;
import io.hallpass.realm.RealmException;
import io.hallpass.realm.RealmUnavailableException;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;

/**
 * Runs each unit of work in one transaction of a stateless session and turns every failure into the realm's
 * vocabulary: conflicts between nodes (a unique key won by another transaction, a deadlock victim) are retried a
 * few times; anything else the database does wrong becomes {@link RealmUnavailableException}, so callers fail
 * closed with a single catch.
 */
final class Transactions {

    private static final System.Logger LOG = System.getLogger("io.hallpass.realm");
    private static final int ATTEMPTS = 5;

    private final SessionFactory factory;
    private final Clock clock;
    private final SessionChangeListener listener;

    Transactions(SessionFactory factory, Clock clock, SessionChangeListener listener) {
        this.factory = factory;
        this.clock = clock;
        this.listener = listener;
    }

    /** Now, in microseconds: what every supported database stores exactly. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Runs {@code work} in one transaction judged at one instant, retrying it whole on a conflict; once it has
     * committed (and its connection is back in the pool), logs its audit rows and runs its after-commit actions.
     */
    <T> T run(Function<Tx, T> work) {
        Instant now = now();
        for (int attempt = 1; ; attempt++) {
            if (!factory.isOpen()) {
                throw new RealmUnavailableException("the realm is closed", null);
            }
            StatelessSession session = null;
            Transaction transaction = null;
            Tx tx;
            T result;
            try {
                session = factory.openStatelessSession();
                transaction = session.beginTransaction();
                tx = new Tx(session, now, listener);
                result = work.apply(tx);
                tx.beforeCommit();
                transaction.commit();
            } catch (InvalidInputException | RealmException e) {
                rollback(transaction);
                throw e;
            } catch (RuntimeException e) {
                rollback(transaction);
                if (attempt < ATTEMPTS && isConflict(e)) {
                    backOff(attempt);
                    continue;
                }
                throw unavailable(e);
            } finally {
                close(session);
            }
            committed(tx);
            return result;
        }
    }

    /**
     * What happens only after a commit: the audit rows are logged, then the after-commit actions run in order. An
     * action that fails is logged and the others still run: the change is committed, and saying otherwise would
     * make the caller believe it was not.
     */
    private static void committed(Tx tx) {
        tx.audited.forEach(AuditLog::logCommitted);
        for (Runnable action : tx.afterCommit) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "an action after a committed transaction failed; the change stands", e);
            }
        }
    }

    /**
     * A short random pause before running a lost race again, so that transactions that collided (two nodes
     * inserting the same lockout counter, a deadlock pair) do not collide again in lock step.
     */
    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, 5 * attempt + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RealmUnavailableException("interrupted while retrying a transaction", e);
        }
    }

    /**
     * Runs read-only {@code work} outside any transaction, each statement committing by itself (auto-commit). For
     * work that is a single query, so that it is consistent by itself and costs no COMMIT round trip. It must not
     * write, audit or ask for anything after a commit.
     */
    <T> T read(Function<Tx, T> work) {
        if (!factory.isOpen()) {
            throw new RealmUnavailableException("the realm is closed", null);
        }
        StatelessSession session = null;
        try {
            session = factory.openStatelessSession();
            Tx tx = new Tx(session, now(), listener);
            T result = work.apply(tx);
            if (!tx.audited.isEmpty() || !tx.afterCommit.isEmpty() || !tx.beforeCommit.isEmpty()
                    || tx.changedSessions()) {
                throw new IllegalStateException("a read wrote audit rows or asked for work after a commit");
            }
            return result;
        } catch (InvalidInputException | RealmException e) {
            throw e;
        } catch (RuntimeException e) {
            throw unavailable(e);
        } finally {
            close(session);
        }
    }

    /** Whether a failure is a lost race with another transaction, so that running again may succeed. */
    static boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException || t instanceof LockAcquisitionException
                    || t instanceof org.hibernate.PessimisticLockException
                    || t instanceof jakarta.persistence.PessimisticLockException
                    || t instanceof jakarta.persistence.LockTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("23") || state.startsWith("40") || state.equals("90131"))) {
                    return true; // integrity, serialization failure or deadlock, H2's concurrent update
                }
                if (sql.getErrorCode() == 1213 || sql.getErrorCode() == 1205) {
                    return true; // MariaDB deadlock, lock wait timeout
                }
            }
        }
        return false;
    }

    /** Whether a failure means the database could not be reached (as opposed to a failing statement). */
    static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    static RealmUnavailableException unavailable(Exception e) {
        if (e instanceof RealmUnavailableException u) {
            return u;
        }
        if (isConnectionFailure(e)) {
            return new RealmUnavailableException("the realm's database can not be reached", e);
        }
        // Fail closed on anything else too, but say so in the log: it may be a bug or a schema change.
        LOG.log(Level.WARNING, "the realm's database failed unexpectedly (" + e.getClass().getName() + ")", e);
        return new RealmUnavailableException("the realm's database failed (" + e.getClass().getSimpleName() + ")", e);
    }

    private static void rollback(Transaction transaction) {
        try {
            if (transaction != null && transaction.isActive()) {
                transaction.rollback();
            }
        } catch (RuntimeException ignored) {
            // the connection is likely gone; the original failure is what matters
        }
    }

    private static void close(StatelessSession session) {
        try {
            if (session != null) {
                session.close();
            }
        } catch (RuntimeException ignored) {
            // as above
        }
    }
}
