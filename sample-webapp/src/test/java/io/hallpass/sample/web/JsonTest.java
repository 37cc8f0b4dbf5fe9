package io.hallpass.sample.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void writesObjectsInOrderWithEveryKindOfValue() {
        String json = Json.write(Json.object("s", "x", "n", 3, "l", 4L, "d", new BigDecimal("12.50"), "b", true,
                "z", null, "t", Instant.parse("2025-11-26T13:30:00Z"), "a", List.of(1, "two")));
        assertEquals("{\"s\":\"x\",\"n\":3,\"l\":4,\"d\":12.50,\"b\":true,\"z\":null,"
                + "\"t\":\"2025-11-26T13:30:00Z\",\"a\":[1,\"two\"]}", json);
    }

    @Test
    void escapesQuotesBackslashesControlsAndMarkup() {
        assertEquals("\"a\\\"b\\\\c\\nd\\u0001\\u003cscript\\u003e\\u0026\"", Json.write("a\"b\\c\nd\u0001<script>&"));
    }

    @Test
    void escapesLineSeparatorsThatBreakJavaScriptStrings() {
        assertEquals("\"\\u2028\\u2029\"", Json.write("\u2028\u2029"));
    }

    @Test
    void refusesTypesItDoesNotKnow() {
        assertThrows(IllegalArgumentException.class, () -> Json.write(new Object()));
        assertThrows(IllegalArgumentException.class, () -> Json.object("odd"));
    }

    @Test
    void writesNullsInsideLists() {
        assertEquals("[null,\"x\"]", Json.write(Arrays.asList(null, "x")));
    }
}
