package io.hallpass.sample.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PathsTest {

    @Test
    void segmentEncodesEverythingThatCouldLeaveTheSegment() {
        assertEquals("alice", Paths.segment("alice"));
        assertEquals("a%2Fb%3Fc%23d%20e%25", Paths.segment("a/b?c#d e%"));
        assertEquals("zo%C3%AB", Paths.segment("zoë"));
        assertEquals("a.b_c-d~", Paths.segment("a.b_c-d~"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/orders", "/reports/sales?x=1", "/account/export"})
    void safeReturnKeepsSameOriginPaths(String path) {
        assertEquals(path, Paths.safeReturn(path));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"//evil.example/", "https://evil.example/", "/\\evil.example", "orders", "/a b",
            "/a\nb", "javascript:alert(1)"})
    void safeReturnRefusesAnythingElse(String path) {
        assertNull(Paths.safeReturn(path));
    }

    @Test
    void safeReturnRefusesOverlongPaths() {
        assertNull(Paths.safeReturn("/" + "a".repeat(600)));
    }
}
