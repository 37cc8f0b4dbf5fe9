package io.hallpass.filter.it;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cookies one browser keeps: every cookie a response sets is sent back with the next request, a cleared one
 * ({@code Max-Age=0} or an empty value) is forgotten. Tests that follow a browser through several answers (the
 * container's {@code JSESSIONID} beside the Hallpass cookie) use it instead of passing cookie headers by hand.
 */
final class CookieJar {

    private final Map<String, String> cookies = new LinkedHashMap<>();

    /** Sends the request with this jar's cookies and keeps what the answer sets. */
    RawHttp.Response send(RawHttp.Request request) {
        RawHttp.Response response = request.cookie(header()).send();
        for (String setCookie : response.headers("set-cookie")) {
            String pair = setCookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq).strip();
            String value = pair.substring(eq + 1).strip();
            if (value.isEmpty() || setCookie.contains("Max-Age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        return response;
    }

    /** Keeps a cookie as if a response had set it (a cookie planted by someone else, or copied from another jar). */
    CookieJar put(String name, String value) {
        cookies.put(name, value);
        return this;
    }

    /** The value kept for {@code name}, or null. */
    String get(String name) {
        return cookies.get(name);
    }

    /** The {@code Cookie} header this browser sends, or null if it keeps no cookie. */
    String header() {
        if (cookies.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        cookies.forEach((name, value) -> out.append(out.length() == 0 ? "" : "; ").append(name).append('=').append(value));
        return out.toString();
    }
}
