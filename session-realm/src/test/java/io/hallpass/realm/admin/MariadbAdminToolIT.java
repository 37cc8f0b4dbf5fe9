package io.hallpass.realm.admin;

import io.hallpass.realm.testing.ScratchDatabase;

/** The admin tool against MariaDB, in scratch databases of its own. */
class MariadbAdminToolIT extends AdminToolContract {

    @Override
    ScratchDatabase.Kind kind() {
        return ScratchDatabase.Kind.MARIADB;
    }
}
