package io.hallpass.realm.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hallpass.realm.AccountView;
import io.hallpass.realm.ClientFacts;
import io.hallpass.realm.LoginResult;
import io.hallpass.realm.PasswordCost;
import io.hallpass.realm.Realm;
import io.hallpass.realm.SchemaAction;
import io.hallpass.realm.testing.MutableClock;
import io.hallpass.realm.testing.ScratchDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The rule that says which grants count has two forms: {@link SessionRules#ACTIVE_GRANT} in the queries that only
 * need active roles, and {@link SessionRules#activeRoles} (that is, {@code RoleGrant.activeAt}) for grants read
 * with their expiries, as a cache holds them. This shows both give the same roles around an expiry, on H2.
 */
class ActiveGrantRuleIT {

    static final Instant START = Instant.parse("2026-03-01T09:00:00.000001Z");
    static final Duration MICRO = Duration.ofNanos(1_000);

    @Test
    void theQueriesAndTheJavaRuleAgreeAtEveryBoundaryOfAnExpiry() {
        MutableClock clock = new MutableClock(START);
        try (ScratchDatabase db = ScratchDatabase.create(ScratchDatabase.Kind.H2);
             Realm realm = Realm.builder().jdbcUrl(db.url).credentials(db.user, db.password).clock(clock)
                     .passwordCost(new PasswordCost(64, 1, 1)).schemaAction(SchemaAction.CREATE_IF_MISSING)
                     .build()) {
            AccountView account = realm.createAccount("contractor", "correct horse battery staple");
            Instant expiry = START.plus(Duration.ofMinutes(10));
            realm.grantRole(account.id(), "forever", null, "hr");
            realm.grantRole(account.id(), "ends-before", expiry.minus(MICRO), "hr");
            realm.grantRole(account.id(), "ends-at", expiry, "hr");
            realm.grantRole(account.id(), "ends-after", expiry.plus(MICRO), "hr");
            String token = ((LoginResult.Success) realm.login("contractor", "correct horse battery staple",
                    ClientFacts.UNKNOWN)).session().token();

            for (Instant now : List.of(START, expiry.minus(MICRO.multipliedBy(2)), expiry.minus(MICRO), expiry,
                    expiry.plus(MICRO), expiry.plus(Duration.ofMinutes(1)))) {
                clock.set(now);
                Set<String> java = SessionRules.activeRoles(realm.listGrants(account.id()), now);
                assertEquals(java, realm.resolve(token).orElseThrow().roles(), "resolve's join at " + now);
                assertEquals(java, realm.findAccount(account.id()).orElseThrow().roles(), "one account at " + now);
                assertEquals(java, realm.listAccounts().get(0).roles(), "every account at " + now);
            }
            clock.set(expiry);
            assertEquals(Set.of("forever", "ends-after"), realm.resolve(token).orElseThrow().roles(),
                    "and what they agree on is the rule: a grant ending exactly now no longer counts");
        }
    }
}
