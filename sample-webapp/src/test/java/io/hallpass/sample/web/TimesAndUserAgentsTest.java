package io.hallpass.sample.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hallpass.sample.testing.Samples;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimesAndUserAgentsTest {

    private static final Instant NOW = Samples.NOW;

    @Test
    void relativeTimesReadNaturally() {
        assertEquals("just now", Times.relative(NOW.minusSeconds(10), NOW));
        assertEquals("1 minute ago", Times.relative(NOW.minusSeconds(50), NOW));
        assertEquals("12 minutes ago", Times.relative(NOW.minus(Duration.ofMinutes(12)), NOW));
        assertEquals("3 hours ago", Times.relative(NOW.minus(Duration.ofHours(3)), NOW));
        assertEquals("in 7 days", Times.relative(NOW.plus(Duration.ofDays(7)), NOW));
        assertEquals("26 Nov 2025, 13:30 UTC", Times.absolute(NOW));
    }

    @Test
    void userAgentsBecomeShortLabels() {
        assertEquals("Firefox 132 on Linux", UserAgents.describe(Samples.FIREFOX));
        assertEquals("Chrome 131 on macOS", UserAgents.describe(Samples.CHROME_MAC));
        assertEquals("Safari 18 on iOS", UserAgents.describe(Samples.IPHONE));
        assertEquals("curl 8.5.0", UserAgents.describe("curl/8.5.0"));
        assertEquals("Java HTTP client", UserAgents.describe("Java-http-client/17.0.15"));
        assertEquals("Unknown client", UserAgents.describe(null));
        assertEquals("Unknown client", UserAgents.describe("<script>"));
    }
}
