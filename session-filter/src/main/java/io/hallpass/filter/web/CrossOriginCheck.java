package io.hallpass.filter.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Cross-site request forgery protection without tokens, after Go 1.25's {@code CrossOriginProtection} and
 * OWASP's Fetch Metadata guidance. For unsafe methods (POST, PUT, PATCH, DELETE):
 * <ol>
 *   <li>if the browser sent {@code Sec-Fetch-Site}, only {@code same-origin} and {@code none} (typed or
 *       bookmarked) pass, and {@code same-site} only when configured;</li>
 *   <li>else, if it sent {@code Origin}, it must be this origin: the same scheme, host and port as the request
 *       (the scheme and host from {@code X-Forwarded-Proto} and {@code X-Forwarded-Host} only through a trusted
 *       proxy; {@code null} never passes). Another scheme is another origin: a plain-http page, which anyone on
 *       the network can write, must not act on the https site;</li>
 *   <li>else the request does not come from a browser (browsers send one or the other on every
 *       cross-origin unsafe request), and passes.</li>
 * </ol>
 * Safe methods always pass: they must not change state anyway.
 */
public final class CrossOriginCheck {

    private final boolean allowSameSite;
    private final ClientAddress clients;

    public CrossOriginCheck(boolean allowSameSite, ClientAddress clients) {
        this.allowSameSite = allowSameSite;
        this.clients = clients;
    }

    /** Empty if the request may proceed, else the reason it is refused (for a 403). */
    public Optional<String> check(HttpServletRequest request) {
        String method = request.getMethod();
        if (!isUnsafe(method)) {
            return Optional.empty();
        }
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            switch (site.strip().toLowerCase(Locale.ROOT)) {
                case "same-origin", "none":
                    return Optional.empty();
                case "same-site":
                    return allowSameSite ? Optional.empty() : Optional.of("cross-origin request refused (same-site)");
                default:
                    return Optional.of("cross-origin request refused");
            }
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return Optional.empty();
        }
        Origin from = Origin.parse(origin.strip());
        if (from != null && from.equals(Origin.of(clients.scheme(request), clients.host(request)))) {
            return Optional.empty();
        }
        return Optional.of("cross-origin request refused");
    }

    static boolean isUnsafe(String method) {
        return switch (method) {
            case "GET", "HEAD", "OPTIONS" -> false;
            default -> true;
        };
    }

    /** An origin as RFC 6454 compares them: scheme and host without case, the port with the scheme's default. */
    record Origin(String scheme, String host, int port) {

        /** A serialised origin ({@code https://host[:port]}), or null for {@code null} and anything else. */
        static Origin parse(String serialised) {
            if (serialised.isEmpty() || serialised.equals("null")) {
                return null;
            }
            try {
                URI uri = new URI(serialised);
                String authority = uri.getRawAuthority();
                if (uri.getScheme() == null || authority == null || authority.contains("@")
                        || (uri.getRawPath() != null && !uri.getRawPath().isEmpty()) || uri.getRawQuery() != null
                        || uri.getRawFragment() != null) {
                    return null;
                }
                // split by hand: URI.getHost() is null for names such as my_app (a container's service name)
                int colon = authority.lastIndexOf(':');
                if (colon < authority.lastIndexOf(']')) {
                    colon = -1; // the colons of an IPv6 literal
                }
                String host = colon < 0 ? authority : authority.substring(0, colon);
                String port = colon < 0 ? "" : authority.substring(colon + 1);
                if (host.isEmpty() || port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    return null;
                }
                return of(uri.getScheme(), host, port.isEmpty() ? -1 : Integer.parseInt(port));
            } catch (java.net.URISyntaxException e) {
                return null;
            }
        }

        /** The origin a request addressed: its scheme and its {@code Host} ({@code host[:port]}); null if unreadable. */
        static Origin of(String scheme, String hostAndPort) {
            return parse(scheme + "://" + hostAndPort);
        }

        private static Origin of(String scheme, String host, int port) {
            String s = scheme.toLowerCase(Locale.ROOT);
            int effective = port != -1 ? port : switch (s) {
                case "http", "ws" -> 80;
                case "https", "wss" -> 443;
                default -> -1;
            };
            return new Origin(s, host.toLowerCase(Locale.ROOT), effective);
        }
    }
}
