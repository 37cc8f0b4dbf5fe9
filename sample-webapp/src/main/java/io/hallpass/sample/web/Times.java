package io.hallpass.sample.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the portal shows instants: an absolute UTC time, and a relative one ("5 minutes ago"). */
public final class Times {

    private static final DateTimeFormatter ABSOLUTE =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private Times() {
    }

    /** e.g. {@code 26 Nov 2025, 13:26 UTC}. */
    public static String absolute(Instant at) {
        return at == null ? "" : ABSOLUTE.format(at);
    }

    /** e.g. {@code 26 Nov 2025}. */
    public static String date(Instant at) {
        return at == null ? "" : DATE.format(at);
    }

    /** e.g. {@code just now}, {@code 5 minutes ago}, {@code in 6 days}. */
    public static String relative(Instant at, Instant now) {
        if (at == null) {
            return "";
        }
        Duration d = Duration.between(at, now);
        boolean future = d.isNegative();
        d = d.abs();
        String amount;
        if (d.compareTo(Duration.ofSeconds(45)) < 0) {
            return future ? "in a moment" : "just now";
        } else if (d.compareTo(Duration.ofMinutes(90)) < 0) {
            amount = plural(Math.max(1, Math.round(d.toSeconds() / 60.0)), "minute");
        } else if (d.compareTo(Duration.ofHours(36)) < 0) {
            amount = plural(Math.round(d.toMinutes() / 60.0), "hour");
        } else {
            amount = plural(Math.round(d.toHours() / 24.0), "day");
        }
        return future ? "in " + amount : amount + " ago";
    }

    /** A {@code <time>} element showing the relative time, with the absolute one as its tooltip. */
    public static Html element(Instant at, Instant now) {
        if (at == null) {
            return Html.EMPTY;
        }
        return Html.format("<time datetime=\"{}\" title=\"{}\">{}</time>", at.toString(), absolute(at),
                relative(at, now));
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
