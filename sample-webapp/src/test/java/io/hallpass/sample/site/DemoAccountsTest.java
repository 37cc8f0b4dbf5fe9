package io.hallpass.sample.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallpass.realm.AccountView;
import io.hallpass.realm.RoleGrant;
import io.hallpass.sample.testing.FakeRealm;
import io.hallpass.sample.testing.Samples;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoAccountsTest {

    private final FakeRealm realm = new FakeRealm(Clock.fixed(Samples.NOW, ZoneOffset.UTC));

    @Test
    void seedingCreatesTheFourAccountsOfTheContract() {
        assertEquals(List.of("alice", "sam", "ada", "casey"), DemoAccounts.seed(realm));
        Map<String, String> expected = Map.of("alice", "customer", "sam", "support", "ada", "admin",
                "casey", "reporting");
        expected.forEach((user, role) -> {
            FakeRealm.Account account = realm.accounts.get(user);
            assertEquals(user + "-demo-pw", account.password());
            assertEquals(1, account.grants().size());
            assertEquals(role, account.grants().get(0).role());
        });
    }

    @Test
    void caseysReportingGrantEndsSevenDaysAfterSeeding() {
        DemoAccounts.seed(realm);
        RoleGrant casey = realm.accounts.get("casey").grants().get(0);
        assertEquals(Samples.NOW.plus(Duration.ofDays(7)), casey.expiresAt());
        for (String permanent : List.of("alice", "sam", "ada")) {
            assertNull(realm.accounts.get(permanent).grants().get(0).expiresAt(), permanent);
        }
    }

    @Test
    void seedingAgainChangesNothing() {
        DemoAccounts.seed(realm);
        int creates = realm.creates;
        assertEquals(List.of(), DemoAccounts.seed(realm));
        assertEquals(creates, realm.creates, "no create attempt for accounts that exist");
    }

    @Test
    void anAccountAnAdministratorChangedIsLeftAlone() {
        DemoAccounts.seed(realm);
        long ada = realm.accounts.get("ada").id();
        realm.grantRole(ada, "reporting", null, "ada");
        DemoAccounts.seed(realm);
        assertEquals(2, realm.accounts.get("ada").grants().size());
    }

    @Test
    void anAccountCreatedMeanwhileByAnotherInstanceIsSkipped() {
        // the other instance creates "sam" between our lookup and our create
        FakeRealm racing = new FakeRealm(Clock.fixed(Samples.NOW, ZoneOffset.UTC)) {
            @Override
            public java.util.Optional<AccountView> findAccount(String username) {
                java.util.Optional<AccountView> found = super.findAccount(username);
                if (username.equals("sam") && found.isEmpty()) {
                    AccountView other = super.createAccount("sam", "sam-demo-pw");
                    super.grantRole(other.id(), "support", null, "other-instance");
                }
                return found;
            }
        };
        assertEquals(List.of("alice", "ada", "casey"), DemoAccounts.seed(racing));
        assertEquals("other-instance", racing.accounts.get("sam").grants().get(0).grantedBy());
        assertTrue(racing.accounts.keySet().containsAll(List.of("alice", "sam", "ada", "casey")));
    }
}
