package io.hallpass.realm.jpa;

import io.hallpass.realm.testing.ScratchDatabase;

/** The realm's contract on H2. */
class H2RealmIT extends RealmContract {

    @Override
    ScratchDatabase.Kind kind() {
        return ScratchDatabase.Kind.H2;
    }
}
