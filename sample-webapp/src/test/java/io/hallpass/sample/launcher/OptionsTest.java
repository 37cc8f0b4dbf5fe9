package io.hallpass.sample.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OptionsTest {

    @Test
    void noArgumentsMeansTheDefaults() throws UsageException {
        Options options = Options.parse();
        assertEquals(Options.defaults(), options);
        assertEquals(8080, options.port());
        assertEquals("127.0.0.1", options.host());
        assertEquals(Options.Server.TOMCAT, options.server());
        assertTrue(options.contextParameters().isEmpty(), "the WAR's own defaults hold");
    }

    @Test
    void everyOptionIsParsed() throws UsageException {
        Options options = Options.parse("--port", "9090", "--host", "0.0.0.0", "--server", "jetty",
                "--jdbc-url", "jdbc:postgresql://127.0.0.1:5432/test", "--jdbc-user", "postgres",
                "--jdbc-password", "s3cret", "--idle-timeout", "15m", "--absolute-timeout", "PT8H",
                "--reauth-within", "30s");
        assertEquals(9090, options.port());
        assertEquals("0.0.0.0", options.host());
        assertEquals(Options.Server.JETTY, options.server());
        assertEquals(Duration.ofMinutes(15), options.idleTimeout());
        assertEquals(Duration.ofHours(8), options.absoluteTimeout());
        assertEquals(Duration.ofSeconds(30), options.reauthWithin());
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("hallpass.jdbc-url", "jdbc:postgresql://127.0.0.1:5432/test");
        expected.put("hallpass.jdbc-user", "postgres");
        expected.put("hallpass.jdbc-password", "s3cret");
        expected.put("hallpass.idle-timeout", "15m");
        expected.put("hallpass.absolute-timeout", "8h");
        expected.put("hallpass.reauth-within", "30s");
        assertEquals(expected, options.contextParameters());
    }

    @Test
    void nameEqualsValueWorksToo() throws UsageException {
        Options options = Options.parse("--port=0", "--server=JETTY", "--jdbc-url=jdbc:h2:mem:x;MODE=PostgreSQL");
        assertEquals(0, options.port());
        assertEquals(Options.Server.JETTY, options.server());
        assertEquals("jdbc:h2:mem:x;MODE=PostgreSQL", options.jdbcUrl());
    }

    @Test
    void onlyTheGivenOptionsBecomeOverrides() throws UsageException {
        assertEquals(Map.of("hallpass.reauth-within", "2m"), Options.parse("--reauth-within", "120s").contextParameters());
    }

    @Test
    void helpIsAnOption() throws UsageException {
        assertTrue(Options.parse("--help").help());
        assertTrue(Options.parse("-h").help());
        assertFalse(Options.parse().help());
    }

    @Test
    void thePasswordIsNeverInToString() throws UsageException {
        String text = Options.parse("--jdbc-password", "s3cret", "--jdbc-url", "jdbc:h2:file:./x;PASSWORD=p2").toString();
        assertFalse(text.contains("s3cret"));
        assertFalse(text.contains("p2"));
        assertNull(Options.parse().jdbcPassword());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--bogus                          | unknown option --bogus",
            "--bogus=1                        | unknown option --bogus",
            "serve                            | unexpected argument 'serve'",
            "--port                           | --port needs a value",
            "--port abc                       | --port must be a number from 0 to 65535",
            "--port 70000                     | --port must be a number from 0 to 65535",
            "--port -1                        | --port must be a number from 0 to 65535",
            "--server undertow                | --server must be tomcat or jetty",
            "--jdbc-url postgres://x          | --jdbc-url must start with 'jdbc:'",
            "--idle-timeout soon              | --idle-timeout: 'soon' is not a duration",
            "--reauth-within 0s               | --reauth-within: '0s' is too short",
            "--absolute-timeout PT0.5S        | --absolute-timeout: 'PT0.5S' is too short",
            "--port 1 --port 2                | --port is given twice",
            "--idle-timeout 2h --absolute-timeout 1h | --idle-timeout (2h) is longer than --absolute-timeout (1h)",
            "--host ''                        | --host must be an address"})
    void aBadCommandLineSaysWhatIsWrong(String line, String message) {
        String[] args = line.strip().equals("--host ''") ? new String[] {"--host", ""} : line.strip().split("\\s+");
        UsageException e = assertThrows(UsageException.class, () -> Options.parse(args));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @Test
    void theUsageNamesEveryOption() {
        for (String option : new String[] {"--port", "--host", "--server", "--jdbc-url", "--jdbc-user",
                "--jdbc-password", "--idle-timeout", "--absolute-timeout", "--reauth-within", "--help"}) {
            assertTrue(Options.USAGE.contains(option), option);
        }
    }

    @Test
    void theUrlIsPrintedForTheBoundAddress() {
        assertEquals("http://127.0.0.1:8080/", Main.url("127.0.0.1", 8080));
        assertEquals("http://localhost:80/", Main.url("0.0.0.0", 80));
        assertEquals("http://[::1]:8080/", Main.url("::1", 8080));
        assertEquals("http://portal.local:1/", Main.url("portal.local", 1));
    }

    @Test
    void failuresAreDescribedOnOneLine() {
        Exception e = new RuntimeException("outer\nline", new IllegalStateException("root cause"));
        assertEquals("RuntimeException: outer line (caused by IllegalStateException: root cause)",
                StartupFailure.describe(e));
        assertEquals("IllegalStateException", StartupFailure.describe(new IllegalStateException()));
    }
}
