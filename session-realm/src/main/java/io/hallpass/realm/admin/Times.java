package io.hallpass.realm.admin;

import io.hallpass.realm.ClientFacts;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times on the command line: durations written as the filter's settings are ({@code 30s}, {@code 5m},
 * {@code 12h}, {@code 30d}, or ISO-8601 such as {@code PT90M}), and points in time written as an ISO-8601 instant
 * ({@code 2026-12-31T18:00:00Z}, or with an offset) or as a duration counted from now.
 */
final class Times {

    private static final Pattern SHORT = Pattern.compile("([0-9]{1,9})([smhd])");
    private static final String FORMS = "30s, 5m, 12h, 30d or ISO-8601 such as PT90M";

    private Times() {
    }

    /**
     * A positive duration.
     *
     * @throws Failure (bad arguments) naming the option and the accepted forms
     */
    static Duration duration(Option option, String text) {
        Duration duration = parseDuration(text);
        if (duration == null) {
            throw Failure.badArguments(option.spelling() + ": " + quoted(text) + " is not a duration: use " + FORMS);
        }
        if (duration.isZero() || duration.isNegative()) {
            throw Failure.badArguments(option.spelling() + ": the duration must be positive");
        }
        return duration;
    }

    /**
     * A point in time: an ISO-8601 instant, or a duration counted from {@code now}, forward ({@code --until}) or
     * back ({@code --since}).
     */
    static Instant pointInTime(Option option, String text, Instant now, boolean forward) {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeException notAnInstant) {
            Duration duration = parseDuration(text);
            if (duration == null) {
                throw Failure.badArguments(option.spelling() + ": " + quoted(text) + " is neither an ISO-8601"
                        + " instant (2026-12-31T18:00:00Z) nor a duration (" + FORMS + ")");
            }
            if (duration.isZero() || duration.isNegative()) {
                throw Failure.badArguments(option.spelling() + ": the duration must be positive");
            }
            try {
                return forward ? now.plus(duration) : now.minus(duration);
            } catch (DateTimeException | ArithmeticException tooFar) {
                throw Failure.badArguments(option.spelling() + ": the duration reaches past the end of time");
            }
        }
    }

    /** An instant for reading in a listing: UTC, to the second; "-" for none. */
    static String text(Instant instant) {
        return instant == null ? "-" : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The duration written in one of the accepted forms, or null. */
    private static Duration parseDuration(String text) {
        Matcher m = SHORT.matcher(text);
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        if (text.length() > 1 && (text.charAt(0) == 'P' || text.charAt(0) == 'p')) {
            try {
                return Duration.parse(text);
            } catch (DateTimeException | ArithmeticException e) {
                return null;
            }
        }
        return null;
    }

    private static String quoted(String text) {
        String shown = ClientFacts.clip(text, 40);
        return "\"" + (shown == null ? "" : shown) + "\"";
    }
}
