package io.hallpass.sample.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallpass.realm.testing.ScratchDatabase;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 9's acceptance for the admin command line: on a fresh PostgreSQL database (one of its own,
 * {@code hallpass_it_<random>}, dropped afterwards), {@code hallpass-admin.jar} creates the schema and an
 * administrator account and grants it {@code admin}; the sample portal started on that database then accepts that
 * sign-in and opens its administration pages to it, and to not to a demo user without the role. Skipped with a message
 * where PostgreSQL is not reachable, a failure under {@code -Dhallpass.it.require=true}.
 */
class AdminJarPortalIT {

    private static final String PASSWORD = "opsadmin's long passphrase 7";

    @Test
    void anAdministratorMadeByTheCommandLineOnAFreshPostgresqlDatabaseSignsInToThePortal() throws Exception {
        try (ScratchDatabase database = ScratchDatabase.create(ScratchDatabase.Kind.POSTGRESQL)) {
            Path folder = PortalProcess.newFolder("admin-jar-postgresql");
            List<String> connection = List.of("--jdbc-url", database.url, "--jdbc-user", database.user);
            List<String> secrets = List.of(PASSWORD, database.password);
            AdminJar.run(folder, "", database.password, secrets, with(connection, "schema", "create"));
            AdminJar.run(folder, PASSWORD + "\n", database.password, secrets,
                    with(connection, "accounts", "add", "opsadmin", "--password-stdin"));
            AdminJar.run(folder, "", database.password, secrets, with(connection, "roles", "grant", "opsadmin",
                    "admin"));
            String roles = AdminJar.run(folder, "", database.password, secrets, with(connection, "roles", "list",
                    "opsadmin"));
            assertTrue(roles.contains("admin"), roles);

            List<String> portal = new ArrayList<>(List.of("--server", "tomcat", "--port", "0",
                    "--jdbc-url", database.url, "--jdbc-user", database.user));
            if (!database.password.isEmpty()) {
                portal.addAll(List.of("--jdbc-password", database.password));
            }
            try (PortalProcess process = PortalProcess.start(folder, portal.toArray(String[]::new))) {
                URI base = process.awaitUrl(Duration.ofSeconds(180));
                Browser admin = new Browser(base, "AdminJarPortalIT/1.0 (opsadmin)");
                Browser.Response login = admin.login("opsadmin", PASSWORD);
                assertEquals(303, login.status(), login::toString);
                Browser.Response users = admin.get("/admin/users");
                assertEquals(200, users.status(), "the role the command line granted opens /admin/: " + users);
                assertTrue(users.body().contains("opsadmin"), users::toString);

                Browser customer = new Browser(base, "AdminJarPortalIT/1.0 (alice)").signIn("alice");
                assertEquals(403, customer.get("/admin/users").status(), "a demo customer is not an admin");
            }
        }
    }

    private static List<String> with(List<String> connection, String... command) {
        List<String> all = new ArrayList<>(connection);
        all.addAll(List.of(command));
        return all;
    }
}
