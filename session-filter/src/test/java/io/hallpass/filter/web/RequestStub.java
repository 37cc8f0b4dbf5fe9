package io.hallpass.filter.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.MappingMatch;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request with just the facts a check without a container reads: method, headers, connection, the
 * container's path split, cookies, attributes and the dispatch. Anything else throws, so a test cannot pass by
 * reading something it did not set up, and code under test cannot reach what the stub does not offer (the
 * response through {@code startAsync}, the container's session). The HTTP suites in {@code io.hallpass.filter.it}
 * cover the same logic in real containers.
 */
public final class RequestStub {

    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private final List<Cookie> cookies = new ArrayList<>();
    private final Map<String, Object> attributes = new HashMap<>();
    private String method = "GET";
    private String remoteAddr = "127.0.0.1";
    private String scheme = "http";
    private String serverName = "localhost";
    private int serverPort = 8080;
    private String requestUri;
    private String queryString;
    private String servletPath;
    private String pathInfo;
    private String servletName;
    private DispatcherType dispatcherType = DispatcherType.REQUEST;

    public static RequestStub get() {
        return new RequestStub();
    }

    public static RequestStub post() {
        return new RequestStub().method("POST");
    }

    public RequestStub method(String value) {
        method = value;
        return this;
    }

    public RequestStub header(String name, String value) {
        headers.computeIfAbsent(name.toLowerCase(), k -> new ArrayList<>()).add(value);
        return this;
    }

    public RequestStub from(String address) {
        remoteAddr = address;
        return this;
    }

    public RequestStub https() {
        scheme = "https";
        return this;
    }

    /**
     * The target as the container split it, mapped to {@code servlet} (null for none); the request URI is the
     * two joined, as the client would have sent it.
     */
    public RequestStub target(String servletPath, String pathInfo, String servlet) {
        this.servletPath = servletPath;
        this.pathInfo = pathInfo;
        this.servletName = servlet;
        this.requestUri = servletPath + (pathInfo == null ? "" : pathInfo);
        return this;
    }

    /** The raw request URI, when it differs from the decoded split (what the firewall compares). */
    public RequestStub uri(String raw) {
        requestUri = raw;
        return this;
    }

    /** The raw query string, as the client sent it (null for none). */
    public RequestStub query(String raw) {
        queryString = raw;
        return this;
    }

    /** A cookie, sent as the browser sends it: in the request's one {@code Cookie} header. */
    public RequestStub cookie(String name, String value) {
        cookies.add(new Cookie(name, value));
        List<String> header = headers.computeIfAbsent("cookie", k -> new ArrayList<>(List.of("")));
        String line = header.get(0);
        header.set(0, (line.isEmpty() ? "" : line + "; ") + name + "=" + value);
        return this;
    }

    /** From now on the request is a FORWARD to the target: the container's split names the target. */
    public RequestStub forwardTo(String servletPath, String pathInfo, String servlet) {
        dispatcherType = DispatcherType.FORWARD;
        this.servletPath = servletPath;
        this.pathInfo = pathInfo;
        this.servletName = servlet;
        return this;
    }

    /** From now on the request is an ASYNC dispatch to the target: the container's split names the target. */
    public RequestStub asyncDispatchTo(String servletPath, String pathInfo, String servlet) {
        forwardTo(servletPath, pathInfo, servlet);
        dispatcherType = DispatcherType.ASYNC;
        return this;
    }

    /** From now on the request is an INCLUDE of the target: the include attributes name it. */
    public RequestStub include(String servletPath, String pathInfo, String servlet) {
        dispatcherType = DispatcherType.INCLUDE;
        attributes.put(RequestDispatcher.INCLUDE_SERVLET_PATH, servletPath);
        attributes.put(RequestDispatcher.INCLUDE_PATH_INFO, pathInfo);
        attributes.put(RequestDispatcher.INCLUDE_MAPPING, mapping(servlet));
        return this;
    }

    public Object attribute(String name) {
        return attributes.get(name);
    }

    public HttpServletRequest build() {
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
                    case "getRequestURI" -> targeted(requestUri);
                    case "getQueryString" -> queryString;
                    case "getServletPath" -> targeted(servletPath);
                    case "getPathInfo" -> targeted(pathInfo);
                    case "getHttpServletMapping" -> targeted(mapping(servletName));
                    case "getCookies" -> cookies.isEmpty() ? null : cookies.toArray(new Cookie[0]);
                    case "getDispatcherType" -> dispatcherType;
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> {
                        attributes.put((String) args[0], args[1]);
                        yield null;
                    }
                    case "removeAttribute" -> {
                        attributes.remove((String) args[0]);
                        yield null;
                    }
                    case "toString" -> "RequestStub[" + method + " " + requestUri + "]";
                    default -> throw new UnsupportedOperationException("RequestStub does not answer " + m.getName());
                });
    }

    private <T> T targeted(T value) {
        if (requestUri == null) {
            throw new UnsupportedOperationException("RequestStub has no target: call target(...) first");
        }
        return value;
    }

    private static HttpServletMapping mapping(String servlet) {
        return new HttpServletMapping() {
            @Override
            public String getMatchValue() {
                throw new UnsupportedOperationException("getMatchValue");
            }

            @Override
            public String getPattern() {
                throw new UnsupportedOperationException("getPattern");
            }

            @Override
            public String getServletName() {
                return servlet;
            }

            @Override
            public MappingMatch getMappingMatch() {
                throw new UnsupportedOperationException("getMappingMatch");
            }
        };
    }
}
