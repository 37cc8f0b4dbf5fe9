package io.hallpass.realm.jpa;

import io.hallpass.realm.testing.ScratchDatabase;

/** Two nodes with session caches on one MariaDB database. */
class MariadbTwoNodesIT extends TwoNodesContract {

    @Override
    ScratchDatabase.Kind kind() {
        return ScratchDatabase.Kind.MARIADB;
    }
}
