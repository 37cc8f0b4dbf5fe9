package io.hallpass.sample.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({"30s, PT30S", "5m, PT5M", "12h, PT12H", "1s, PT1S", "PT90S, PT1M30S", "pt2m, PT2M", "P1D, PT24H",
            "' 5m ', PT5M", "90m, PT1H30M"})
    void parsesShortAndIsoForms(String text, String iso) {
        assertEquals(Duration.parse(iso), Durations.parse(text));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"5", "5 m", "5min", "m5", "-5m", "0s", "PT0S", "PT-5M", "PT0.5S", "PT1.5S", "1d", "5M",
            "P", "later"})
    void refusesAnythingElse(String text) {
        assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
    }

    @Test
    void formatsWithTheLargestExactUnit() {
        assertEquals("30s", Durations.format(Duration.ofSeconds(30)));
        assertEquals("90s", Durations.format(Duration.ofSeconds(90)));
        assertEquals("5m", Durations.format(Duration.ofMinutes(5)));
        assertEquals("90m", Durations.format(Duration.ofMinutes(90)));
        assertEquals("12h", Durations.format(Duration.ofHours(12)));
        assertEquals("24h", Durations.format(Duration.ofDays(1)));
    }

    @Test
    void formatThenParseIsTheSameDuration() {
        for (String text : new String[] {"PT1S", "PT59S", "PT61S", "PT1H1S", "P2DT3H"}) {
            Duration d = Duration.parse(text);
            assertEquals(d, Durations.parse(Durations.format(d)), text);
        }
    }
}
