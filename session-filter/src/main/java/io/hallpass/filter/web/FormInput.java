package io.hallpass.filter.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the fields the filter's endpoints accept, from an HTML form post or a JSON object. Credentials are
 * only ever taken from the body: a query string naming {@code password} or {@code username} is refused
 * ({@link #refuseCredentialsInUrl}), since URLs end up in logs and browser history, and since the container
 * merges query parameters into a form post's.
 */
public final class FormInput {

    static final int MAX_JSON_BYTES = 8 * 1024;
    /** The largest form body read: a sign-in form is a few hundred bytes. */
    static final int MAX_FORM_BYTES = 8 * 1024;
    private static final Set<String> BODY_ONLY = Set.of("password", "username", "current", "new");

    private final Map<String, String> fields;
    private final boolean json;

    private FormInput(Map<String, String> fields, boolean json) {
        this.fields = fields;
        this.json = json;
    }

    /** Refused input, with the status to answer and a short message. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;

        Refused(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /**
     * Refuses a query string that carries a credential, however its name is written. The names are decoded as
     * the container decodes them for {@code getParameter} ({@code +} is a space, {@code %XX} a byte, the bytes
     * UTF-8; the name ends at the first {@code =}, the pairs at {@code &}) and compared without case and
     * surrounding white space, so {@code pass%77ord}, {@code %70assword}, {@code PASSWORD} and {@code password+}
     * are all {@code password}. A name that cannot be decoded is refused too: the container would read it in
     * its own way (or fail on it), and only one reading may decide. Neither message names the value.
     */
    public static void refuseCredentialsInUrl(HttpServletRequest request) throws Refused {
        String query = request.getQueryString();
        if (query == null) {
            return;
        }
        for (String pair : query.split("&")) {
            String name = decode(pair.split("=", 2)[0]);
            if (name == null) {
                throw new Refused(400, "the query string is not valid percent-encoded UTF-8");
            }
            if (BODY_ONLY.contains(name.strip().toLowerCase(Locale.ROOT))) {
                throw new Refused(400, "credentials belong in the request body, not the URL");
            }
        }
    }

    /** {@code application/x-www-form-urlencoded} decoding of one name, or null if it is not valid. */
    static String decode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                int high = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(encoded.charAt(i + 2), 16);
                if (low < 0) {
                    return null;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c > 0x7f) {
                return null; // a container never hands over a raw query string with characters beyond ASCII
            } else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Reads the body's fields; the caller has already called {@link #refuseCredentialsInUrl}. */
    public static FormInput read(HttpServletRequest request) throws Refused, IOException {
        String type;
        try {
            type = request.getContentType();
        } catch (RuntimeException e) {
            // Jetty parses the charset here and throws for one it does not know
            throw new Refused(415, "unsupported charset");
        }
        String mediaType = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (mediaType.equals("application/json")) {
            return new FormInput(readJson(request), true);
        }
        if (mediaType.equals("application/x-www-form-urlencoded")) {
            if (request.getContentLengthLong() > MAX_FORM_BYTES) {
                throw new Refused(413, "request body too large");
            }
            Map<String, String[]> parameters;
            try {
                if (request.getCharacterEncoding() == null) {
                    request.setCharacterEncoding("UTF-8");
                }
                parameters = request.getParameterMap();
            } catch (RuntimeException e) {
                // the container could not parse the body: bad percent-encoding, bytes its charset cannot decode, an
                // unknown charset, more than its own limit, a body cut short. Tomcat and Jetty throw (each its own
                // type) with a message that quotes the input, which may be a password: neither goes anywhere.
                throw new Refused(400, "the form body cannot be read");
            }
            Map<String, String> out = new HashMap<>();
            for (Map.Entry<String, String[]> e : parameters.entrySet()) {
                if (e.getValue().length > 1) {
                    throw new Refused(400, "field '" + safeName(e.getKey()) + "' given more than once");
                }
                out.put(e.getKey(), e.getValue()[0]);
            }
            return new FormInput(out, false);
        }
        throw new Refused(415, "send application/x-www-form-urlencoded or application/json");
    }

    private static Map<String, String> readJson(HttpServletRequest request) throws Refused, IOException {
        if (request.getContentLengthLong() > MAX_JSON_BYTES) {
            throw new Refused(413, "request body too large");
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[1024];
        try (InputStream in = request.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                body.write(buffer, 0, n);
                if (body.size() > MAX_JSON_BYTES) {
                    throw new Refused(413, "request body too large");
                }
            }
        } catch (IOException | RuntimeException e) {
            // a body cut short, broken chunked framing: the container's reader fails, and the client gets a 400
            throw new Refused(400, "the request body cannot be read");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(body.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new Refused(400, "request body is not valid UTF-8");
        }
        try {
            return Json.readObject(text);
        } catch (IllegalArgumentException e) {
            throw new Refused(400, "request body is not a JSON object: " + e.getMessage());
        }
    }

    private static String safeName(String name) {
        return name.length() <= 32 && name.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '\'') ? name : "?";
    }

    /** The field's value, or null if absent. */
    public String get(String name) {
        return fields.get(name);
    }

    /** Whether the body was JSON (the client then gets JSON answers). */
    public boolean isJson() {
        return json;
    }
}
