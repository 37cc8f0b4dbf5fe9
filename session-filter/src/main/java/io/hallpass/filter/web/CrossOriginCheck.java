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
 *   <li>else, if it sent {@code Origin}, it must name this host ({@code null} never passes);</li>
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
        String originHost = hostOf(origin.strip());
        if (originHost != null && originHost.equalsIgnoreCase(clients.host(request))) {
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

    /** {@code host[:port]} of a serialised origin, or null for {@code null} and anything that is not an origin. */
    static String hostOf(String origin) {
        if (origin.isEmpty() || origin.equals("null")) {
            return null;
        }
        try {
            URI uri = new URI(origin);
            if (uri.getScheme() == null || uri.getRawAuthority() == null || uri.getRawUserInfo() != null
                    || (uri.getRawPath() != null && !uri.getRawPath().isEmpty()) || uri.getRawQuery() != null) {
                return null;
            }
            return uri.getRawAuthority();
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
