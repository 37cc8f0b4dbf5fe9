package io.hallpass.filter.policy;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations as written in configuration: {@code 30s}, {@code 5m}, {@code 12h}, {@code 1d} or ISO-8601. */
public final class Durations {

    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})(s|m|h|d)");

    private Durations() {
    }

    /**
     * @throws IllegalArgumentException naming the accepted forms if the text is not a positive duration
     */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a duration is required (like 30s, 5m, 12h, 1d or PT5M)");
        }
        String value = text.strip();
        Duration result;
        Matcher m = SHORT.matcher(value);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            result = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        } else {
            try {
                result = Duration.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + value + "' is not a duration (like 30s, 5m, 12h, 1d or PT5M)");
            }
        }
        if (result.isZero() || result.isNegative()) {
            throw new IllegalArgumentException("'" + value + "' is not a positive duration");
        }
        return result;
    }
}
