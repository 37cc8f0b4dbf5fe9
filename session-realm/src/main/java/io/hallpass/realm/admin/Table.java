package io.hallpass.realm.admin;

import io.hallpass.realm.ClientFacts;
import java.util.ArrayList;
import java.util.List;

/**
 * A listing as text: a header line and rows, in columns two spaces apart, the last one unpadded. Cells are made
 * safe for a terminal: what came from clients (a user agent, an audit detail) can carry no control character, so
 * no escape sequence reaches the operator's screen.
 */
final class Table {

    private final List<List<String>> lines = new ArrayList<>();

    Table(List<String> headers) {
        lines.add(List.copyOf(headers));
    }

    void row(List<String> cells) {
        if (cells.size() != lines.get(0).size()) {
            throw new IllegalArgumentException("a row needs " + lines.get(0).size() + " cells");
        }
        List<String> safe = new ArrayList<>();
        for (String cell : cells) {
            String clipped = ClientFacts.clip(cell, Integer.MAX_VALUE);
            safe.add(clipped == null ? "-" : clipped);
        }
        lines.add(safe);
    }

    String render() {
        int columns = lines.get(0).size();
        int[] widths = new int[columns];
        for (List<String> line : lines) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], width(line.get(c)));
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> line : lines) {
            StringBuilder text = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                String cell = line.get(c);
                text.append(cell);
                if (c < columns - 1) {
                    text.append(" ".repeat(widths[c] - width(cell) + 2));
                }
            }
            out.append(text.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static int width(String cell) {
        return cell.codePointCount(0, cell.length());
    }
}
