package io.hallpass.realm.jpa;

import io.hallpass.realm.testing.ScratchDatabase;

/** The attacks on an account's sessions, on H2. */
class H2AccountSessionsIT extends AccountSessionsContract {

    @Override
    ScratchDatabase.Kind kind() {
        return ScratchDatabase.Kind.H2;
    }
}
