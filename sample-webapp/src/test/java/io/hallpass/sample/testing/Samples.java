package io.hallpass.sample.testing;

import io.hallpass.realm.AccountView;
import io.hallpass.realm.ClientFacts;
import io.hallpass.realm.SessionView;
import io.hallpass.sample.web.Chrome;
import io.hallpass.sample.web.Section;
import io.hallpass.sample.web.Viewer;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** Sample values for page tests: sessions, accounts and page frames. */
public final class Samples {

    public static final Instant NOW = Instant.parse("2025-11-26T13:30:00Z");
    public static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0";
    public static final String CHROME_MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    public static final String IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

    private Samples() {
    }

    public static SessionView session(String id, String username, Set<String> roles, Duration age, String ip,
                                      String userAgent) {
        Instant created = NOW.minus(age);
        return new SessionView(id, 7L, username, roles, created, NOW.minusSeconds(40), created,
                NOW.plus(Duration.ofMinutes(30)), created.plus(Duration.ofHours(12)),
                new ClientFacts(ip, userAgent, "device-1"), false, 0, false, Duration.ofSeconds(40));
    }

    public static SessionView session(String username, String... roles) {
        return session("s-current", username, Set.of(roles), Duration.ofMinutes(12), "203.0.113.7", FIREFOX);
    }

    public static AccountView account(String username, String... roles) {
        return new AccountView(7L, username, true, Set.of(roles), Instant.parse("2025-03-02T09:00:00Z"),
                Instant.parse("2025-09-14T18:20:00Z"));
    }

    public static Chrome chrome(Section section, String username, String... roles) {
        Viewer viewer = username == null ? null : new Viewer(username, Set.of(roles), "s-current");
        return new Chrome("", viewer, section, null);
    }
}
