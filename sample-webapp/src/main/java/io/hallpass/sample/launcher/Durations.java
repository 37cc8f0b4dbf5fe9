package io.hallpass.sample.launcher;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as the launcher's options take them: {@code 30s}, {@code 5m}, {@code 12h}, or ISO-8601 such as
 * {@code PT90S} or {@code P1D}. Whole seconds, at least one.
 */
public final class Durations {

    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})([smh])");

    private Durations() {
    }

    /**
     * @throws IllegalArgumentException with a message saying what is accepted
     */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a duration is required, like 30s, 5m, 12h or PT90S");
        }
        String value = text.strip();
        Duration duration;
        Matcher m = SHORT.matcher(value);
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            duration = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        } else if (value.toUpperCase(Locale.ROOT).startsWith("P")) {
            try {
                duration = Duration.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + value + "' is not an ISO-8601 duration, like PT90S");
            }
        } else {
            throw new IllegalArgumentException("'" + value + "' is not a duration; use 30s, 5m, 12h or PT90S");
        }
        if (duration.isNegative() || duration.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("'" + value + "' is too short; the least is 1s");
        }
        if (duration.getNano() != 0) {
            throw new IllegalArgumentException("'" + value + "' is not a whole number of seconds");
        }
        return duration;
    }

    /**
     * The short form the Hallpass settings use: the largest unit that divides it exactly, e.g. {@code 90s},
     * {@code 5m}, {@code 36h}.
     */
    public static String format(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }
}
