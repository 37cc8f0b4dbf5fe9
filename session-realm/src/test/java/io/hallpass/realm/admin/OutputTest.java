package io.hallpass.realm.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputTest {

    record Row(String name, boolean enabled, List<String> roles, Instant at, String agent) {
    }

    private static final List<Column<Row>> COLUMNS = List.of(
            new Column<>("NAME", "name", Row::name),
            new Column<>("ENABLED", "enabled", Row::enabled),
            new Column<>("ROLES", "roles", Row::roles),
            new Column<>("AT", "at", Row::at),
            new Column<>("AGENT", "agent", Row::agent));

    private static final List<Row> ROWS = List.of(
            new Row("alice", true, List.of("admin", "support"), Instant.parse("2026-06-01T12:00:00.5Z"), "Firefox"),
            new Row("bö", false, List.of(), null, "evil\u001b]0;owned\u0007 agent"));

    private static String print(boolean json, java.util.function.Consumer<Output> what) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        what.accept(new Output(new PrintStream(bytes, true, StandardCharsets.UTF_8), json));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aListingInTextIsATableInColumns() {
        String text = print(false, out -> out.listing(Json.object(), "rows", COLUMNS, ROWS));
        assertEquals("""
                NAME   ENABLED  ROLES          AT                    AGENT
                alice  yes      admin,support  2026-06-01T12:00:00Z  Firefox
                bö     no       -              -                     evil?]0;owned? agent
                """, text, "aligned by characters, and no escape sequence reaches the terminal");
    }

    @Test
    void theSameListingInJsonHoldsTheSameFactsExactly() {
        String json = print(true, out -> out.listing(Json.object("username", "x"), "rows", COLUMNS, ROWS));
        assertEquals("{\"username\":\"x\",\"rows\":[{\"name\":\"alice\",\"enabled\":true,\"roles\":[\"admin\","
                + "\"support\"],\"at\":\"2026-06-01T12:00:00.500Z\",\"agent\":\"Firefox\"},{\"name\":\"b\\u00f6\","
                + "\"enabled\":false,\"roles\":[],\"at\":null,\"agent\":\"evil\\u001b]0;owned\\u0007 agent\"}]}\n",
                json);
    }

    @Test
    void anEmptyListingIsItsHeaderOrAnEmptyArray() {
        assertEquals("NAME  ENABLED  ROLES  AT  AGENT\n",
                print(false, out -> out.listing(Json.object(), "rows", COLUMNS, List.of())));
        assertEquals("{\"rows\":[]}\n", print(true, out -> out.listing(Json.object(), "rows", COLUMNS, List.of())));
    }

    @Test
    void anActionIsASentenceOrItsFields() {
        assertEquals("done it\n", print(false, out -> out.done("done it", Json.object("a", 1))));
        assertEquals("{\"a\":1}\n", print(true, out -> out.done("done it", Json.object("a", 1))));
        assertEquals("CREATE TABLE x;\n", print(false, out -> out.raw("CREATE TABLE x;\n", Json.object())));
    }

    @Test
    void aRowMustFillEveryColumn() {
        Table table = new Table(List.of("A", "B"));
        assertThrows(IllegalArgumentException.class, () -> table.row(List.of("1")));
        table.row(Arrays.asList("1", null));
        assertEquals("A  B\n1  -\n", table.render());
    }
}
