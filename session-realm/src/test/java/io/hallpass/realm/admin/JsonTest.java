package io.hallpass.realm.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void valuesAreWrittenAsRfc8259Says() {
        assertEquals("null", Json.write(null));
        assertEquals("true", Json.write(true));
        assertEquals("-42", Json.write(-42));
        assertEquals("9007199254740993", Json.write(9_007_199_254_740_993L));
        assertEquals("\"2026-06-01T12:00:00.000001Z\"", Json.write(Instant.parse("2026-06-01T12:00:00.000001Z")));
        assertEquals("\"LOGIN_FAILED\"", Json.write(io.hallpass.realm.AuditEvent.Type.LOGIN_FAILED));
        assertEquals("[]", Json.write(List.of()));
        assertEquals("{}", Json.write(Json.object()));
        assertEquals("{\"a\":[1,null,\"x\"],\"b\":{\"c\":false}}",
                Json.write(Json.object("a", Arrays.asList(1, null, "x"), "b", Json.object("c", false))));
    }

    @Test
    void keysKeepTheirOrder() {
        assertEquals("{\"z\":1,\"a\":2,\"m\":3}", Json.write(Json.object("z", 1, "a", 2, "m", 3)));
    }

    @Test
    void specialCharactersAreEscaped() {
        assertEquals("\"say \\\"hi\\\" \\\\ bye\"", Json.write("say \"hi\" \\ bye"));
        assertEquals("\"\\n\\r\\t\\b\\f\"", Json.write("\n\r\t\b\f"));
        assertEquals("\"\\u0000\\u001f\\u007f\"", Json.write("\u0000\u001f\u007f"));
        assertEquals("\"/</script>\"", Json.write("/</script>"));
    }

    @Test
    void theOutputIsAsciiWhateverTheText() {
        assertEquals("\"r\\u00e9sum\\u00e9\"", Json.write("résumé"));
        assertEquals("\"\\u2028\\u2029\"", Json.write("\u2028\u2029"), "line separators that JavaScript chokes on");
        assertEquals("\"\\ud83d\\ude00\"", Json.write("\uD83D\uDE00"), "a pair as two escapes");
        assertEquals("\"\\udc00\"", Json.write("\uDC00"), "a lone surrogate still makes a valid document");
    }

    /** Every UTF-16 unit: the output is printable ASCII, and an independent reading gives the text back. */
    @Test
    void everyCharacterReadsBackAsItWas() {
        StringBuilder all = new StringBuilder();
        for (int c = 0; c <= 0xffff; c++) {
            all.append((char) c);
        }
        String text = all.toString();
        String json = Json.write(text);
        assertTrue(json.chars().allMatch(c -> c >= 0x20 && c < 0x7f), "printable ASCII only");
        assertEquals(text, readString(json));
    }

    @Test
    void whatHasNoExactJsonFormIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Json.write(1.5));
        assertThrows(IllegalArgumentException.class, () -> Json.write(new Object()));
        assertThrows(IllegalArgumentException.class, () -> Json.write(Map.of(1, "x")));
        assertThrows(IllegalArgumentException.class, () -> Json.object("odd"));
    }

    /** A JSON string literal read by the grammar of RFC 8259 section 7, written here apart from the writer. */
    private static String readString(String json) {
        assertEquals('"', json.charAt(0));
        assertEquals('"', json.charAt(json.length() - 1));
        List<Character> out = new ArrayList<>();
        for (int i = 1; i < json.length() - 1; i++) {
            char c = json.charAt(i);
            if (c == '"' || c < 0x20) {
                throw new AssertionError("unescaped " + (int) c + " at " + i);
            }
            if (c != '\\') {
                out.add(c);
                continue;
            }
            char e = json.charAt(++i);
            switch (e) {
                case '"', '\\', '/' -> out.add(e);
                case 'b' -> out.add('\b');
                case 'f' -> out.add('\f');
                case 'n' -> out.add('\n');
                case 'r' -> out.add('\r');
                case 't' -> out.add('\t');
                case 'u' -> {
                    out.add((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> throw new AssertionError("bad escape \\" + e);
            }
        }
        StringBuilder text = new StringBuilder();
        out.forEach(text::append);
        return text.toString();
    }
}
