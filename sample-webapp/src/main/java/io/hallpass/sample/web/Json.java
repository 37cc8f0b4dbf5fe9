package io.hallpass.sample.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the portal's small JSON answers. It knows strings, numbers, booleans, null, instants (as ISO-8601
 * strings), maps (objects, in their iteration order) and collections (arrays); that is all the portal sends,
 * so it needs no library.
 *
 * <pre>{@code
 * Json.write(Json.object("username", "alice", "roles", List.of("customer")))
 * // {"username":"alice","roles":["customer"]}
 * }</pre>
 *
 * <p>{@code <}, {@code >} and {@code &} are written as {@code \u003c} and so on, so that an answer stays
 * harmless even if someone pastes it into a page.
 */
public final class Json {

    private Json() {
    }

    /** An object from alternating names and values, in that order. */
    public static Map<String, Object> object(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            object.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return object;
    }

    public static String write(Object value) {
        StringBuilder out = new StringBuilder(128);
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof CharSequence text) {
            string(text, out);
        } else if (value instanceof Boolean flag) {
            out.append(flag.booleanValue());
        } else if (value instanceof BigDecimal decimal) {
            out.append(decimal.toPlainString());
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            out.append(value);
        } else if (value instanceof Instant instant) {
            string(instant.toString(), out);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> member : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(String.valueOf(member.getKey()), out);
                out.append(':');
                write(member.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof Collection<?> items) {
            out.append('[');
            boolean first = true;
            for (Object item : items) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(item, out);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as JSON");
        }
    }

    /** A string literal, escaped as the filter escapes its own answers (markup characters too). */
    private static void string(CharSequence text, StringBuilder out) {
        out.append(io.hallpass.filter.web.Json.quote(text.toString()));
    }
}
