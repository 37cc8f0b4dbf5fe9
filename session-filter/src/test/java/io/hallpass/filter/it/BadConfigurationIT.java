package io.hallpass.filter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallpass.filter.HallpassFilter;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A mistake in the rules or the settings stops the deployment, in every container, with a message naming the line
 * or the setting: the application never runs unprotected.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadConfigurationIT {

    private LogLines log;

    @BeforeEach
    void listen() {
        log = new LogLines(HallpassFilter.class.getName());
    }

    @AfterEach
    void stopListening() {
        log.close();
    }

    /** The containers each test runs in (the Servlet 6.0 subclass names Jetty ee10 alone). */
    Stream<String> containers() {
        return Stream.of("tomcat", "jetty-ee11");
    }

    private static Supplier<Container> container(String name) {
        return switch (name) {
            case "tomcat" -> TomcatContainer::new;
            case "jetty-ee11" -> JettyEe11Container::new;
            case "jetty-ee10" -> JettyEe10Container::new;
            default -> throw new IllegalArgumentException(name);
        };
    }

    /**
     * Starts the application and asserts it is not served, in the way of each container: Jetty fails the start with
     * the filter's exception; Tomcat keeps the server running without the context, so a request gets Tomcat's own
     * 404 (no application at that path), never an answer of the application's. Answers what Hallpass logged.
     */
    private String refusedStart(String containerName, TestApp app) throws Exception {
        try (Container container = container(containerName).get()) {
            Exception failure = null;
            try {
                container.start(app);
            } catch (Exception e) {
                failure = e;
            }
            if (containerName.equals("tomcat")) {
                assertFalse(container.applicationAvailable(), "the application must not start");
                RawHttp.Response r = new RawHttp(container.port()).request("GET", "/public/hello").send();
                assertEquals(404, r.status(), "no application is served: " + r);
            } else {
                assertTrue(failure != null, containerName + " must refuse to start the application");
            }
        }
        return log.toString();
    }

    private static TestApp app(String rules) {
        return new TestApp().servlet("echo", new TestServlets.Echo(), "/").param("jdbc-url",
                "jdbc:h2:mem:bad-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1").param("rules", rules);
    }

    @ParameterizedTest
    @MethodSource("containers")
    void aRuleWithAnErrorStopsTheDeploymentNamingTheLine(String containerName) throws Exception {
        String log = refusedStart(containerName, app("GET /public/* = public\n# admin\n/admin* = role:admin\n"));
        assertTrue(log.contains("line 3") && log.contains("/admin*"), log);
    }

    @ParameterizedTest
    @MethodSource("containers")
    void conflictingRulesStopTheDeploymentNamingBothLines(String containerName) throws Exception {
        String log = refusedStart(containerName, app("/a/* = public\nGET /a/* = deny\n"));
        assertTrue(log.contains("line 2") && log.contains("line 1"), log);
    }

    @ParameterizedTest
    @MethodSource("containers")
    void aBadSettingStopsTheDeploymentNamingTheKey(String containerName) throws Exception {
        String log = refusedStart(containerName, app("GET /public/* = public").param("idle-timeout", "soon")
                .param("cookie-name", "SESSION"));
        assertTrue(log.contains("init-param idle-timeout ('soon')") && log.contains("init-param cookie-name"), log);
    }

    /** Starts the application, asserts it is not served, and that Hallpass logged exactly {@code line}. */
    private void assertRefusedLogging(String containerName, TestApp app, String line) throws Exception {
        String logged = refusedStart(containerName, app);
        assertTrue(log.lines().contains(line), "expected the line\n" + line + "\nin\n" + logged);
    }

    @ParameterizedTest
    @MethodSource("containers")
    void aMisspeltSettingStopsTheDeploymentNamingTheSettingMeant(String containerName) throws Exception {
        assertRefusedLogging(containerName, app("GET /public/* = public").param("idle-timout", "5m"),
                "Hallpass refuses to start: unknown setting 'idle-timout' (init-param); did you mean 'idle-timeout'?");
    }

    @ParameterizedTest
    @MethodSource("containers")
    void aMisspeltHallpassContextParamStopsTheDeploymentNamingTheSettingMeant(String containerName) throws Exception {
        assertRefusedLogging(containerName, app("GET /public/* = public")
                .contextParam("hallpass.absolute-timeuot", "8h").contextParam("application.colour", "blue"),
                "Hallpass refuses to start: unknown setting 'hallpass.absolute-timeuot' (context-param); did you mean "
                        + "'hallpass.absolute-timeout'?");
    }

    @ParameterizedTest
    @MethodSource("containers")
    void aRotationGraceSetAgainstAShortIdleTimeoutStopsTheDeploymentNamingBoth(String containerName)
            throws Exception {
        assertRefusedLogging(containerName, app("GET /public/* = public").param("idle-timeout", "5s")
                .param("rotation-grace", "10s"),
                "Hallpass refuses to start: init-param rotation-grace ('10s'): must be shorter than idle-timeout (5s)");
    }

    @ParameterizedTest
    @MethodSource("containers")
    void aShortIdleTimeoutAloneStarts(String containerName) throws Exception {
        try (Container container = container(containerName).get()) {
            container.start(app("GET /public/* = public").param("idle-timeout", "5s"));
            assertTrue(container.applicationAvailable(), "a default the deployer never set must not refuse: " + log);
            assertEquals(200, new RawHttp(container.port()).request("GET", "/public/hello").send().status());
        }
    }
}
