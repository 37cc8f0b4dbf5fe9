package io.hallpass.realm.jpa;

import io.hallpass.realm.RealmBuilder;
import io.hallpass.realm.testing.ScratchDatabase;
import java.time.Duration;

/**
 * The realm's contract on H2 with the session cache on: every test unchanged, the same answers as without it
 * (changes made through the realm act on this node at once).
 */
class H2CachedRealmIT extends RealmContract {

    @Override
    ScratchDatabase.Kind kind() {
        return ScratchDatabase.Kind.H2;
    }

    @Override
    RealmBuilder builder() {
        return super.builder().sessionCache(10_000, Duration.ofSeconds(1));
    }
}
