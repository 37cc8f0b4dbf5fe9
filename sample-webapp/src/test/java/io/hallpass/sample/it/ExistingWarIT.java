package io.hallpass.sample.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallpass.sample.it.Browser.Response;
import io.hallpass.sample.it.StandaloneServer.Overrides;
import jakarta.servlet.http.HttpServlet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 3's acceptance ("a team can protect an existing WAR with no code change") and issue 9's ("following the
 * README alone, with the command line and no Java of one's own"). A small application that knows nothing of
 * Hallpass ({@code src/test/legacy-webapp/}: one servlet, static files, a welcome file, a 403 error page, a plain
 * {@code web.xml}) is built at test time and then changed exactly as {@code sample-webapp/README.md} ("Adding
 * Hallpass to an existing WAR") tells a team: the build's {@code webapp-lib} zip unzipped into it, the README's
 * {@code web.xml} lines added first inside {@code <web-app>}, and the README's rules file. The blocks are read from
 * the README itself, so the README shows what was proven; so are the accounts, created by {@code hallpass-admin.jar}
 * with the README's commands while the container runs, on the README's H2 URL (AUTO_SERVER). Then, in a standalone
 * Tomcat and Jetty: the welcome page is public, the protected servlet refuses anonymous users, the filter's built-in
 * sign-in page works, signing in opens the servlet (which sees the user through the standard Servlet API), a user
 * without the role gets the application's own 403 page, an address no rule names is refused, signing out ends the
 * session, and stopping the container logs no leaked JDBC driver or thread and no SLF4J warning.
 */
class ExistingWarIT {

    static final String SECTION = "## Adding Hallpass to an existing WAR";
    static final Pattern REALM_STARTED = Pattern.compile("Hallpass: realm started");
    /**
     * The threads Hallpass runs for one application on the README's set-up, by name, sorted: the purge schedule,
     * the last-seen writer, the cache's change poller, HikariCP's housekeeper, and H2's file-lock watchdog
     * (AUTO_SERVER). A redeploy that leaked any of them would show it twice.
     */
    static final List<String> BACKGROUND_THREADS = List.of("H2 File Lock Watchdog", "hallpass-change-poller",
            "hallpass-purge", "hallpass-realm:housekeeper", "hallpass-touch-writer");

    /** Where the README's H2 URL keeps the database. */
    static final String README_FOLDER = "/var/lib/hallpass/";

    @ParameterizedTest
    @ValueSource(strings = {"tomcat", "jetty"})
    void anExistingWarIsProtectedByTheZipAndTheReadmesLines(String server) throws Exception {
        Path folder = PortalProcess.newFolder("existing-war-" + server);
        Readme readme = Readme.read();
        String filterLines = readme.block("xml");
        String rules = readme.block("text");
        Path war = buildProtectedWar(folder, filterLines, rules);
        String commands = readme.block("sh");
        StandaloneServer container = StandaloneServer.of(server, folder);
        try (container) {
            container.deployRoot(war, Overrides.none());
            URI base = container.start();
            // The filter opens the realm in its init. If the database cannot be reached then (seen once on a loaded
            // 2-core machine, likely the realm's 2s connection timeout), it starts anyway, answers 503 where it
            // needs the database, and retries every 10s. This suite is about the set-up, not start-up: wait for it.
            container.awaitLine(REALM_STARTED, Duration.ofSeconds(60));
            // 4. the accounts, with the README's commands, while the application runs on the same H2 file
            runAdminCommands(commands, folder, Map.of("carol", "carol-ledger-pw", "dave", "dave-ledger-pw"));

            Browser anonymous = new Browser(base, "ExistingWarIT/1.0 (" + server + "; anonymous)");
            for (String welcome : List.of("/", "/index.html")) {
                Response page = anonymous.get(welcome);
                assertEquals(200, page.status(), () -> welcome + " is public: " + page);
                assertTrue(page.body().contains("Welcome to the ledger"), page::toString);
            }

            Response redirect = anonymous.get("/ledger/");
            assertEquals(303, redirect.status(), () -> redirect + "\n" + container.diagnostics());
            assertEquals("/auth/login", redirect.locationPath(), "the built-in sign-in page: " + redirect);
            assertEquals("/ledger/", redirect.locationParameter("return"), redirect::toString);
            Response api = anonymous.api().get("/ledger/");
            assertEquals(401, api.status(), api::toString);
            assertTrue(api.header("WWW-Authenticate").isPresent(), api::toString);

            Response loginPage = anonymous.get("/auth/login?return=%2Fledger%2F");
            assertEquals(200, loginPage.status(), loginPage::toString);
            assertTrue(loginPage.body().contains("<form") && loginPage.body().contains("name=\"username\"")
                    && loginPage.body().contains("name=\"password\""), "a sign-in form: " + loginPage);

            Browser carol = new Browser(base, "ExistingWarIT/1.0 (" + server + "; carol)");
            Response login = carol.post("/auth/login", Map.of("username", "carol", "password", "carol-ledger-pw",
                    "return", "/ledger/"));
            assertEquals(303, login.status(), login::toString);
            assertEquals("/ledger/", login.locationPath(), login::toString);
            Response ledger = carol.get("/ledger/");
            assertEquals(200, ledger.status(), ledger::toString);
            assertTrue(ledger.body().startsWith("Ledger for carol (clerk: true"), "the servlet sees carol through"
                    + " the Servlet API: " + ledger.body());

            Browser dave = new Browser(base, "ExistingWarIT/1.0 (" + server + "; dave)");
            dave.login("dave", "dave-ledger-pw");
            Response refused = dave.get("/ledger/");
            assertEquals(403, refused.status(), "no clerk role: " + refused);
            assertTrue(refused.body().contains("Ledger: access denied"), "the application's own <error-page> for"
                    + " 403 shows Hallpass's refusal: " + refused);

            for (Browser who : List.of(anonymous, carol)) {
                Response notes = who.get("/notes.txt");
                assertEquals(403, notes.status(), "no rule names /notes.txt: refused before the container looks for"
                        + " it, signed in or not: " + notes);
                assertFalse(notes.body().contains("the ledger closes"), notes::toString);
            }
            assertEquals(403, carol.get("/notes.txt").status(), "refused by default, signed in or not");

            Response logout = carol.post("/auth/logout", Map.of());
            assertEquals(303, logout.status(), logout::toString);
            assertEquals(303, carol.get("/ledger/").status(), "signed out");

            // a redeploy: the old application's threads end, the new one's start, and the new one works
            List<String> before = hallpassThreads(container);
            assertEquals(BACKGROUND_THREADS, before.stream().sorted().toList(), "one application's threads");
            container.touchWar();
            container.awaitCount(REALM_STARTED, 2, Duration.ofSeconds(180));
            container.awaitAnswer(base, "/", 200, Duration.ofSeconds(60)); // the welcome page, public
            Browser again = new Browser(base, "ExistingWarIT/1.0 (" + server + "; carol again)");
            again.login("carol", "carol-ledger-pw");
            Response redeployed = again.get("/ledger/");
            assertEquals(200, redeployed.status(), () -> "after the redeploy: " + redeployed);
            assertEquals(BACKGROUND_THREADS, hallpassThreads(container).stream().sorted().toList(),
                    "after the redeploy, the threads of one application, not two");
        }
        // a stop runs the container's undeploy checks: every JDBC driver and thread the application started is gone
        String all = container.diagnostics();
        for (String leak : List.of("No SLF4J providers", "registered the JDBC driver", "failed to stop it",
                "memory leak", "Illegal access")) {
            assertFalse(all.contains(leak), () -> container.name() + " logged '" + leak + "':\n" + all);
        }
    }

    /** The container's threads named as in {@link #BACKGROUND_THREADS} (H2's watchdog without its file name). */
    static List<String> hallpassThreads(StandaloneServer container) throws Exception {
        return container.threadNames().stream()
                .map(n -> n.startsWith("H2 File Lock Watchdog") ? "H2 File Lock Watchdog" : n)
                .filter(BACKGROUND_THREADS::contains).toList();
    }

    /**
     * Runs the README's {@code java -jar hallpass-admin.jar --jdbc-url "$URL" ...} lines with the jar the build
     * made and the README's {@code URL} moved into {@code folder}; passwords go in on standard input
     * ({@code --password-stdin}, as the README says scripts do).
     */
    static void runAdminCommands(String block, Path folder, Map<String, String> passwords) throws Exception {
        Matcher url = Pattern.compile("(?m)^URL='([^']+)'$").matcher(block);
        assertTrue(url.find(), "the README's commands set URL:\n" + block);
        String jdbcUrl = inFolder(url.group(1), folder);
        Pattern line = Pattern.compile("(?m)^java -jar hallpass-admin\\.jar --jdbc-url \"\\$URL\" ([^#\\n]+?)\\s*(#.*)?$");
        Matcher command = line.matcher(block);
        int run = 0;
        while (command.find()) {
            List<String> args = new ArrayList<>(List.of("--jdbc-url", jdbcUrl));
            args.addAll(List.of(command.group(1).strip().split(" +")));
            String input = "";
            if (args.size() >= 5 && args.get(2).equals("accounts") && args.get(3).equals("add")) {
                input = passwords.get(args.get(4)) + "\n";
                args.add("--password-stdin");
            }
            AdminJar.run(folder, input, null, passwords.values(), args);
            run++;
        }
        assertEquals(3, run, "the README's three commands:\n" + block);
    }

    /**
     * Builds the legacy application into {@code folder/app} (its classes compiled against the Servlet API), changes
     * it as the README says, and zips it into {@code folder/ledger.war}.
     */
    static Path buildProtectedWar(Path folder, String filterLines, String rules) throws IOException {
        Path source = StandaloneServer.existing("hallpass.legacy-webapp", "src/test/legacy-webapp", "");
        Path app = folder.resolve("app");
        copyTree(source.resolve("webapp"), app);
        String webXml = Files.readString(app.resolve("WEB-INF/web.xml"));
        assertFalse(webXml.toLowerCase().contains("hallpass"), "the application knows nothing of Hallpass");
        compile(source.resolve("src"), app.resolve("WEB-INF/classes"));

        // 1. the jars: the build's zip, unzipped at the root of the application
        unzip(Path.of(System.getProperty("hallpass.webapp-lib.zip", "target/dist/hallpass-webapp-lib.zip")), app);
        // 2. the web.xml lines, first inside <web-app>
        Matcher start = Pattern.compile("<web-app[^>]*>").matcher(webXml);
        assertTrue(start.find(), webXml);
        Files.writeString(app.resolve("WEB-INF/web.xml"), webXml.substring(0, start.end()) + "\n\n"
                + filterLines.indent(2) + webXml.substring(start.end()));
        // 3. the rules
        Files.writeString(app.resolve("WEB-INF/hallpass-rules.txt"), rules);
        // the database in the test's folder instead of /var/lib/hallpass/
        Matcher url = Pattern.compile("<param-value>(jdbc:h2:[^<]+)</param-value>").matcher(Files.readString(
                app.resolve("WEB-INF/web.xml")));
        assertTrue(url.find(), "the README's lines name an H2 jdbc-url");
        Files.writeString(app.resolve("WEB-INF/web.xml"), Files.readString(app.resolve("WEB-INF/web.xml"))
                .replace(url.group(1), inFolder(url.group(1), folder)));

        Path war = folder.resolve("ledger.war");
        zip(app, war);
        return war;
    }

    /** The README's absolute H2 folder, {@value #README_FOLDER}, moved into the test's own folder. */
    static String inFolder(String jdbcUrl, Path folder) {
        assertTrue(jdbcUrl.startsWith("jdbc:h2:file:" + README_FOLDER), "the README's URL is absolute: " + jdbcUrl);
        return jdbcUrl.replace(README_FOLDER, folder.toAbsolutePath().resolve("db") + "/");
    }

    static void compile(Path sources, Path classes) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "a JDK is needed to build the legacy application");
        Files.createDirectories(classes);
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "-proc:none", "-d", classes.toString(),
                "-classpath", codeSource(HttpServlet.class).toString()));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> arguments.add(f.toString()));
        }
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = javac.run(null, errors, errors, arguments.toArray(String[]::new));
        assertEquals(0, status, () -> "javac " + arguments + "\n" + errors.toString(StandardCharsets.UTF_8));
    }

    static Path codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    static void unzip(Path zip, Path into) throws IOException {
        assertTrue(Files.isRegularFile(zip), zip + " is missing: the build copies session-filter's webapp-lib zip"
                + " there in pre-integration-test");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                assertTrue(target.startsWith(into), "no entry outside the application: " + entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target);
                }
            }
        }
    }

    static void zip(Path dir, Path zip) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip));
             Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new ZipEntry(dir.relativize(file).toString().replace('\\', '/')));
                try (InputStream in = Files.newInputStream(file)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
    }

    /** The README's section on existing WARs and its fenced code blocks. */
    record Readme(String section) {

        static Readme read() throws IOException {
            Path file = StandaloneServer.existing("hallpass.sample.readme", "README.md", "");
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int start = text.indexOf(SECTION);
            assertTrue(start >= 0, file + " has a section '" + SECTION + "'");
            int end = text.indexOf("\n## ", start + SECTION.length());
            return new Readme(text.substring(start, end < 0 ? text.length() : end));
        }

        /** The first block fenced as {@code ```language}, without its indentation. */
        String block(String language) {
            Matcher m = Pattern.compile("(?m)^([ \\t]*)```" + language + "\\n(.*?)^\\1```", Pattern.DOTALL)
                    .matcher(section);
            assertTrue(m.find(), "a ```" + language + " block in the README's section " + SECTION);
            String indent = m.group(1);
            return m.group(2).lines().map(l -> l.startsWith(indent) ? l.substring(indent.length()) : l)
                    .reduce("", (a, b) -> a + b + "\n");
        }
    }
}
