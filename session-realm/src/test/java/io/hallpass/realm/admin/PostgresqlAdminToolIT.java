package io.hallpass.realm.admin;

import io.hallpass.realm.testing.ScratchDatabase;

/** The admin tool against PostgreSQL, in scratch databases of its own. */
class PostgresqlAdminToolIT extends AdminToolContract {

    @Override
    ScratchDatabase.Kind kind() {
        return ScratchDatabase.Kind.POSTGRESQL;
    }
}
