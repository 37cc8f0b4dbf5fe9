package io.hallpass.realm.jpa;

/**
 * Told of every {@link SessionChange}, once the transaction that made it has committed (see
 * {@link Tx#sessionsChanged}). Runs on the thread that made the change; an exception it throws is logged and
 * changes nothing. The realm holds one; by default it does nothing.
 */
@FunctionalInterface
interface SessionChangeListener {

    SessionChangeListener NONE = change -> {
    };

    void sessionsChanged(SessionChange change);
}
