package io.hallpass.realm.jpa;

import io.hallpass.realm.testing.ScratchDatabase;

/** Two nodes with session caches on one H2 database. */
class H2TwoNodesIT extends TwoNodesContract {

    @Override
    ScratchDatabase.Kind kind() {
        return ScratchDatabase.Kind.H2;
    }
}
