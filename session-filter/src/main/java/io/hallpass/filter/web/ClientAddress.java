package io.hallpass.filter.web;

import io.hallpass.filter.config.Cidr;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/**
 * Who the client is and which host it asked for. The socket's peer is the client unless that peer is a
 * configured trusted proxy: only then do {@code X-Forwarded-For}, {@code X-Forwarded-Host} and
 * {@code X-Forwarded-Proto} count. With no trusted proxy configured (the default), a client cannot change
 * what we believe about it by sending those headers.
 */
public final class ClientAddress {

    private final List<Cidr> trusted;

    public ClientAddress(List<Cidr> trustedProxies) {
        this.trusted = List.copyOf(trustedProxies);
    }

    /** Whether the direct peer of this request is a trusted proxy. */
    public boolean fromTrustedProxy(HttpServletRequest request) {
        return !trusted.isEmpty() && isTrusted(Cidr.literal(request.getRemoteAddr()));
    }

    /**
     * The client's address: the socket peer, or, behind trusted proxies, the rightmost {@code X-Forwarded-For}
     * entry that is not itself a trusted proxy.
     */
    public String clientIp(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (!fromTrustedProxy(request)) {
            return peer;
        }
        String current = peer;
        var headers = request.getHeaders("X-Forwarded-For");
        StringBuilder all = new StringBuilder();
        while (headers != null && headers.hasMoreElements()) {
            if (all.length() > 0) {
                all.append(',');
            }
            all.append(headers.nextElement());
        }
        String[] hops = all.toString().split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (hop.isEmpty()) {
                continue;
            }
            byte[] address = Cidr.literal(hop);
            if (address == null) {
                return current; // a forged or garbled entry: trust nothing to the left of it
            }
            current = hop;
            if (!isTrusted(address)) {
                return hop;
            }
        }
        return current;
    }

    /** The host (and port) the client asked for: {@code Host}, or {@code X-Forwarded-Host} behind a trusted proxy. */
    public String host(HttpServletRequest request) {
        if (fromTrustedProxy(request)) {
            String forwarded = request.getHeader("X-Forwarded-Host");
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.split(",", 2)[0].strip();
            }
        }
        String host = request.getHeader("Host");
        if (host == null || host.isBlank()) {
            int port = request.getServerPort();
            String scheme = request.getScheme();
            boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
            return request.getServerName() + (defaultPort ? "" : ":" + port);
        }
        return host.strip();
    }

    /** {@code https} or {@code http}: {@code X-Forwarded-Proto} behind a trusted proxy, else the connection's. */
    public String scheme(HttpServletRequest request) {
        if (fromTrustedProxy(request)) {
            String forwarded = request.getHeader("X-Forwarded-Proto");
            if (forwarded != null) {
                String proto = forwarded.split(",", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
                if (proto.equals("https") || proto.equals("http")) {
                    return proto;
                }
            }
        }
        return request.isSecure() ? "https" : request.getScheme();
    }

    private boolean isTrusted(byte[] address) {
        if (address == null) {
            return false;
        }
        for (Cidr cidr : trusted) {
            if (cidr.contains(address)) {
                return true;
            }
        }
        return false;
    }
}
