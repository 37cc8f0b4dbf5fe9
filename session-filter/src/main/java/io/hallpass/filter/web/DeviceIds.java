package io.hallpass.filter.web;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Device ids: random, long-lived values kept in the device cookie so the realm can tell a device the account
 * has signed in from before. A device id is never a credential: it can only add friction (an unknown device
 * shortens re-authentication windows), never remove a check.
 */
public final class DeviceIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{22}");

    /** How long browsers keep the device cookie: 400 days, the most current browsers allow. */
    public static final long MAX_AGE_SECONDS = 400L * 24 * 3600;

    private DeviceIds() {
    }

    public static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static boolean isValid(String id) {
        return id != null && FORM.matcher(id).matches();
    }
}
