package io.hallpass.filter.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {

    @Test
    void readsTheStringMembersOfAnObjectAndSkipsTheRest() {
        Map<String, String> fields = Json.readObject(
                " {\"username\":\"al\\u0069ce\",\"password\":\"p\\\"w\\\\\",\"remember\":true,\"n\":-1.5e3,"
                        + "\"nested\":{\"a\":[1,{\"b\":null}]},\"return\":\"/orders\"} ");
        assertEquals(Map.of("username", "alice", "password", "p\"w\\", "return", "/orders"), fields);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "\"x\"", "{", "{\"a\":}", "{\"a\":\"b\"", "{\"a\":\"b\"} x", "{a:\"b\"}",
            "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"\\u+123\"}", "{\"a\":\"b\",\"a\":\"c\"}", "{\"a\":tru}",
            "{\"a\":\"line\nbreak\"}", "{\"a\":[[[[[[[[[[1]]]]]]]]]]}"})
    void refusesAnythingButOneWellFormedObject(String text) {
        assertThrows(IllegalArgumentException.class, () -> Json.readObject(text));
    }

    @Test
    void writesEscapedStringsThatCannotBreakOutOfMarkup() {
        assertEquals("{\"name\":\"\\u003c/script\\u003e\\\"\\n\",\"roles\":[\"a\",\"b\"],\"n\":3,\"ok\":true,\"x\":null}",
                Json.object("name", "</script>\"\n", "roles", List.of("a", "b"), "n", 3, "ok", true, "x", null));
    }
}
