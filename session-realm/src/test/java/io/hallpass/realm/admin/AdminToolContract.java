package io.hallpass.realm.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallpass.realm.ClientFacts;
import io.hallpass.realm.LoginResult;
import io.hallpass.realm.OpenedSession;
import io.hallpass.realm.Realm;
import io.hallpass.realm.RealmBuilder;
import io.hallpass.realm.SchemaAction;
import io.hallpass.realm.testing.MutableClock;
import io.hallpass.realm.testing.ScratchDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code hallpass-admin.jar} as a process against a real database of each kind (see the subclasses): every command
 * with its success and its refusals, their exit codes and one-line messages, and what the realm sees afterwards.
 * Each suite works in databases of its own. The test's own realm, used to sign in and to look, is opened only
 * around each use, so that an H2 file database is never open in two processes at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AdminToolContract {

    static final String PASSWORD = "correct horse battery staple";
    static final String NEW_PASSWORD = "an entirely new passphrase 42";
    static final ClientFacts LAPTOP = new ClientFacts("192.0.2.44", "Firefox/140 (admin test)", "device-laptop");

    /** A database of this suite's kind, empty. */
    record Database(String url, String user, String password, AutoCloseable drop) {
    }

    abstract ScratchDatabase.Kind kind();

    /** A database of this suite's kind, empty: a scratch database on the server (H2 overrides this). */
    Database freshDatabase() {
        ScratchDatabase scratch = ScratchDatabase.create(kind());
        return new Database(scratch.url, scratch.user, scratch.password, scratch::close);
    }

    /** A URL of this suite's kind on which nothing answers. */
    String unreachableUrl() {
        return "jdbc:" + kind().name().toLowerCase(java.util.Locale.ROOT) + "://127.0.0.1:1/nowhere";
    }

    /** Passwords and tokens of this suite: none may appear in any output of the tool. */
    final List<String> secrets = new CopyOnWriteArrayList<>(List.of(PASSWORD, NEW_PASSWORD));
    private final AtomicInteger names = new AtomicInteger();
    private final List<Database> databases = new ArrayList<>();
    private String skipped;
    Database db;
    AdminProcess tool;

    @BeforeAll
    void prepare() {
        try {
            db = database();
        } catch (org.opentest4j.TestAbortedException e) {
            skipped = e.getMessage();
            return;
        }
        toolOn(db).run("schema", "create").done(); // the jar, once: the other commands run in this JVM
        tool = toolOn(db).inThisJvm();
    }

    @AfterAll
    void dropDatabases() throws Exception {
        for (Database database : databases) {
            database.drop().close();
        }
    }

    @BeforeEach
    void skipWithoutADatabase() {
        Assumptions.assumeTrue(skipped == null, skipped);
    }

    private Database database() {
        Database database = freshDatabase();
        databases.add(database);
        if (database.password() != null && !database.password().isEmpty()) {
            secrets.add(database.password());
        }
        return database;
    }

    AdminProcess toolOn(Database database) {
        List<String> connection = new ArrayList<>(List.of("--jdbc-url", database.url()));
        if (database.user() != null) {
            connection.addAll(List.of("--jdbc-user", database.user()));
        }
        return new AdminProcess(connection, database.password(), secrets);
    }

    String unique(String base) {
        return base + "-" + names.incrementAndGet();
    }

    /** An account made by the tool, with the standard password read from standard input. */
    String account(String base, String... roles) {
        String name = unique(base);
        List<String> args = new ArrayList<>(List.of("accounts", "add", name, "--password-stdin"));
        for (String role : roles) {
            args.addAll(List.of("--role", role));
        }
        tool.runWithInput(PASSWORD + "\n", args.toArray(String[]::new)).done();
        return name;
    }

    RealmBuilder realmOn(Database database) {
        return Realm.builder().jdbcUrl(database.url()).credentials(database.user(), database.password())
                .schemaAction(SchemaAction.VALIDATE).poolSize(2);
    }

    /** Does something with this suite's realm, open only meanwhile. */
    <T> T withRealm(Function<Realm, T> work) {
        return withRealm(realmOn(db), work);
    }

    static <T> T withRealm(RealmBuilder builder, Function<Realm, T> work) {
        try (Realm realm = builder.build()) {
            return work.apply(realm);
        }
    }

    OpenedSession login(Realm realm, String name, String password) {
        OpenedSession session = assertInstanceOf(LoginResult.Success.class,
                realm.login(name, password, LAPTOP)).session();
        secrets.add(session.token());
        return session;
    }

    // ============================================================================================= schema

    @Test
    void aFreshDatabaseSetUpByTheToolLetsItsAdministratorSignInAsTheFilterWould() throws Exception {
        Database fresh = database();
        AdminProcess on = toolOn(fresh);
        on.run("schema", "check").failed(1, "missing table [hp_");
        AdminProcess.Result dry = on.run("schema", "create", "--dry-run").done();
        assertTrue(dry.out().contains("CREATE TABLE IF NOT EXISTS hp_account"), dry::describe);
        on.run("schema", "check").failed(1, "'hallpass-admin schema create' creates what is missing");
        assertTrue(on.run("schema", "create").done().out().contains("the schema matches"));
        assertEquals("the schema matches the realm's mapping\n", on.run("schema", "check").done().out());
        assertEquals("{\"matches\":true}\n", on.run("schema", "check", "--json").done().out());
        on.run("schema", "create").done(); // again: everything is IF NOT EXISTS

        String admin = "first-admin";
        on.runWithInput(PASSWORD + "\n", "accounts", "add", admin, "--role", "admin", "--password-stdin").done();
        on.run("roles", "grant", admin, "auditor", "--until", "30d").done();

        // the realm as the filter builds it: its defaults, the password cost included
        Set<String> roles = withRealm(Realm.builder().jdbcUrl(fresh.url()).credentials(fresh.user(), fresh.password()),
                realm -> login(realm, admin, PASSWORD).view().roles());
        assertEquals(Set.of("admin", "auditor"), roles);
        assertTrue(passwordHash(fresh, admin).startsWith("$argon2id$v=19$m=19456,t=2,p=1$"),
                "hashed at the filter's default cost");
    }

    @Test
    void theArgon2CostOptionsDecideTheCostOfTheHashesTheToolWrites() throws Exception {
        String name = unique("costly");
        tool.runWithInput(PASSWORD + "\n", "--argon2-memory-kib", "12288", "--argon2-iterations", "3", "accounts", "add",
                name, "--password-stdin").done();
        assertTrue(passwordHash(db, name).startsWith("$argon2id$v=19$m=12288,t=3,p=1$"));
        tool.runWithInput(NEW_PASSWORD + "\n", "accounts", "password", name, "--password-stdin", "--argon2-parallelism",
                "2").done();
        assertTrue(passwordHash(db, name).startsWith("$argon2id$v=19$m=19456,t=2,p=2$"));
        tool.run("--argon2-memory-kib", "4", "accounts", "list").failed(2, "Argon2 memory must be between");
    }

    // =========================================================================================== accounts

    @Test
    void accountsAreAddedListedDisabledAndEnabledAndTheWrongStateIsRefused() {
        String name = unique("ops");
        AdminProcess.Result added = tool.runWithInput(PASSWORD + "\n", "accounts", "add", name.toUpperCase(), "--role",
                "support", "--role", "auditor", "--password-stdin").done();
        assertEquals("created account '" + name + "' with roles support, auditor\n", added.out(),
                "the name is stored normalised");
        tool.runWithInput(PASSWORD + "\n", "accounts", "add", name, "--password-stdin")
                .failed(1, "an account named '" + name + "' already exists");

        List<String> rows = tool.run("accounts", "list").done().linesWith(" " + name + " ");
        assertEquals(1, rows.size());
        assertTrue(rows.get(0).matches("\\d+ +" + name + " +yes +auditor,support +\\S+Z +\\S+Z"), rows.get(0));
        String json = tool.run("--json", "accounts", "list").done().out();
        assertTrue(json.startsWith("{\"accounts\":[{\"id\":"), json);
        assertTrue(json.contains("\"username\":\"" + name + "\",\"enabled\":true,\"roles\":[\"auditor\","
                + "\"support\"],\"createdAt\":\""), json);

        assertEquals("disabled account '" + name + "' and ended its sessions\n",
                tool.run("accounts", "disable", name).done().out());
        assertTrue(tool.run("accounts", "list", "--json").done().out()
                .contains("\"username\":\"" + name + "\",\"enabled\":false"));
        tool.run("accounts", "disable", name).failed(1, "account '" + name + "' is already disabled");
        boolean signedIn = withRealm(realm -> realm.login(name, PASSWORD, LAPTOP) instanceof LoginResult.Success);
        assertFalse(signedIn, "a disabled account can not sign in");
        assertEquals("{\"username\":\"" + name + "\",\"enabled\":true}\n",
                tool.run("accounts", "enable", name, "--json").done().out());
        tool.run("accounts", "enable", name).failed(1, "account '" + name + "' is already enabled");
        withRealm(realm -> login(realm, name, PASSWORD));

        tool.run("accounts", "disable", "nobody-here").failed(1, "no account named 'nobody-here'");
    }

    @Test
    void aNewPasswordMustBeGoodAndComesFromStandardInputOrAConsole() {
        tool.runWithInput("short\n", "accounts", "add", unique("weak"), "--password-stdin")
                .failed(2, "new password must be at least 8 characters");
        tool.runWithInput("", "accounts", "add", unique("silent"), "--password-stdin").failed(2, "standard input is empty");
        tool.runWithInput(PASSWORD + "\n", "accounts", "add", unique("tty")).failed(2, "no console to ask for the new password");
        String listed = tool.run("accounts", "list").done().out();
        assertFalse(listed.contains("weak-") || listed.contains("silent-") || listed.contains("tty-"),
                "nothing was created: " + listed);
    }

    @Test
    void anAdministratorsResetEndsTheSessionsAndTheNewPasswordSignsIn() {
        String name = account("reset");
        OpenedSession before = withRealm(realm -> login(realm, name, PASSWORD));
        assertEquals("set a new password for '" + name + "' and ended its sessions\n",
                tool.runWithInput(NEW_PASSWORD + "\n", "accounts", "password", name, "--password-stdin").done().out());
        withRealm(realm -> {
            assertEquals(java.util.Optional.empty(), realm.resolve(before.token()));
            assertInstanceOf(LoginResult.Failed.class, realm.login(name, PASSWORD, LAPTOP));
            return login(realm, name, NEW_PASSWORD);
        });
        tool.runWithInput(NEW_PASSWORD + "\n", "accounts", "password", "nobody-here", "--password-stdin")
                .failed(1, "no account named 'nobody-here'");
        tool.runWithInput("tiny\n", "accounts", "password", name, "--password-stdin").failed(2, "at least 8 characters");
        tool.run("accounts", "password", name).failed(2, "no console");
    }

    // ============================================================================================== roles

    @Test
    void rolesAreGrantedUntilATimeListedWithTheirStateAndRevoked() {
        String name = account("grants");
        assertEquals("granted role 'admin' to '" + name + "'\n", tool.run("roles", "grant", name, "admin").done().out());
        String until = tool.run("roles", "grant", name, "contractor", "--until", "2h", "--json").done().out();
        assertTrue(until.matches("\\{\"username\":\"" + name + "\",\"role\":\"contractor\",\"expiresAt\":\"\\S+Z\"}\n"),
                until);
        tool.run("roles", "grant", name, "late", "--until", "2020-01-01T00:00:00Z").failed(2, "not in the future");
        // a grant that has run out: made by a realm whose clock stands in 2020
        MutableClock past = new MutableClock(Instant.parse("2020-06-01T00:00:00Z"));
        withRealm(realmOn(db).clock(past), realm -> realm.grantRole(realm.findAccount(name).orElseThrow().id(),
                "expired", Instant.parse("2021-01-01T00:00:00Z"), "test"));

        AdminProcess.Result list = tool.run("roles", "list", name).done();
        assertTrue(list.out().startsWith("ROLE        ACTIVE  EXPIRES               GRANTED               GRANTED BY\n"),
                list::describe);
        assertTrue(list.linesWith("admin").get(0).matches("admin +yes +- +\\S+Z +hallpass-admin:.*"), list::describe);
        assertTrue(list.linesWith("contractor").get(0).matches("contractor +yes +\\S+Z +\\S+Z +hallpass-admin:.*"));
        assertEquals(List.of("expired     no      2021-01-01T00:00:00Z  2020-06-01T00:00:00Z  test"),
                list.linesWith("expired"));
        String json = tool.run("roles", "list", name, "--json").done().out();
        assertTrue(json.startsWith("{\"username\":\"" + name + "\",\"at\":\""), json);
        assertTrue(json.contains("{\"role\":\"expired\",\"active\":false,\"expiresAt\":\"2021-01-01T00:00:00Z\","
                + "\"grantedAt\":\"2020-06-01T00:00:00Z\",\"grantedBy\":\"test\"}"), json);
        assertEquals(1, tool.run("accounts", "list").done().linesWith(" admin,contractor ").stream()
                .filter(line -> line.contains(" " + name + " ")).count(), "the account's active roles only");

        assertEquals("revoked role 'admin' from '" + name + "'\n", tool.run("roles", "revoke", name, "admin")
                .done().out());
        tool.run("roles", "revoke", name, "admin").failed(1, "'" + name + "' does not hold role 'admin'");
        assertEquals(Set.of("contractor"), withRealm(realm -> login(realm, name, PASSWORD).view().roles()));
        tool.run("roles", "grant", "nobody-here", "admin").failed(1, "no account named 'nobody-here'");
        tool.run("roles", "list", "nobody-here").failed(1, "no account named 'nobody-here'");
    }

    // =========================================================================================== sessions

    @Test
    void sessionsAreListedByPublicIdAndEndedOneOrAll() {
        String name = account("sessions");
        List<OpenedSession> sessions = withRealm(realm -> List.of(login(realm, name, PASSWORD),
                login(realm, name, PASSWORD), login(realm, name, PASSWORD)));

        AdminProcess.Result list = tool.run("sessions", "list", name).done();
        assertTrue(list.out().startsWith("PUBLIC ID"), list::describe);
        for (OpenedSession session : sessions) {
            List<String> row = list.linesWith(session.view().publicId());
            assertEquals(1, row.size(), list::describe);
            assertTrue(row.get(0).matches("\\S+ +\\S+Z +\\S+Z +192\\.0\\.2\\.44 +(yes|no) +Firefox/140 \\(admin"
                    + " test\\)"), row.get(0));
        }
        String json = tool.run("sessions", "list", name, "--json").done().out();
        assertTrue(json.contains("{\"publicId\":\"" + sessions.get(0).view().publicId() + "\",\"createdAt\":\""), json);
        assertTrue(json.contains("\"ip\":\"192.0.2.44\",\"newDevice\":"), json);

        String first = sessions.get(0).view().publicId();
        assertEquals("ended session " + first + " of '" + name + "'\n",
                tool.run("sessions", "revoke", name, first).done().out());
        tool.run("sessions", "revoke", name, first).failed(1, "has no live session with that public id");
        tool.run("sessions", "revoke", name, sessions.get(1).token()).failed(2, "is not a session public id");
        withRealm(realm -> {
            assertFalse(realm.resolve(sessions.get(0).token()).isPresent(), "ended");
            assertTrue(realm.resolve(sessions.get(1).token()).isPresent(), "the others live on");
            return null;
        });
        assertEquals("{\"username\":\"" + name + "\",\"revoked\":2}\n",
                tool.run("sessions", "revoke", name, "--all", "--json").done().out());
        assertEquals("ended 0 sessions of '" + name + "'\n", tool.run("sessions", "revoke", name, "--all").done().out());
        assertEquals("{\"username\":\"" + name + "\",\"sessions\":[]}\n",
                tool.run("sessions", "list", name, "--json").done().out());
        boolean live = withRealm(realm -> realm.resolve(sessions.get(2).token()).isPresent());
        assertFalse(live, "--all ended the last one too");
        tool.run("sessions", "list", "nobody-here").failed(1, "no account named 'nobody-here'");
        tool.run("sessions", "revoke", "nobody-here", "--all").failed(1, "no account named 'nobody-here'");
    }

    // ============================================================================================== audit

    @Test
    void theAuditTrailIsFilteredByAccountTypeAgeAndCount() {
        String name = account("audited", "first");
        tool.run("roles", "grant", name, "second").done();
        tool.run("roles", "revoke", name, "first").done();

        AdminProcess.Result all = tool.run("audit", name).done();
        assertTrue(all.out().startsWith("ID"), all::describe);
        List<String> types = all.out().lines().skip(1).map(line -> line.split(" +")[2]).toList();
        assertEquals(List.of("ROLE_REVOKED", "ROLE_GRANTED", "ROLE_GRANTED", "ACCOUNT_CREATED"), types);
        assertTrue(all.linesWith("ROLE_REVOKED").get(0).contains("first by hallpass-admin:"), all::describe);

        String granted = tool.run("audit", name, "--type", "role_granted", "--json").done().out();
        assertTrue(granted.startsWith("{\"username\":\"" + name + "\",\"events\":[{\"id\":"), granted);
        assertEquals(2, granted.split("\"type\":").length - 1);
        assertEquals(2, granted.split("\"type\":\"ROLE_GRANTED\"").length - 1);
        String newest = tool.run("audit", name, "--limit", "1", "--json").done().out();
        assertEquals(1, newest.split("\"type\":").length - 1, newest);
        assertTrue(newest.contains("\"type\":\"ROLE_REVOKED\""), newest);
        assertEquals(5, tool.run("audit", name, "--since", "1h").done().out().lines().count());
        assertEquals(1, tool.run("audit", name, "--since", "2099-01-01T00:00:00Z").done().out().lines().count(),
                "the header only");
        assertTrue(tool.run("audit", "--type", "ACCOUNT_CREATED", "--limit", "10000", "--json").done().out()
                .contains("\"username\":\"" + name + "\""), "every account's events without a name");
        tool.run("audit", "nobody-here").failed(1, "no account named 'nobody-here'");
    }

    // ============================================================================================== purge

    @Test
    void purgeDeletesWhatTheFiltersTimeoutsMakeExpiredAndNothingLive() {
        String name = account("purged");
        // a session last seen 40 minutes ago: live under an idle timeout of 2 hours, expired under 30 minutes
        MutableClock earlier = new MutableClock(Clock.systemUTC().instant().minus(Duration.ofMinutes(40)));
        OpenedSession idle = withRealm(realmOn(db).clock(earlier).idleTimeout(Duration.ofHours(2)),
                realm -> login(realm, name, PASSWORD));
        String publicId = idle.view().publicId();

        assertEquals(1, tool.run("sessions", "list", name, "--idle-timeout", "2h").done().linesWith(publicId).size());
        String kept = tool.run("purge", "--idle-timeout", "2h", "--json").done().out();
        assertTrue(kept.matches("\\{\"sessions\":\\d+,\"throttleCounts\":\\d+,\"auditEvents\":\\d+}\n"), kept);
        assertEquals(1, tool.run("sessions", "list", name, "--idle-timeout", "2h").done().linesWith(publicId).size(),
                "given the filter's timeout, purge kept the live session");

        assertEquals(List.of(), tool.run("sessions", "list", name).done().linesWith(publicId),
                "expired under the default 30 minutes");
        String purged = tool.run("purge").done().out();
        assertTrue(purged.matches("deleted [1-9]\\d* expired or revoked sessions?, \\d+ throttle counters? and \\d+"
                + " audit events? past retention\n"), purged);
        boolean live = withRealm(realmOn(db).idleTimeout(Duration.ofHours(2)),
                realm -> realm.resolve(idle.token()).isPresent());
        assertFalse(live, "the row is gone for good");
        assertTrue(tool.run("purge", "--json").done().out().startsWith("{\"sessions\":0,"), "nothing left to delete");
    }

    // ============================================================================================ failure

    @Test
    void anUnreachableDatabaseExitsThreeWithOneLine() {
        AdminProcess nowhere = new AdminProcess(List.of("--jdbc-url", unreachableUrl()), "", secrets);
        nowhere.run("accounts", "list").failed(3, "database unreachable: the realm's database can not be reached");
    }

    @Test
    void verboseShowsTheLibrariesLogWhichIsOtherwiseSilent() {
        // the jar: only a process of its own shows what the tool silences; without --verbose, every run of these
        // suites has shown nothing on standard error but its one line
        AdminProcess.Result verbose = toolOn(db).run("accounts", "list", "--verbose");
        assertEquals(0, verbose.exit(), verbose::describe);
        assertTrue(verbose.err().contains("org.hibernate"), verbose::describe);
        assertTrue(verbose.err().contains("io.hallpass.realm: realm started on"), verbose::describe);
        assertTrue(verbose.out().startsWith("ID  USERNAME"), verbose::describe);
    }

    private static String passwordHash(Database database, String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
             PreparedStatement s = c.prepareStatement("select password_hash from hp_account where username = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next(), name);
                return r.getString(1);
            }
        }
    }
}
