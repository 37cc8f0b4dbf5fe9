package io.hallpass.filter.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReturnPathTest {

    private final ReturnPath paths = new ReturnPath(Set.of("/auth/login", "/auth/logout", "/auth/reauth"));

    @ParameterizedTest
    @ValueSource(strings = {"/", "/orders", "/orders?page=2&sort=date", "/reports/sales", "/a%20b", "/account/sessions"})
    void sameOriginPathsAreKept(String path) {
        assertEquals(path, paths.sanitise(path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "orders", "//evil.example", "///evil.example", "/\\evil.example", "https://evil.example/",
            "javascript:alert(1)", "/a/../admin", "/a/./b", "/%2e%2e/admin", "/a%2fb", "/a%5cb", "/%252e", "/a%0d%0aSet-Cookie:x",
            "/a b", "/a\tb", "/caf\u00e9", "/a#frag", "/a%", "/a%zz", "/auth/login", "/auth/logout", "/a//b", "/a;jsessionid=1"})
    void everythingElseBecomesTheStartPage(String path) {
        assertEquals("/", paths.sanitise(path));
    }

    @ParameterizedTest
    @ValueSource(ints = {ReturnPath.MAX_LENGTH + 1, 100_000})
    void overlongPathsAreRefused(int length) {
        assertEquals("/", paths.sanitise("/" + "a".repeat(length - 1)));
    }
}
