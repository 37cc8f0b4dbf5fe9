package io.hallpass.realm.jpa;

import io.hallpass.realm.testing.ScratchDatabase;

/** Filtering the audit trail on MariaDB. */
class MariadbAuditQueryIT extends AuditQueryContract {

    @Override
    ScratchDatabase.Kind kind() {
        return ScratchDatabase.Kind.MARIADB;
    }
}
