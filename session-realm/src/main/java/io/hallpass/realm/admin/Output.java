package io.hallpass.realm.admin;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a command prints on standard output: text for people (a table, a sentence), or with {@code --json} one JSON
 * document for scripts, built from the same columns so that both always show the same facts.
 */
final class Output {

    private final PrintStream out;
    private final boolean json;

    Output(PrintStream out, boolean json) {
        this.out = out;
        this.json = json;
    }

    /**
     * A listing: in text, a table; in JSON, an object holding {@code context} and then {@code key}, an array with
     * one object a row.
     */
    <T> void listing(Map<String, Object> context, String key, List<Column<T>> columns, List<T> rows) {
        if (json) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (T row : rows) {
                items.add(fields(columns, row));
            }
            Map<String, Object> document = new LinkedHashMap<>(context);
            document.put(key, items);
            print(document);
            return;
        }
        List<String> headers = new ArrayList<>();
        columns.forEach(column -> headers.add(column.header()));
        Table table = new Table(headers);
        for (T row : rows) {
            List<String> cells = new ArrayList<>();
            for (Column<T> column : columns) {
                cells.add(text(column.value().apply(row)));
            }
            table.row(cells);
        }
        out.print(table.render());
        out.flush();
    }

    /** One row as a JSON object: each column's key and value. */
    static <T> Map<String, Object> fields(List<Column<T>> columns, T row) {
        Map<String, Object> item = new LinkedHashMap<>();
        for (Column<T> column : columns) {
            item.put(column.key(), column.value().apply(row));
        }
        return item;
    }

    /** The outcome of an action: a sentence in text, {@code fields} in JSON. */
    void done(String sentence, Map<String, Object> fields) {
        raw(sentence + "\n", fields);
    }

    /** A text printed as it is (the DDL of a dry run), or {@code fields} in JSON. */
    void raw(String text, Map<String, Object> fields) {
        if (json) {
            print(fields);
        } else {
            out.print(text);
            out.flush();
        }
    }

    private void print(Map<String, Object> document) {
        out.println(Json.write(document));
        out.flush();
    }

    private static String text(Object value) {
        if (value == null) {
            return "-";
        }
        if (value instanceof Instant instant) {
            return Times.text(instant);
        }
        if (value instanceof Boolean yes) {
            return yes ? "yes" : "no";
        }
        if (value instanceof Collection<?> items) {
            List<String> parts = new ArrayList<>();
            items.forEach(item -> parts.add(text(item)));
            return parts.isEmpty() ? "-" : String.join(",", parts);
        }
        return value.toString();
    }
}
