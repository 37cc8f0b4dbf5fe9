package io.hallpass.sample.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A standalone Tomcat 11 or Jetty 12.1 (ee11) distribution serving one web application at {@code /}, as a
 * deployer would run it: the distribution the build unpacked under {@code target/dist/} (a Maven artifact,
 * never downloaded by a test), a fresh base folder of its own under {@code target/it-work/}, the application's
 * WAR copied in unchanged, and the deployer's settings in the container's own files next to it. It listens on
 * 127.0.0.1 and a free port, runs as a child process ({@link PortalProcess#java}), and is stopped by
 * {@link #close()} as its deployer stops it (Tomcat by its shutdown port, Jetty by SIGTERM: both a clean stop, the
 * application undeployed before the JVM begins to exit). Its console output is kept in
 * {@code console.log} in its folder, with the container's own log files.
 */
abstract class StandaloneServer implements AutoCloseable {

    static final Duration START_LIMIT = Duration.ofSeconds(180);

    /**
     * What the README tells deployers to add to the container's JVM: an H2 database opened with {@code AUTO_SERVER=TRUE}
     * serves other processes (the admin tool) on loopback only.
     */
    static final String H2_ON_LOOPBACK = "-Dh2.bindAddress=127.0.0.1";

    /** The JNDI name both containers bind the DataSource to, as the filter's {@code jndi-datasource} names it. */
    static final String JNDI_NAME = "java:comp/env/jdbc/hallpass";

    /**
     * What a deployer puts next to the unchanged WAR.
     *
     * @param parameters context parameters that replace the WAR's {@code <context-param>}s of the same name (an
     *                   empty value takes the WAR's value away: the filter reads a blank setting as unset)
     * @param jndiH2Url  if not null, a container-managed DataSource on this H2 URL, bound as {@code jdbc/hallpass}
     *                   (so {@value #JNDI_NAME}), with the H2 driver in the container's own {@code lib}
     */
    record Overrides(Map<String, String> parameters, String jndiH2Url) {

        static Overrides none() {
            return new Overrides(Map.of(), null);
        }

        boolean any() {
            return !parameters.isEmpty() || jndiH2Url != null;
        }
    }

    final Path folder;
    final Path base;
    private PortalProcess process;

    StandaloneServer(Path folder) {
        this.folder = folder;
        this.base = folder.resolve("base");
    }

    /** {@code tomcat} or {@code jetty}, in a new base folder inside {@code folder}. */
    static StandaloneServer of(String server, Path folder) {
        return switch (server) {
            case "tomcat" -> new Tomcat(folder);
            case "jetty" -> new Jetty(folder);
            default -> throw new IllegalArgumentException(server);
        };
    }

    /** The WAR the build made, {@code target/hallpass-sample.war}. */
    static Path sampleWar() {
        return existing("hallpass.sample.war", "target/hallpass-sample.war", "run 'mvn package'");
    }

    static Path existing(String property, String fallback, String hint) {
        Path path = Path.of(System.getProperty(property, fallback));
        if (!Files.exists(path)) {
            throw new IllegalStateException(path + " (" + property + ") is missing: " + hint
                    + " (the integration tests run after the build made it)");
        }
        return path;
    }

    /** For messages: {@code Tomcat 11.0.24}, {@code Jetty 12.1.12}. */
    abstract String name();

    /**
     * Deploys {@code war} unchanged as the root application, with the deployer's settings in the container's
     * files (see {@link #deployerFiles()}).
     */
    abstract void deployRoot(Path war, Overrides overrides) throws IOException;

    /** The files besides the WAR that {@link #deployRoot} wrote; {@link #diagnostics()} shows them. */
    abstract List<Path> deployerFiles();

    /** The {@code java} arguments that start the container on this port (after writing what needs the port). */
    abstract List<String> command(int port);

    /**
     * Asks the running container to stop itself, as its own tools do, so that it undeploys the application before
     * the JVM begins to exit; false if it has no such way (it is then stopped by SIGTERM).
     */
    boolean askToStop() {
        return false;
    }

    /**
     * Starts the container and waits, at most {@link #START_LIMIT}, until it answers HTTP. Both containers
     * deploy their applications before they answer, so the first answer is the application's (or the container's
     * 404/503 if the deployment failed); on a loaded machine Tomcat may accept a connection and answer it only once a
     * slow deployment ends, so a request that times out is tried again until the limit.
     *
     * @return the base URL, {@code http://127.0.0.1:PORT/}
     */
    URI start() throws InterruptedException {
        int port = freePort();
        URI url = URI.create("http://127.0.0.1:" + port + "/");
        process = PortalProcess.java(folder, command(port));
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (true) {
            try {
                client.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                return url;
            } catch (ConnectException | HttpTimeoutException e) {
                // not listening yet, or (Tomcat opens the port before a slow deployment ends) not answering yet
                if (!process.alive()) {
                    throw new AssertionError(name() + " ended before it answered:\n" + diagnostics());
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(name() + " did not answer within " + START_LIMIT + ":\n"
                            + diagnostics());
                }
                Thread.sleep(200);
            } catch (IOException e) {
                throw new AssertionError(name() + " answered badly: " + e + "\n" + diagnostics(), e);
            }
        }
    }

    /** Waits, bounded, for the container to print a line in which {@code pattern} is found. */
    String awaitLine(Pattern pattern, Duration timeout) throws InterruptedException {
        return process.awaitLine(pattern, timeout);
    }

    /**
     * Redeploys the application as a deployer does by copying a new WAR over the old one: the WAR's modification
     * time moves on, and the container's deployment scanner (Tomcat's {@code autoDeploy}, checked every 2 s here;
     * Jetty's {@code jetty.deploy.scanInterval=1}) stops the running application and deploys it again.
     */
    void touchWar() throws IOException {
        Path war = base.resolve("webapps/ROOT.war");
        Files.setLastModifiedTime(war, java.nio.file.attribute.FileTime.from(
                Files.getLastModifiedTime(war).toInstant().plusSeconds(5)));
    }

    /**
     * Waits, bounded, until {@code GET path} answers {@code status}: after a redeploy, the new application has logged
     * its start a moment before the container routes requests to it (until then it answers 404).
     */
    void awaitAnswer(URI base, String path, int status, Duration timeout) throws InterruptedException, IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        int last = -1;
        while (last != status) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name() + ": GET " + path + " answered " + last + ", not " + status
                        + ", for " + timeout + ":\n" + diagnostics());
            }
            Thread.sleep(last < 0 ? 0 : 200);
            last = client.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET()
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }

    /** Waits, bounded, until lines matching {@code pattern} have been printed {@code count} times. */
    void awaitCount(Pattern pattern, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (output().lines().filter(l -> pattern.matcher(l).find()).count() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name() + " printed '" + pattern + "' fewer than " + count + " times within "
                        + timeout + ":\n" + diagnostics());
            }
            Thread.sleep(200);
        }
    }

    /** The names of the container JVM's live threads, from {@code jcmd PID Thread.print}. */
    List<String> threadNames() throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "Thread.print")
                .redirectErrorStream(true).start();
        dump.getOutputStream().close();
        String text = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!dump.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || dump.exitValue() != 0) {
            throw new AssertionError("jcmd Thread.print failed:\n" + text);
        }
        return text.lines().filter(l -> l.startsWith("\"")).map(l -> l.substring(1, l.indexOf('"', 1))).toList();
    }

    /** What the container printed so far. */
    String output() {
        return process == null ? "" : process.output();
    }

    /** The deployer's files, the console output and the container's log files, for a failure message. */
    String diagnostics() {
        StringBuilder all = new StringBuilder();
        List<Path> files = new ArrayList<>(deployerFiles());
        Path logs = base.resolve("logs");
        if (Files.isDirectory(logs)) {
            try (Stream<Path> list = Files.list(logs)) {
                files.addAll(list.sorted().toList());
            } catch (IOException e) {
                all.append("(could not list ").append(logs).append(": ").append(e).append(")\n");
            }
        }
        for (Path file : files) {
            try {
                all.append("---- ").append(file).append('\n').append(Files.readString(file)).append('\n');
            } catch (IOException e) {
                all.append("(could not read ").append(file).append(": ").append(e).append(")\n");
            }
        }
        return all.append("---- console of ").append(name()).append(" in ").append(folder).append('\n')
                .append(output()).toString();
    }

    /**
     * Stops the container ({@link #askToStop()}, else SIGTERM: a clean stop in both) and keeps its console output in
     * {@code console.log}.
     *
     * @throws AssertionError if a container asked to stop is still running a minute later (it is then killed)
     */
    @Override
    public void close() throws IOException {
        if (process == null) {
            return;
        }
        if (process.alive() && askToStop()) {
            try {
                process.awaitExit(Duration.ofSeconds(60));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        process.close();
        Files.writeString(folder.resolve("console.log"), process.output(), StandardCharsets.UTF_8);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The H2 jar this test runs with, which the JNDI set-ups put in the container's own {@code lib}. */
    static Path h2Jar() {
        try {
            return Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    // ================================================================================================= Tomcat

    /**
     * Tomcat 11: {@code CATALINA_BASE} with a copy of the distribution's {@code conf/}, a {@code server.xml} of
     * our own (one HTTP connector on 127.0.0.1, no AJP, a shutdown port on 127.0.0.1 with a random shutdown word, as
     * {@code catalina.sh stop} uses it), {@code webapps/ROOT.war}, and
     * the deployer's settings in {@code conf/Catalina/localhost/ROOT.xml}.
     */
    static final class Tomcat extends StandaloneServer {

        private final Path home = existing("hallpass.dist.tomcat", "target/dist/apache-tomcat",
                "the build unpacks org.apache.tomcat:tomcat:tar.gz in pre-integration-test");
        private final List<Path> written = new ArrayList<>();
        /** The shutdown port and word of this run, as {@code server.xml} names them. */
        private final String shutdownWord = java.util.UUID.randomUUID().toString();
        private int shutdownPort;

        Tomcat(Path folder) {
            super(folder);
        }

        @Override
        String name() {
            return "Tomcat " + home.getFileName().toString().replace("apache-tomcat-", "");
        }

        @Override
        void deployRoot(Path war, Overrides overrides) throws IOException {
            try (Stream<Path> files = Files.list(home.resolve("conf"))) {
                Files.createDirectories(base.resolve("conf"));
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, base.resolve("conf").resolve(file.getFileName()));
                }
            }
            for (String dir : List.of("logs", "temp", "webapps", "work", "lib")) {
                Files.createDirectories(base.resolve(dir));
            }
            Files.copy(war, base.resolve("webapps/ROOT.war"), StandardCopyOption.COPY_ATTRIBUTES);
            if (!overrides.any()) {
                return;
            }
            StringBuilder context = new StringBuilder("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <!-- conf/Catalina/localhost/ROOT.xml: how this Tomcat runs webapps/ROOT.war -->
                    <Context>
                    """);
            if (overrides.jndiH2Url() != null) {
                context.append("""
                          <Resource name="jdbc/hallpass" auth="Container" type="javax.sql.DataSource"
                                    factory="org.apache.tomcat.jdbc.pool.DataSourceFactory"
                                    driverClassName="org.h2.Driver" url="%s"
                                    username="sa" password="" maxActive="10" maxIdle="10" closeMethod="close"/>
                        """.formatted(xml(overrides.jndiH2Url())));
                Files.copy(h2Jar(), base.resolve("lib").resolve(h2Jar().getFileName()));
            }
            overrides.parameters().forEach((name, value) -> context.append(
                    "  <Parameter name=\"%s\" value=\"%s\" override=\"false\"/>\n".formatted(xml(name), xml(value))));
            context.append("</Context>\n");
            Path file = base.resolve("conf/Catalina/localhost/ROOT.xml");
            write(file, context.toString());
            written.add(file);
        }

        @Override
        List<Path> deployerFiles() {
            return List.copyOf(written);
        }

        @Override
        List<String> command(int port) {
            shutdownPort = freePort();
            try {
                write(base.resolve("conf/server.xml"), SERVER_XML.replace("${port}", Integer.toString(port))
                        .replace("${shutdownPort}", Integer.toString(shutdownPort))
                        .replace("${shutdownWord}", shutdownWord));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // what catalina.sh run does, without the shell
            return List.of(
                    "--add-opens=java.base/java.lang=ALL-UNNAMED",
                    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
                    "--add-opens=java.base/java.io=ALL-UNNAMED",
                    "--add-opens=java.base/java.util=ALL-UNNAMED",
                    "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
                    "--add-opens=java.rmi/sun.rmi.transport=ALL-UNNAMED",
                    "-Djava.util.logging.config.file=" + base.resolve("conf/logging.properties"),
                    "-Djava.util.logging.manager=org.apache.juli.ClassLoaderLogManager",
                    "-Dcatalina.home=" + home.toAbsolutePath(),
                    "-Dcatalina.base=" + base.toAbsolutePath(),
                    "-Djava.io.tmpdir=" + base.resolve("temp").toAbsolutePath(),
                    H2_ON_LOOPBACK,
                    "-classpath", home.resolve("bin/bootstrap.jar") + ":" + home.resolve("bin/tomcat-juli.jar"),
                    "org.apache.catalina.startup.Bootstrap", "start");
        }

        /**
         * Sends the shutdown word to the shutdown port, as {@code catalina.sh stop} does: Tomcat stops its
         * applications, then its JVM exits. (A signal would start the JVM's shutdown hooks together with Tomcat's
         * stop, so Tomcat's leak check could see another hook's thread at work.)
         */
        @Override
        boolean askToStop() {
            try (java.net.Socket socket = new java.net.Socket(InetAddress.getByName("127.0.0.1"), shutdownPort)) {
                socket.getOutputStream().write(shutdownWord.getBytes(StandardCharsets.US_ASCII));
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        /**
         * One HTTP connector on loopback; no AJP; the shutdown port on loopback (what {@code catalina.sh stop} talks
         * to); a WAR copied over the old one is redeployed ({@link #touchWar}).
         */
        private static final String SERVER_XML = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Server address="127.0.0.1" port="${shutdownPort}" shutdown="${shutdownWord}">
                  <Listener className="org.apache.catalina.startup.VersionLoggerListener"/>
                  <Listener className="org.apache.catalina.core.JreMemoryLeakPreventionListener"/>
                  <Listener className="org.apache.catalina.core.ThreadLocalLeakPreventionListener"/>
                  <Service name="Catalina">
                    <Connector address="127.0.0.1" port="${port}" protocol="HTTP/1.1" connectionTimeout="20000"/>
                    <Engine name="Catalina" defaultHost="localhost" backgroundProcessorDelay="2">
                      <Host name="localhost" appBase="webapps" unpackWARs="true" autoDeploy="true"/>
                    </Engine>
                  </Service>
                </Server>
                """;
    }

    // ================================================================================================== Jetty

    /**
     * Jetty 12.1, environment ee11: a {@code jetty.base} made by {@code start.jar --add-modules=http,ee11-deploy}
     * (plus {@code ee11-plus,ee11-ext} for JNDI), {@code webapps/ROOT.war}, and the deployer's settings in
     * {@code webapps/ROOT.xml} with an override descriptor {@code etc/ROOT-override-web.xml}.
     */
    static final class Jetty extends StandaloneServer {

        private final Path home = existing("hallpass.dist.jetty", "target/dist/jetty-home",
                "the build unpacks org.eclipse.jetty:jetty-home:tar.gz in pre-integration-test");
        private final List<Path> written = new ArrayList<>();

        Jetty(Path folder) {
            super(folder);
        }

        @Override
        String name() {
            return "Jetty " + home.getFileName().toString().replace("jetty-home-", "");
        }

        @Override
        void deployRoot(Path war, Overrides overrides) throws IOException {
            Files.createDirectories(base);
            String modules = "http,ee11-deploy" + (overrides.jndiH2Url() != null ? ",ee11-plus,ee11-ext" : "");
            try (PortalProcess setUp = PortalProcess.java(folder, List.of("-jar", startJar(),
                    "jetty.home=" + home.toAbsolutePath(), "jetty.base=" + base.toAbsolutePath(),
                    "--add-modules=" + modules))) {
                assertEquals(0, setUp.awaitExit(Duration.ofSeconds(120)), () -> "jetty.base set-up:\n"
                        + setUp.output());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Files.copy(war, base.resolve("webapps/ROOT.war"), StandardCopyOption.COPY_ATTRIBUTES);
            if (!overrides.any()) {
                return;
            }
            StringBuilder descriptor = new StringBuilder("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <!-- etc/ROOT-override-web.xml: read after the WAR's web.xml, so its values win -->
                    <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                    """);
            overrides.parameters().forEach((name, value) -> descriptor.append("""
                      <context-param>
                        <param-name>%s</param-name>
                        <param-value>%s</param-value>
                      </context-param>
                    """.formatted(xml(name), xml(value))));
            if (overrides.jndiH2Url() != null) {
                descriptor.append("""
                          <resource-ref>
                            <res-ref-name>jdbc/hallpass</res-ref-name>
                            <res-type>javax.sql.DataSource</res-type>
                            <res-auth>Container</res-auth>
                          </resource-ref>
                        """);
            }
            descriptor.append("</web-app>\n");
            Path overrideFile = base.resolve("etc/ROOT-override-web.xml");
            write(overrideFile, descriptor.toString());

            StringBuilder context = new StringBuilder("""
                    <?xml version="1.0"?>
                    <!DOCTYPE Configure PUBLIC "-//Jetty//Configure//EN" "https://jetty.org/configure_10_0.dtd">
                    <!-- webapps/ROOT.xml: how this Jetty runs webapps/ROOT.war -->
                    <Configure id="wac" class="org.eclipse.jetty.ee11.webapp.WebAppContext">
                      <Set name="contextPath">/</Set>
                      <Set name="war"><Property name="jetty.webapps"/>/ROOT.war</Set>
                      <Set name="overrideDescriptor"><Property name="jetty.base"/>/etc/ROOT-override-web.xml</Set>
                    """);
            if (overrides.jndiH2Url() != null) {
                context.append("""
                          <New id="hallpassDataSource" class="org.eclipse.jetty.plus.jndi.Resource">
                            <Arg><Ref refid="wac"/></Arg>
                            <Arg>jdbc/hallpass</Arg>
                            <Arg>
                              <Call class="org.h2.jdbcx.JdbcConnectionPool" name="create">
                                <Arg>%s</Arg>
                                <Arg>sa</Arg>
                                <Arg></Arg>
                              </Call>
                            </Arg>
                          </New>
                        """.formatted(xml(overrides.jndiH2Url())));
                Files.copy(h2Jar(), base.resolve("lib/ee11/ext").resolve(h2Jar().getFileName()));
            }
            context.append("</Configure>\n");
            Path contextFile = base.resolve("webapps/ROOT.xml");
            write(contextFile, context.toString());
            written.add(contextFile);
            written.add(overrideFile);
        }

        @Override
        List<Path> deployerFiles() {
            return List.copyOf(written);
        }

        @Override
        List<String> command(int port) {
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("jetty.home", home.toAbsolutePath().toString());
            properties.put("jetty.base", base.toAbsolutePath().toString());
            properties.put("jetty.http.host", "127.0.0.1");
            properties.put("jetty.http.port", Integer.toString(port));
            properties.put("jetty.deploy.scanInterval", "1"); // a WAR copied over the old one is redeployed
            List<String> command = new ArrayList<>(List.of(
                    "-Djava.io.tmpdir=" + folder.resolve("tmp").toAbsolutePath(), H2_ON_LOOPBACK, "-jar", startJar()));
            properties.forEach((k, v) -> command.add(k + "=" + v));
            return command;
        }

        private String startJar() {
            return home.resolve("start.jar").toAbsolutePath().toString();
        }
    }
}
