package io.hallpass.realm.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimesTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @Test
    void durationsAreWrittenAsTheFiltersSettingsAre() {
        assertEquals(Duration.ofSeconds(30), Times.duration(Option.IDLE_TIMEOUT, "30s"));
        assertEquals(Duration.ofMinutes(5), Times.duration(Option.IDLE_TIMEOUT, "5m"));
        assertEquals(Duration.ofHours(12), Times.duration(Option.IDLE_TIMEOUT, "12h"));
        assertEquals(Duration.ofDays(30), Times.duration(Option.IDLE_TIMEOUT, "30d"));
        assertEquals(Duration.ofMinutes(90), Times.duration(Option.IDLE_TIMEOUT, "PT90M"));
        assertEquals(Duration.ofDays(2), Times.duration(Option.IDLE_TIMEOUT, "P2D"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "30", "m", "30 m", "1.5h", "-5m", "30w", "PT", "P1Y", "tomorrow", "1e3s"})
    void anythingElseIsNotADuration(String text) {
        Failure failure = assertThrows(Failure.class, () -> Times.duration(Option.UNTIL, text));
        assertEquals(Exit.BAD_ARGUMENTS, failure.exit);
        assertTrue(failure.getMessage().startsWith("--until: \"" + text + "\" is not a duration: use 30s, 5m"),
                failure.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0s", "0d", "PT0S", "PT-5M"})
    void aDurationMustBePositive(String text) {
        Failure failure = assertThrows(Failure.class, () -> Times.duration(Option.IDLE_TIMEOUT, text));
        assertEquals("--idle-timeout: the duration must be positive", failure.getMessage());
        assertThrows(Failure.class, () -> Times.pointInTime(Option.SINCE, text, NOW, false));
    }

    @Test
    void aPointInTimeIsAnInstantOrADurationFromNow() {
        assertEquals(Instant.parse("2026-12-31T18:00:00Z"),
                Times.pointInTime(Option.UNTIL, "2026-12-31T18:00:00Z", NOW, true));
        assertEquals(Instant.parse("2026-12-31T17:00:00Z"),
                Times.pointInTime(Option.UNTIL, "2026-12-31T18:00:00+01:00", NOW, true));
        assertEquals(Instant.parse("2026-07-01T12:00:00Z"), Times.pointInTime(Option.UNTIL, "30d", NOW, true));
        assertEquals(Instant.parse("2026-06-01T13:30:00Z"), Times.pointInTime(Option.UNTIL, "PT90M", NOW, true));
        assertEquals(Instant.parse("2026-05-31T12:00:00Z"), Times.pointInTime(Option.SINCE, "24h", NOW, false),
                "--since counts back");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-31", "2026-12-31T18:00:00", "31/12/2026", "yesterday", "2026-13-01T00:00:00Z"})
    void aDateWithoutTimeOrZoneIsNeitherForm(String text) {
        Failure failure = assertThrows(Failure.class, () -> Times.pointInTime(Option.SINCE, text, NOW, false));
        assertEquals(Exit.BAD_ARGUMENTS, failure.exit);
        assertTrue(failure.getMessage().contains("is neither an ISO-8601 instant (2026-12-31T18:00:00Z) nor a"
                + " duration"), failure.getMessage());
    }

    @Test
    void aDurationPastTheEndOfTimeIsRefusedNotThrown() {
        Failure failure = assertThrows(Failure.class,
                () -> Times.pointInTime(Option.UNTIL, "999999999d", Instant.MAX.minusSeconds(10), true));
        assertEquals("--until: the duration reaches past the end of time", failure.getMessage());
    }

    @Test
    void echoedTextIsCutAndCarriesNoControlCharacter() {
        Failure failure = assertThrows(Failure.class,
                () -> Times.duration(Option.SINCE, "\u001b[31m" + "x".repeat(100)));
        assertTrue(failure.getMessage().startsWith("--since: \"?[31mxxx"), failure.getMessage());
        assertTrue(failure.getMessage().length() < 120, failure.getMessage());
    }

    @Test
    void listingsShowInstantsInUtcToTheSecond() {
        assertEquals("2026-06-01T12:00:00Z", Times.text(Instant.parse("2026-06-01T12:00:00.987654Z")));
        assertEquals("-", Times.text(null));
    }
}
