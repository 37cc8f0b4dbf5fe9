package io.hallpass.sample.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a {@code User-Agent} header into a short label for the sessions page ("Firefox 132 on Linux"). It is a
 * convenience for people reading the list, never a security signal: the header is whatever the client says.
 */
public final class UserAgents {

    private static final Pattern EDGE = Pattern.compile("Edg(?:e|A|iOS)?/(\\d+)");
    private static final Pattern FIREFOX = Pattern.compile("(?:Firefox|FxiOS)/(\\d+)");
    private static final Pattern CHROME = Pattern.compile("(?:Chrome|CriOS|Chromium)/(\\d+)");
    private static final Pattern SAFARI = Pattern.compile("Version/(\\d+)[^ ]* (?:Mobile/\\S+ )?Safari/");
    private static final Pattern CURL = Pattern.compile("^curl/(\\S+)");

    private UserAgents() {
    }

    public static String describe(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "Unknown client";
        }
        Matcher curl = CURL.matcher(userAgent);
        if (curl.find()) {
            return "curl " + curl.group(1);
        }
        if (userAgent.startsWith("Java-http-client") || userAgent.startsWith("Java/")) {
            return "Java HTTP client";
        }
        String browser = browser(userAgent);
        String system = system(userAgent);
        if (browser == null) {
            return system == null ? "Unknown client" : "Browser on " + system;
        }
        return system == null ? browser : browser + " on " + system;
    }

    private static String browser(String ua) {
        Matcher m;
        if ((m = EDGE.matcher(ua)).find()) {
            return "Edge " + m.group(1);
        }
        if ((m = FIREFOX.matcher(ua)).find()) {
            return "Firefox " + m.group(1);
        }
        if ((m = CHROME.matcher(ua)).find()) {
            return (ua.contains("HeadlessChrome") ? "Headless Chrome " : "Chrome ") + m.group(1);
        }
        if ((m = SAFARI.matcher(ua)).find()) {
            return "Safari " + m.group(1);
        }
        return null;
    }

    private static String system(String ua) {
        if (ua.contains("iPhone") || ua.contains("iPad")) {
            return "iOS";
        }
        if (ua.contains("Android")) {
            return "Android";
        }
        if (ua.contains("Windows")) {
            return "Windows";
        }
        if (ua.contains("Mac OS X") || ua.contains("Macintosh")) {
            return "macOS";
        }
        if (ua.contains("CrOS")) {
            return "ChromeOS";
        }
        if (ua.contains("Linux") || ua.contains("X11")) {
            return "Linux";
        }
        return null;
    }
}
