package io.hallpass.realm.jpa;

import io.hallpass.realm.Realm;
import io.hallpass.realm.RealmSettings;

/** The JPA (Hibernate) implementation of {@link Realm}. Internal: use {@link Realm#builder()}. */
public final class JpaRealm {

    private JpaRealm() {
    }

    /** Connects, prepares the schema and starts a realm. */
    public static Realm start(RealmSettings settings) {
        throw new UnsupportedOperationException("scaffold: the JPA realm is being written (issue 2)");
    }
}
