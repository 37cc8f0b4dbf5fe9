package io.hallpass.sample.site;

import io.hallpass.realm.AccountView;
import io.hallpass.realm.DuplicateUsernameException;
import io.hallpass.realm.Realm;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The portal's demo accounts. Their passwords are published (on the login page and in the README), so they
 * exist only to try the sample out; a real application creates accounts its own way.
 */
public final class DemoAccounts {

    /**
     * One demo account.
     *
     * @param username the username
     * @param password its published password
     * @param role     the one role it is granted
     * @param grantFor how long the grant lasts from seeding, or null for a grant that does not expire
     * @param persona  who this account plays, for the login page
     */
    public record Demo(String username, String password, String role, Duration grantFor, String persona) {
    }

    public static final List<Demo> ALL = List.of(
            new Demo("alice", "alice-demo-pw", "customer", null,
                    "Customer: her orders with card details, billing, export, payout"),
            new Demo("sam", "sam-demo-pw", "support", null,
                    "Support agent: every order’s status, never card data"),
            new Demo("ada", "ada-demo-pw", "admin", null,
                    "Administrator: users, roles and reports, but no orders or billing"),
            new Demo("casey", "casey-demo-pw", "reporting", Duration.ofDays(7),
                    "Contractor: reports only, for 7 days after set-up"));

    /** Who grants the demo roles, as the audit trail shows it. */
    static final String SEEDER = "demo-seed";

    private DemoAccounts() {
    }

    /**
     * Creates each demo account that does not exist yet and grants its role; accounts that exist are left as
     * they are (an administrator may have changed them on purpose). Safe to run on every start, and when two
     * instances share one database: an account another instance created first is simply skipped.
     *
     * @return the usernames created by this call
     */
    public static List<String> seed(Realm realm) {
        List<String> created = new ArrayList<>();
        for (Demo demo : ALL) {
            if (realm.findAccount(demo.username()).isPresent()) {
                continue;
            }
            AccountView account;
            try {
                account = realm.createAccount(demo.username(), demo.password());
            } catch (DuplicateUsernameException createdMeanwhile) {
                continue;
            }
            Instant expiresAt = demo.grantFor() == null ? null : realm.clock().instant().plus(demo.grantFor());
            realm.grantRole(account.id(), demo.role(), expiresAt, SEEDER);
            created.add(demo.username());
        }
        return List.copyOf(created);
    }
}
