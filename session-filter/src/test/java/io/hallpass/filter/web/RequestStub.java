package io.hallpass.filter.web;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request with just the headers and connection facts a pure check reads, for unit tests of header logic.
 * Anything else throws, so a test cannot pass by reading something it did not set up. The HTTP suites in
 * {@code io.hallpass.filter.it} cover the same logic in real containers.
 */
final class RequestStub {

    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private String method = "GET";
    private String remoteAddr = "127.0.0.1";
    private String scheme = "http";
    private String serverName = "localhost";
    private int serverPort = 8080;

    static RequestStub get() {
        return new RequestStub();
    }

    static RequestStub post() {
        return new RequestStub().method("POST");
    }

    RequestStub method(String value) {
        method = value;
        return this;
    }

    RequestStub header(String name, String value) {
        headers.computeIfAbsent(name.toLowerCase(), k -> new ArrayList<>()).add(value);
        return this;
    }

    RequestStub from(String address) {
        remoteAddr = address;
        return this;
    }

    RequestStub https() {
        scheme = "https";
        return this;
    }

    HttpServletRequest build() {
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getRemoteAddr" -> remoteAddr;
                    case "getScheme" -> scheme;
                    case "isSecure" -> scheme.equals("https");
                    case "getServerName" -> serverName;
                    case "getServerPort" -> serverPort;
                    case "getHeader" -> {
                        List<String> values = headers.get(((String) args[0]).toLowerCase());
                        yield values == null ? null : values.get(0);
                    }
                    case "getHeaders" -> Collections.enumeration(
                            headers.getOrDefault(((String) args[0]).toLowerCase(), List.of()));
                    case "toString" -> "RequestStub[" + method + "]";
                    default -> throw new UnsupportedOperationException("RequestStub does not answer " + m.getName());
                });
    }
}
