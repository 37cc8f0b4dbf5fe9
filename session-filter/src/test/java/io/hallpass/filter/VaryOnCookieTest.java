package io.hallpass.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code Vary: Cookie} is added once, whatever the response already varies on, for personal and refused pages. */
class VaryOnCookieTest {

    /** A response that keeps its {@code Vary} headers, the only ones the method reads and writes. */
    private static HttpServletResponse response(List<String> vary) {
        return (HttpServletResponse) Proxy.newProxyInstance(VaryOnCookieTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "containsHeader" -> "Vary".equalsIgnoreCase((String) args[0]) && !vary.isEmpty();
                    case "getHeaders" -> "Vary".equalsIgnoreCase((String) args[0]) ? List.copyOf(vary) : List.of();
                    case "addHeader" -> {
                        assertEquals("Vary", args[0]);
                        vary.add((String) args[1]);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static List<String> after(String... existing) {
        List<String> vary = new ArrayList<>(List.of(existing));
        HallpassFilter.varyOnCookie(response(vary));
        return vary;
    }

    @Test
    void aResponseThatVariesOnNothingNowVariesOnTheCookie() {
        assertEquals(List.of("Cookie"), after());
    }

    @Test
    void aResponseThatVariesOnSomethingElseAlsoVariesOnTheCookie() {
        assertEquals(List.of("Accept-Encoding", "Cookie"), after("Accept-Encoding"));
        assertEquals(List.of("Accept-Encoding, Origin", "Cookie"), after("Accept-Encoding, Origin"));
        assertEquals(List.of("Cookies", "Cookie"), after("Cookies"), "another header's name is not the cookie's");
    }

    @Test
    void aResponseThatAlreadyVariesOnTheCookieOrOnEverythingIsLeftAlone() {
        assertEquals(List.of("Accept-Encoding, cookie"), after("Accept-Encoding, cookie"));
        assertEquals(List.of("Origin", " Cookie "), after("Origin", " Cookie "));
        assertEquals(List.of("*"), after("*"));
    }
}
