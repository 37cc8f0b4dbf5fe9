package io.hallpass.realm.jpa;

import io.hallpass.realm.testing.ScratchDatabase;

/** The realm's contract on MariaDB. */
class MariadbRealmIT extends RealmContract {

    @Override
    ScratchDatabase.Kind kind() {
        return ScratchDatabase.Kind.MARIADB;
    }
}
