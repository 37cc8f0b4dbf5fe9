package io.hallpass.sample.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One client of the portal with its own cookies, kept by hand (the session cookie is {@code __Host-hallpass}),
 * its own {@code User-Agent}, and the headers a browser sends: {@code Accept} preferring HTML, and an
 * {@code Origin} on every POST. {@code api()} gives a view of the same client that asks for JSON.
 */
final class Browser {

    static final String SESSION_COOKIE = "__Host-hallpass";
    static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    static final String JSON = "application/json";

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final URI base;
    private final String userAgent;
    private final Map<String, String> cookies;
    private final String accept;

    Browser(URI base, String userAgent) {
        this(base, userAgent, new LinkedHashMap<>(), HTML);
    }

    private Browser(URI base, String userAgent, Map<String, String> cookies, String accept) {
        this.base = base;
        this.userAgent = userAgent;
        this.cookies = cookies;
        this.accept = accept;
    }

    /** The same client (same cookies) asking for JSON. */
    Browser api() {
        return new Browser(base, userAgent, cookies, JSON);
    }

    /** The origin of the portal, e.g. {@code http://127.0.0.1:41234}. */
    String origin() {
        return base.getScheme() + "://" + base.getRawAuthority();
    }

    String userAgent() {
        return userAgent;
    }

    Optional<String> sessionCookie() {
        synchronized (cookies) {
            return Optional.ofNullable(cookies.get(SESSION_COOKIE));
        }
    }

    /** Replaces the session cookie, e.g. to replay one that was signed out. */
    void useSessionCookie(String value) {
        useCookie(SESSION_COOKIE, value);
    }

    /** Sets a cookie, e.g. one copied from a real browser. */
    void useCookie(String name, String value) {
        synchronized (cookies) {
            cookies.put(name, value);
        }
    }

    /** Signs in as a demo account (its password is {@code <name>-demo-pw}) and answers this browser. */
    Browser signIn(String demoUser) {
        login(demoUser, demoUser + "-demo-pw");
        return this;
    }

    /** Signs in through the filter's {@code POST /auth/login}; the answer must be 303 away from the login page. */
    Response login(String username, String password) {
        Response r = post("/auth/login", Map.of("username", username, "password", password));
        assertEquals(303, r.status(), () -> "login of " + username + ": " + r);
        assertEquals(false, r.locationPath().equals("/login"), () -> "login of " + username + " failed: " + r);
        return r;
    }

    Response get(String path) {
        return send(request(path).GET());
    }

    Response head(String path) {
        return send(request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()));
    }

    Response delete(String path) {
        return send(request(path).DELETE().header("Origin", origin()));
    }

    Response post(String path, Map<String, String> form) {
        return post(path, form, Map.of("Origin", origin()));
    }

    /** A POST with these extra headers instead of the default {@code Origin}. */
    Response post(String path, Map<String, String> form, Map<String, String> headers) {
        HttpRequest.Builder builder = request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        headers.forEach(builder::header);
        return send(builder);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", accept)
                .header("User-Agent", userAgent);
        String cookieHeader;
        synchronized (cookies) {
            cookieHeader = cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .reduce((a, b) -> a + "; " + b).orElse(null);
        }
        if (cookieHeader != null) {
            builder.header("Cookie", cookieHeader);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            keepCookies(response.headers().allValues("Set-Cookie"));
            return new Response(request.method() + " " + request.uri().getRawPath()
                    + (request.uri().getRawQuery() == null ? "" : "?" + request.uri().getRawQuery()),
                    response.statusCode(), response.headers().map(), response.body(), base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void keepCookies(List<String> setCookies) {
        synchronized (cookies) {
            for (String header : setCookies) {
                String[] parts = header.split(";");
                int eq = parts[0].indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String name = parts[0].substring(0, eq).strip();
                String value = parts[0].substring(eq + 1).strip();
                boolean expired = value.isEmpty();
                for (int i = 1; i < parts.length; i++) {
                    String attribute = parts[i].strip().toLowerCase(Locale.ROOT);
                    if (attribute.equals("max-age=0") || attribute.startsWith("max-age=-")) {
                        expired = true;
                    }
                }
                if (expired) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
        }
    }

    static String encode(Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((name, value) -> {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return body.toString();
    }

    /** An answer, with its request for messages. */
    record Response(String request, int status, Map<String, List<String>> headers, String body, URI base) {

        Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        List<String> headerValues(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).toList();
        }

        /** The path of the {@code Location}, resolved against the portal (absolute or relative). */
        String locationPath() {
            return location().getPath();
        }

        URI location() {
            String location = header("Location").orElseThrow(() -> new AssertionError("no Location: " + this));
            return base.resolve(location);
        }

        /** A decoded query parameter of the {@code Location}, or null. */
        String locationParameter(String name) {
            String query = location().getRawQuery();
            if (query == null) {
                return null;
            }
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                if (key.equals(name)) {
                    return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
            return null;
        }

        Map<String, Object> json() {
            return MiniJson.object(body);
        }

        List<Object> jsonArray() {
            return MiniJson.array(body);
        }

        @Override
        public String toString() {
            String shown = body == null ? "" : body.length() > 600 ? body.substring(0, 600) + "..." : body;
            return request + " -> " + status + " " + header("Location").map(l -> "Location: " + l + " ").orElse("")
                    + header("WWW-Authenticate").map(w -> "WWW-Authenticate: " + w + " ").orElse("") + shown;
        }
    }
}
