package io.hallpass.filter.policy;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way Hallpass reads a duration from configuration, rules and annotations: a positive whole number
 * with a unit ({@code 30s}, {@code 5m}, {@code 12h}, {@code 1d}), or an ISO-8601 duration such as
 * {@code PT5M} or {@code PT1H30M}. Zero, negative, fractional short forms and anything else are refused
 * with a message that says what is accepted.
 *
 * <pre>{@code
 * Duration idle = Durations.parse("30m");
 * }</pre>
 */
public final class Durations {

    private static final Pattern SHORT = Pattern.compile("([0-9]{1,9})([smhd])");

    private Durations() {
    }

    /**
     * Parses a duration.
     *
     * @throws IllegalArgumentException if the text is not a positive duration in one of the accepted forms;
     *                                  the message quotes the text and lists the forms
     */
    public static Duration parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("duration is missing: use 30s, 5m, 12h, 1d or ISO-8601 such as PT5M");
        }
        Duration duration;
        Matcher m = SHORT.matcher(text);
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            duration = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        } else if (text.length() > 1 && (text.charAt(0) == 'P' || text.charAt(0) == 'p')) {
            try {
                duration = Duration.parse(text);
            } catch (DateTimeParseException | ArithmeticException e) {
                throw notADuration(text);
            }
        } else {
            throw notADuration(text);
        }
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("duration \"" + Texts.printable(text) + "\" must be positive");
        }
        return duration;
    }

    /** Writes a duration the short way when it is a whole number of days, hours, minutes or seconds. */
    public static String format(Duration duration) {
        if (duration.getNano() == 0 && !duration.isNegative() && !duration.isZero()) {
            long seconds = duration.getSeconds();
            if (seconds % 86_400 == 0) {
                return seconds / 86_400 + "d";
            }
            if (seconds % 3_600 == 0) {
                return seconds / 3_600 + "h";
            }
            if (seconds % 60 == 0) {
                return seconds / 60 + "m";
            }
            return seconds + "s";
        }
        return duration.toString();
    }

    private static IllegalArgumentException notADuration(String text) {
        return new IllegalArgumentException("\"" + Texts.printable(text)
                + "\" is not a duration: use 30s, 5m, 12h, 1d or ISO-8601 such as PT5M");
    }
}
