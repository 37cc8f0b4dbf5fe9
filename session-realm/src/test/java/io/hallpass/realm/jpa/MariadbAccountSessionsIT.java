package io.hallpass.realm.jpa;

import io.hallpass.realm.testing.ScratchDatabase;

/** The attacks on an account's sessions, on MariaDB. */
class MariadbAccountSessionsIT extends AccountSessionsContract {

    @Override
    ScratchDatabase.Kind kind() {
        return ScratchDatabase.Kind.MARIADB;
    }
}
