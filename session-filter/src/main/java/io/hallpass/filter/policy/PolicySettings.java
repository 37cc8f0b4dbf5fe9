package io.hallpass.filter.policy;

import java.time.Duration;
import java.util.Objects;

/**
 * The settings that shape how rules and annotations compile.
 *
 * @param denyUnmatched       whether a request that no rule and no annotation covers is refused (403);
 *                            when false it is let through as public. Default true.
 * @param defaultReauthWindow the window for a bare {@code reauth} option and for
 *                            {@code @Sensitive} without {@code reauthWithin}; must be positive
 */
public record PolicySettings(boolean denyUnmatched, Duration defaultReauthWindow) {

    /** The default re-authentication window: five minutes. */
    public static final Duration DEFAULT_REAUTH_WINDOW = Duration.ofMinutes(5);

    public PolicySettings {
        Objects.requireNonNull(defaultReauthWindow, "defaultReauthWindow");
        if (defaultReauthWindow.isZero() || defaultReauthWindow.isNegative()) {
            throw new IllegalArgumentException("defaultReauthWindow must be positive");
        }
    }

    /** Deny unmatched requests; re-authentication window of five minutes. */
    public static PolicySettings defaults() {
        return new PolicySettings(true, DEFAULT_REAUTH_WINDOW);
    }
}
