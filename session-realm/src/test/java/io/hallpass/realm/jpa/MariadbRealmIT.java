package io.hallpass.realm.jpa;

/** The realm's contract on MariaDB. */
class MariadbRealmIT extends RealmContract {

    @Override
    ScratchDatabase.Kind kind() {
        return ScratchDatabase.Kind.MARIADB;
    }
}
