package io.hallpass.filter.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client over a plain socket, so that tests send exactly the bytes they mean: no client
 * library normalises {@code /a/../b}, re-encodes {@code %2F} or drops a duplicate header on the way.
 */
public final class RawHttp {

    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    /** An HTTP response as received. Header names are lower-cased; repeated headers keep every value. */
    public record Response(int status, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }

        public List<String> headers(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }

        /** The value the response sets for a cookie ("" when it clears it), or null if it does not set it. */
        public String cookie(String name) {
            for (String setCookie : headers("set-cookie")) {
                if (setCookie.startsWith(name + "=")) {
                    return setCookie.substring(name.length() + 1).split(";", 2)[0];
                }
            }
            return null;
        }

        public String setCookieHeader(String name) {
            for (String setCookie : headers("set-cookie")) {
                if (setCookie.startsWith(name + "=")) {
                    return setCookie;
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return status + " " + headers + "\n" + (body.length() > 500 ? body.substring(0, 500) + "..." : body);
        }
    }

    /** Starts a request: {@code http.request("GET", "/path").header(...).send()}. */
    public Request request(String method, String target) {
        return new Request(method, target);
    }

    public final class Request {
        private final String method;
        private final String target;
        private final List<String[]> headers = new ArrayList<>();
        private byte[] body;
        private InetAddress from;

        Request(String method, String target) {
            this.method = method;
            this.target = target;
        }

        public Request header(String name, String value) {
            headers.add(new String[] {name, value});
            return this;
        }

        /** Sends from this local loopback address (any of 127.0.0.0/8 on Linux), to appear as another client. */
        public Request from(String loopbackAddress) {
            try {
                from = InetAddress.getByName(loopbackAddress);
            } catch (java.net.UnknownHostException e) {
                throw new IllegalArgumentException(e);
            }
            return this;
        }

        public Request cookie(String cookieHeaderValue) {
            return cookieHeaderValue == null ? this : header("Cookie", cookieHeaderValue);
        }

        public Request browser() {
            return header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        }

        public Request api() {
            return header("Accept", "application/json");
        }

        public Request sameOrigin() {
            return header("Origin", "http://127.0.0.1:" + port).header("Sec-Fetch-Site", "same-origin");
        }

        public Request form(String urlEncoded) {
            header("Content-Type", "application/x-www-form-urlencoded");
            body = urlEncoded.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        public Request json(String json) {
            header("Content-Type", "application/json");
            body = json.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        public Response send() {
            try (Socket socket = from == null ? new Socket(InetAddress.getLoopbackAddress(), port)
                    : new Socket(InetAddress.getLoopbackAddress(), port, from, 0)) {
                socket.setSoTimeout(30_000);
                StringBuilder head = new StringBuilder();
                head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
                head.append("Host: 127.0.0.1:").append(port).append("\r\n");
                for (String[] h : headers) {
                    head.append(h[0]).append(": ").append(h[1]).append("\r\n");
                }
                if (body != null) {
                    head.append("Content-Length: ").append(body.length).append("\r\n");
                }
                head.append("Connection: close\r\n\r\n");
                OutputStream out = socket.getOutputStream();
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                if (body != null) {
                    out.write(body);
                }
                out.flush();
                return parse(socket.getInputStream(), method.equals("HEAD"));
            } catch (IOException e) {
                throw new AssertionError("request " + method + " " + target + " failed: " + e, e);
            }
        }
    }

    /**
     * Sends {@code request} exactly as given, request line, headers, framing and body (a bare CR, a folded header, a
     * broken chunk), then closes the sending side, and answers the response, or null if the server closed the
     * connection without answering.
     */
    public Response raw(byte[] request) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            socket.shutdownOutput();
            java.io.BufferedInputStream in = new java.io.BufferedInputStream(socket.getInputStream());
            in.mark(1);
            if (in.read() < 0) {
                return null;
            }
            in.reset();
            return parse(in, false);
        } catch (java.net.SocketException e) {
            return null; // reset by the server: refused without an answer
        } catch (IOException e) {
            throw new AssertionError("raw request failed: " + e, e);
        }
    }

    private static Response parse(InputStream in, boolean head) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        byte[] bytes = all.toByteArray();
        int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (end < 0) {
            throw new IOException("no complete response head in " + bytes.length + " bytes");
        }
        String[] lines = new String(bytes, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ", 3)[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).strip());
        }
        byte[] rest = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
        List<String> encoding = headers.get("transfer-encoding");
        if (!head && encoding != null && encoding.get(0).equalsIgnoreCase("chunked")) {
            rest = dechunk(rest);
        }
        Response response = new Response(status, headers, head ? "" : new String(rest, StandardCharsets.UTF_8));
        for (String setCookie : response.headers("set-cookie")) {
            if (setCookie.startsWith("__Host-hallpass")) {
                LeakWatch.issued(setCookie.substring(setCookie.indexOf('=') + 1).split(";", 2)[0]);
            }
        }
        return response;
    }

    private static byte[] dechunk(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < data.length) {
            int lineEnd = indexOf(java.util.Arrays.copyOfRange(data, i, data.length), new byte[] {'\r', '\n'});
            if (lineEnd < 0) {
                break;
            }
            String sizeText = new String(data, i, lineEnd, StandardCharsets.ISO_8859_1).split(";", 2)[0].strip();
            int size = Integer.parseInt(sizeText, 16);
            i += lineEnd + 2;
            if (size == 0) {
                break;
            }
            out.write(data, i, size);
            i += size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
