package io.hallpass.realm;

/**
 * What the server knows about the client that made a request: its address (as determined by the filter's
 * trusted-proxy rules), its {@code User-Agent}, and the device id from its device cookie. Values are
 * truncated to column sizes, never rejected: they come from the client and are only ever compared and shown.
 *
 * @param ip        the client address, or null if unknown (at most 64 characters kept)
 * @param userAgent the {@code User-Agent} header, or null (at most 512 characters kept)
 * @param deviceId  the value of the device cookie, or null if the client has none (never a session token)
 */
public record ClientFacts(String ip, String userAgent, String deviceId) {

    public static final int MAX_IP = 64;
    public static final int MAX_USER_AGENT = 512;
    public static final int MAX_DEVICE_ID = 64;

    /** No facts at all, for sessions opened outside a request (tests, tools). */
    public static final ClientFacts UNKNOWN = new ClientFacts(null, null, null);

    public ClientFacts {
        ip = clip(ip, MAX_IP);
        userAgent = clip(userAgent, MAX_USER_AGENT);
        deviceId = clip(deviceId, MAX_DEVICE_ID);
    }

    /**
     * The rule for text observed from outside (client facts, audit details): null when empty, cut to {@code max}
     * characters, control characters replaced by {@code ?} so that nobody can forge lines in logs and pages.
     */
    public static String clip(String value, int max) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (isClean(value, max)) {
            return value; // the common case, on every request of a signed-in session: nothing to copy
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), max));
        for (int i = 0; i < value.length() && out.length() < max; i++) {
            char c = value.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return out.toString();
    }

    /** Whether {@link #clip} would keep {@code value} as it is: short enough, no control character. */
    private static boolean isClean(String value, int max) {
        if (value.length() > max) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
