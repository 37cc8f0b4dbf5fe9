package io.hallpass.realm.jpa;

import io.hallpass.realm.testing.ScratchDatabase;

/** The attacks on the password checks, on H2. */
class H2SignInIT extends SignInContract {

    @Override
    ScratchDatabase.Kind kind() {
        return ScratchDatabase.Kind.H2;
    }
}
