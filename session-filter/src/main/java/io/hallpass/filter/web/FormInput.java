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
 * only ever taken from the body: a query string naming {@code password} or {@code username} is refused, since
 * URLs end up in logs and browser history.
 */
public final class FormInput {

    static final int MAX_JSON_BYTES = 8 * 1024;
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

    public static FormInput read(HttpServletRequest request) throws Refused, IOException {
        String query = request.getQueryString();
        if (query != null) {
            for (String pair : query.split("&")) {
                String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
                if (BODY_ONLY.contains(name)) {
                    throw new Refused(400, "credentials belong in the request body, not the URL");
                }
            }
        }
        String type = request.getContentType();
        String mediaType = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (mediaType.equals("application/json")) {
            return new FormInput(readJson(request), true);
        }
        if (mediaType.equals("application/x-www-form-urlencoded")) {
            if (request.getCharacterEncoding() == null) {
                request.setCharacterEncoding("UTF-8");
            }
            Map<String, String> out = new HashMap<>();
            for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
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
