package io.hallpass.filter.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({"30s, PT30S", "1s, PT1S", "5m, PT5M", "90m, PT1H30M", "12h, PT12H", "1d, PT24H", "7d, PT168H",
            "PT5M, PT5M", "pt5m, PT5M", "PT0.5S, PT0.5S", "P1D, PT24H", "PT1H30M, PT1H30M", "999999999s, PT277777H46M39S"})
    void parseWhenTheTextIsAPositiveDurationThenItIsRead(String text, String expected) {
        assertEquals(Duration.parse(expected), Durations.parse(text));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"5", "m", "5x", "5M", "5 m", " 5m", "5m ", "-5m", "+5m", "1.5h", "5min", "1w",
            "1000000000s", "P1M", "P1Y", "PT", "P", "-PT5M", "five minutes"})
    void parseWhenTheTextIsNotADurationThenRefusedNamingTheAcceptedForms(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
        assertTrue(e.getMessage().contains("use 30s, 5m, 12h, 1d or ISO-8601 such as PT5M"), e.getMessage());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"0s", "0m", "PT0S", "PT-5M"})
    void parseWhenTheDurationIsZeroOrNegativeThenRefused(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
        assertTrue(e.getMessage().contains("must be positive"), e.getMessage());
    }

    @ParameterizedTest
    @NullAndEmptySource
    void parseWhenTheTextIsMissingThenRefused(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
        assertTrue(e.getMessage().startsWith("duration is missing"), e.getMessage());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({"PT30S, 30s", "PT5M, 5m", "PT2H, 2h", "PT48H, 2d", "PT1H30M, 90m", "PT0.5S, PT0.5S"})
    void formatWhenTheDurationIsWholeThenTheShortFormIsWritten(String iso, String expected) {
        assertEquals(expected, Durations.format(Duration.parse(iso)));
    }
}
