package io.hallpass.realm.jpa;

import io.hallpass.realm.testing.ScratchDatabase;

/** The realm's contract on PostgreSQL. */
class PostgresqlRealmIT extends RealmContract {

    @Override
    ScratchDatabase.Kind kind() {
        return ScratchDatabase.Kind.POSTGRESQL;
    }
}
