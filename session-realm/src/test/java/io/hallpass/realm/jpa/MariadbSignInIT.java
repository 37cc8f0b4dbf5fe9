package io.hallpass.realm.jpa;

import io.hallpass.realm.testing.ScratchDatabase;

/** The attacks on the password checks, on MariaDB. */
class MariadbSignInIT extends SignInContract {

    @Override
    ScratchDatabase.Kind kind() {
        return ScratchDatabase.Kind.MARIADB;
    }
}
