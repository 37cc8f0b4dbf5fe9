package io.hallpass.realm.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallpass.realm.ClientFacts;
import io.hallpass.realm.LoginResult;
import io.hallpass.realm.Realm;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the README says about an H2 file database used by a running application and by the tool: with
 * {@code AUTO_SERVER=TRUE} on both URLs they share it; without, one process at a time. The application here is a
 * realm in this process, built as the filter builds it.
 */
class H2SharingIT {

    private static final String PASSWORD = "correct horse battery staple";

    private static AdminProcess toolOn(String url) {
        return new AdminProcess(List.of("--jdbc-url", url, "--jdbc-user", "sa"), "", new ArrayList<>(List.of(PASSWORD)));
    }

    @Test
    void withTheReadmesAutoServerUrlTheToolWritesWhileTheApplicationRuns() {
        // the README's recommended URL, absolute, given unchanged to the application and to the tool
        String url = "jdbc:h2:file:" + AdminProcess.newFolder("h2-shared").resolve("hallpass") + ";AUTO_SERVER=TRUE";
        try (Realm realm = Realm.builder().jdbcUrl(url).credentials("sa", "").build()) {
            AdminProcess tool = toolOn(url);
            tool.runWithInput(PASSWORD + "\n", "accounts", "add", "carol", "--role", "admin", "--password-stdin").done();
            assertEquals(Set.of("admin"), realm.findAccount("carol").orElseThrow().roles(),
                    "the running application sees the account at once");
            LoginResult.Success signedIn = assertInstanceOf(LoginResult.Success.class,
                    realm.login("carol", PASSWORD, ClientFacts.UNKNOWN));
            String publicId = signedIn.session().view().publicId();
            assertEquals(1, tool.run("sessions", "list", "carol").done().linesWith(publicId).size(),
                    "and the tool sees the application's session");
            tool.run("sessions", "revoke", "carol", "--all").done();
            assertTrue(realm.resolve(signedIn.session().token()).isEmpty());
            tool.run("accounts", "disable", "carol").done();
            assertInstanceOf(LoginResult.Failed.class, realm.login("carol", PASSWORD, ClientFacts.UNKNOWN),
                    "disabled by the tool, refused by the application");
        }
        // the tool alone once the application has stopped, and the application again on the file the tool wrote
        AdminProcess tool = toolOn(url);
        tool.run("accounts", "enable", "carol").done();
        try (Realm realm = Realm.builder().jdbcUrl(url).credentials("sa", "").build()) {
            assertInstanceOf(LoginResult.Success.class, realm.login("carol", PASSWORD, ClientFacts.UNKNOWN),
                    "the application reopens the file the tool wrote");
        }
    }

    @Test
    void withoutAutoServerAnH2FileDatabaseServesOneProcessAtATime() {
        String url = "jdbc:h2:file:" + AdminProcess.newFolder("h2-alone").resolve("app");
        AdminProcess tool = toolOn(url);
        try (Realm application = Realm.builder().jdbcUrl(url).credentials("sa", "").build()) {
            tool.run("accounts", "list").failed(3, "The file is locked").failed(3, "an H2 file database is open in one"
                    + " process at a time: stop the application, or put ;AUTO_SERVER=TRUE on both URLs");
            application.createAccount("dave", PASSWORD);
        }
        assertEquals(1, tool.run("accounts", "list").done().linesWith(" dave ").size(),
                "once the application has stopped");
    }
}
