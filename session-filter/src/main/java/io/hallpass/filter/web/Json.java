package io.hallpass.filter.web;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The little JSON Hallpass speaks: it writes small objects for its own answers, and reads the flat objects
 * its endpoints accept ({@code {"username": "...", "password": "..."}}). Not a general JSON library: input is
 * size-limited by the caller, nesting is limited here, and only string members are returned.
 */
public final class Json {

    private static final int MAX_DEPTH = 8;

    private Json() {
    }

    /** A JSON string literal. */
    public static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                // '<', '>' and '&' escaped so that a JSON answer can never be sniffed into markup
                case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A JSON array of strings. */
    public static String array(Collection<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (String v : values) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(quote(v));
        }
        return out.append(']').toString();
    }

    /** Builds a JSON object from name/value pairs; values are {@code String}, {@code Number}, {@code Boolean}, a collection of strings, or already-written JSON wrapped in {@link Raw}. */
    public static String object(Object... namesAndValues) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quote((String) namesAndValues[i])).append(':');
            Object v = namesAndValues[i + 1];
            if (v == null) {
                out.append("null");
            } else if (v instanceof Number || v instanceof Boolean) {
                out.append(v);
            } else if (v instanceof Raw raw) {
                out.append(raw.json());
            } else if (v instanceof Collection<?> c) {
                out.append(array(c.stream().map(String::valueOf).toList()));
            } else {
                out.append(quote(v.toString()));
            }
        }
        return out.append('}').toString();
    }

    /** JSON text that is inserted as it is. */
    public record Raw(String json) {
    }

    /**
     * The string members of a JSON object; members of other types are skipped.
     *
     * @throws IllegalArgumentException if the text is not one well-formed JSON object
     */
    public static Map<String, String> readObject(String text) {
        Parser p = new Parser(text);
        p.skipWhitespace();
        if (p.peek() != '{') {
            throw new IllegalArgumentException("expected a JSON object");
        }
        Map<String, String> out = new LinkedHashMap<>();
        p.object(out, 1);
        p.skipWhitespace();
        if (!p.atEnd()) {
            throw new IllegalArgumentException("unexpected text after the JSON object");
        }
        return out;
    }

    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        boolean atEnd() {
            return i >= s.length();
        }

        char peek() {
            return atEnd() ? '\0' : s.charAt(i);
        }

        void skipWhitespace() {
            while (!atEnd() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\n' || s.charAt(i) == '\r')) {
                i++;
            }
        }

        void expect(char c) {
            skipWhitespace();
            if (peek() != c) {
                throw new IllegalArgumentException("malformed JSON near position " + i);
            }
            i++;
        }

        /** Parses an object; when {@code out} is non-null, stores its string members. */
        void object(Map<String, String> out, int depth) {
            if (depth > MAX_DEPTH) {
                throw new IllegalArgumentException("JSON nested too deeply");
            }
            expect('{');
            skipWhitespace();
            if (peek() == '}') {
                i++;
                return;
            }
            while (true) {
                skipWhitespace();
                String name = string();
                expect(':');
                skipWhitespace();
                if (peek() == '"') {
                    String value = string();
                    if (out != null) {
                        if (out.containsKey(name)) {
                            throw new IllegalArgumentException("duplicate member in JSON object");
                        }
                        out.put(name, value);
                    }
                } else {
                    value(depth);
                }
                skipWhitespace();
                if (peek() == ',') {
                    i++;
                    continue;
                }
                expect('}');
                return;
            }
        }

        void array(int depth) {
            if (depth > MAX_DEPTH) {
                throw new IllegalArgumentException("JSON nested too deeply");
            }
            expect('[');
            skipWhitespace();
            if (peek() == ']') {
                i++;
                return;
            }
            while (true) {
                skipWhitespace();
                value(depth);
                skipWhitespace();
                if (peek() == ',') {
                    i++;
                    continue;
                }
                expect(']');
                return;
            }
        }

        void value(int depth) {
            skipWhitespace();
            char c = peek();
            if (c == '"') {
                string();
            } else if (c == '{') {
                object(null, depth + 1);
            } else if (c == '[') {
                array(depth + 1);
            } else if (s.startsWith("true", i)) {
                i += 4;
            } else if (s.startsWith("false", i)) {
                i += 5;
            } else if (s.startsWith("null", i)) {
                i += 4;
            } else {
                int start = i;
                while (!atEnd() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                    i++;
                }
                if (i == start) {
                    throw new IllegalArgumentException("malformed JSON near position " + i);
                }
                try {
                    Double.parseDouble(s.substring(start, i));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("malformed JSON number near position " + start);
                }
            }
        }

        String string() {
            if (peek() != '"') {
                throw new IllegalArgumentException("malformed JSON near position " + i);
            }
            i++;
            StringBuilder out = new StringBuilder();
            while (true) {
                if (atEnd()) {
                    throw new IllegalArgumentException("unterminated JSON string");
                }
                char c = s.charAt(i++);
                if (c == '"') {
                    return out.toString();
                }
                if (c < 0x20) {
                    throw new IllegalArgumentException("control character in JSON string");
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (atEnd()) {
                    throw new IllegalArgumentException("unterminated JSON string");
                }
                char e = s.charAt(i++);
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        int code = 0;
                        for (int k = 0; k < 4; k++) {
                            int digit = i < s.length() ? "0123456789abcdef".indexOf(Character.toLowerCase(s.charAt(i++))) : -1;
                            if (digit < 0) {
                                throw new IllegalArgumentException("bad \\u escape in JSON string");
                            }
                            code = code * 16 + digit;
                        }
                        out.append((char) code);
                    }
                    default -> throw new IllegalArgumentException("bad escape in JSON string");
                }
            }
        }
    }
}
