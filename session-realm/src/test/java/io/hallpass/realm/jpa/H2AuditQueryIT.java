package io.hallpass.realm.jpa;

import io.hallpass.realm.testing.ScratchDatabase;

/** Filtering the audit trail on H2. */
class H2AuditQueryIT extends AuditQueryContract {

    @Override
    ScratchDatabase.Kind kind() {
        return ScratchDatabase.Kind.H2;
    }
}
