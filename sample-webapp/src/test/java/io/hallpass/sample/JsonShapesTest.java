package io.hallpass.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hallpass.realm.ClientFacts;
import io.hallpass.realm.SessionView;
import io.hallpass.sample.account.AccountExport;
import io.hallpass.sample.account.SessionsPage;
import io.hallpass.sample.api.ApiServlet;
import io.hallpass.sample.testing.Samples;
import io.hallpass.sample.web.Json;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The JSON answers that the contract (issue 5) fixes: /api/me and /account/sessions. */
class JsonShapesTest {

    @Test
    void apiMeAnswersTheUsernameAndTheSortedRoles() {
        assertEquals("{\"username\":\"alice\",\"roles\":[\"customer\"]}",
                Json.write(ApiServlet.me(Samples.session("alice", "customer"))));
        assertEquals("{\"username\":\"pat\",\"roles\":[\"admin\",\"reporting\",\"support\"]}",
                Json.write(ApiServlet.me(Samples.session("pat", "support", "admin", "reporting"))));
    }

    @Test
    void apiMeEscapesAHostileUsername() {
        assertEquals("{\"username\":\"\\u003cscript\\u003e\\\"\",\"roles\":[]}",
                Json.write(ApiServlet.me(Samples.session("<script>\""))));
    }

    @Test
    void sessionsAreAListOfObjectsWithTheContractFields() {
        Instant created = Instant.parse("2025-11-26T13:00:00Z");
        Instant seen = Instant.parse("2025-11-26T13:29:20Z");
        SessionView current = new SessionView("s-1", 7, "alice", Set.of("customer"), created, seen, created,
                Instant.parse("2025-11-26T14:00:00Z"), Instant.parse("2025-11-27T01:00:00Z"),
                new ClientFacts("203.0.113.7", "curl/8.5.0", "d"), true, 0, false, java.time.Duration.ZERO);
        SessionView other = new SessionView("s-2", 7, "alice", Set.of("customer"), created, seen, created,
                Instant.parse("2025-11-27T02:00:00Z"), Instant.parse("2025-11-27T01:00:00Z"),
                ClientFacts.UNKNOWN, false, 0, false, java.time.Duration.ZERO);
        assertEquals("[{\"id\":\"s-1\",\"current\":true,\"createdAt\":\"2025-11-26T13:00:00Z\","
                        + "\"lastSeenAt\":\"2025-11-26T13:29:20Z\",\"lastAuthenticatedAt\":\"2025-11-26T13:00:00Z\","
                        + "\"expiresAt\":\"2025-11-26T14:00:00Z\",\"ip\":\"203.0.113.7\",\"userAgent\":\"curl/8.5.0\","
                        + "\"device\":\"curl 8.5.0\",\"newDevice\":true},"
                        + "{\"id\":\"s-2\",\"current\":false,\"createdAt\":\"2025-11-26T13:00:00Z\","
                        + "\"lastSeenAt\":\"2025-11-26T13:29:20Z\",\"lastAuthenticatedAt\":\"2025-11-26T13:00:00Z\","
                        + "\"expiresAt\":\"2025-11-27T01:00:00Z\",\"ip\":null,\"userAgent\":null,"
                        + "\"device\":\"Unknown client\",\"newDevice\":false}]",
                Json.write(SessionsPage.json(List.of(current, other), "s-1")));
    }

    @Test
    void anEmptySessionListIsAnEmptyArray() {
        assertEquals("[]", Json.write(SessionsPage.json(List.of(), "s-1")));
    }

    @Test
    void theExportFileNameIsSafe() {
        assertEquals("northwind-export-alice.json", AccountExport.fileName("alice"));
        assertEquals("northwind-export-a--b.json", AccountExport.fileName("a\"/b"));
        assertEquals("northwind-export-account.json", AccountExport.fileName("\"\""));
    }
}
