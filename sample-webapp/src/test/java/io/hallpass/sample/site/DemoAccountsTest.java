package io.hallpass.sample.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallpass.realm.AccountView;
import io.hallpass.realm.LoginResult;
import io.hallpass.realm.PasswordCost;
import io.hallpass.realm.Realm;
import io.hallpass.realm.RoleGrant;
import io.hallpass.realm.ClientFacts;
import io.hallpass.sample.testing.Samples;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Seeding the demo accounts, against a real realm on an in-memory H2 database. */
class DemoAccountsTest {

    private final Realm realm = Realm.builder()
            .jdbcUrl("jdbc:h2:mem:seed-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
            .clock(Clock.fixed(Samples.NOW, ZoneOffset.UTC))
            .passwordCost(new PasswordCost(64, 1, 1))
            .build();

    @AfterEach
    void close() {
        realm.close();
    }

    private List<RoleGrant> grants(String user) {
        return realm.listGrants(realm.findAccount(user).orElseThrow().id());
    }

    @Test
    void seedingCreatesTheFourAccountsOfTheContract() {
        assertEquals(List.of("alice", "sam", "ada", "casey"), DemoAccounts.seed(realm));
        Map<String, String> expected = Map.of("alice", "customer", "sam", "support", "ada", "admin",
                "casey", "reporting");
        expected.forEach((user, role) -> {
            assertTrue(realm.login(user, user + "-demo-pw", ClientFacts.UNKNOWN) instanceof LoginResult.Success, user);
            assertEquals(1, grants(user).size());
            assertEquals(role, grants(user).get(0).role());
        });
    }

    @Test
    void caseysReportingGrantEndsSevenDaysAfterSeeding() {
        DemoAccounts.seed(realm);
        assertEquals(Samples.NOW.plus(Duration.ofDays(7)), grants("casey").get(0).expiresAt());
        for (String permanent : List.of("alice", "sam", "ada")) {
            assertNull(grants(permanent).get(0).expiresAt(), permanent);
        }
    }

    @Test
    void seedingAgainChangesNothing() {
        DemoAccounts.seed(realm);
        long before = realm.listAccounts().stream().mapToLong(AccountView::id).sum();
        assertEquals(List.of(), DemoAccounts.seed(realm));
        assertEquals(before, realm.listAccounts().stream().mapToLong(AccountView::id).sum());
    }

    @Test
    void anAccountAnAdministratorChangedIsLeftAlone() {
        DemoAccounts.seed(realm);
        realm.grantRole(realm.findAccount("ada").orElseThrow().id(), "reporting", null, "ada");
        DemoAccounts.seed(realm);
        assertEquals(2, grants("ada").size());
    }

    @Test
    void anAccountCreatedMeanwhileByAnotherInstanceIsSkipped() {
        // the other instance creates "sam" between our lookup and our create
        Realm racing = (Realm) Proxy.newProxyInstance(Realm.class.getClassLoader(), new Class<?>[] {Realm.class},
                (proxy, method, args) -> {
                    try {
                        Object answer = method.invoke(realm, args);
                        if (method.getName().equals("findAccount") && "sam".equals(args[0])
                                && ((Optional<?>) answer).isEmpty()) {
                            AccountView other = realm.createAccount("sam", "sam-demo-pw");
                            realm.grantRole(other.id(), "support", null, "other-instance");
                        }
                        return answer;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        assertEquals(List.of("alice", "ada", "casey"), DemoAccounts.seed(racing));
        assertEquals("other-instance", grants("sam").get(0).grantedBy());
        assertEquals(List.of("ada", "alice", "casey", "sam"),
                realm.listAccounts().stream().map(AccountView::username).toList());
    }
}
