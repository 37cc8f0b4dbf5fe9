package io.hallpass.filter.web;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Device ids: random, long-lived values kept in the device cookie so the realm can tell a device the account
 * has signed in from before. A device id is never a credential: it can only add friction (an unknown device
 * shortens re-authentication windows), never remove a check.
 */
public final class DeviceIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Characters of a device id: 128 random bits in base64url. */
    private static final int LENGTH = 22;

    /** How long browsers keep the device cookie: 400 days, the most current browsers allow. */
    public static final long MAX_AGE_SECONDS = 400L * 24 * 3600;

    private DeviceIds() {
    }

    public static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The device id a cookie carries, or null if it carries none, more than one, or one of another form. */
    public static String of(Cookies.Read cookie) {
        return cookie.present() && isValid(cookie.value()) ? cookie.value() : null;
    }

    /**
     * Whether {@code id} has the form of a device id: 22 base64url characters. Checked by hand, not with a regular
     * expression: it runs on every request of a signed-in browser.
     */
    public static boolean isValid(String id) {
        if (id == null || id.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = id.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
