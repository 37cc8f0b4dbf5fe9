package io.hallpass.filter.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * Whether a request comes from a browser page (answered with redirects and pages) or from an API client
 * (answered with status codes and JSON). A browser is a request whose {@code Accept} prefers HTML over JSON;
 * {@code fetch()}/XHR calls, {@code curl} and clients sending no {@code Accept} are API clients.
 */
public final class ClientKind {

    private ClientKind() {
    }

    public static boolean isBrowser(HttpServletRequest request) {
        if ("XMLHttpRequest".equalsIgnoreCase(request.getHeader("X-Requested-With"))) {
            return false;
        }
        return prefersHtml(request.getHeader("Accept"));
    }

    static boolean prefersHtml(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        double html = 0;
        double json = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].strip().toLowerCase(Locale.ROOT);
            double q = 1.0;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].strip();
                if (p.startsWith("q=") || p.startsWith("Q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
                html = Math.max(html, q);
            } else if (type.equals("application/json") || type.endsWith("+json")) {
                json = Math.max(json, q);
            }
        }
        return html > 0 && html >= json;
    }
}
