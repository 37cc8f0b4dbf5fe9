package io.hallpass.sample.web;

import java.util.Locale;

/**
 * Decides whether a client asked for JSON. The portal's pages answer HTML to browsers and JSON to API clients
 * from the same URL: {@code GET /account/sessions} with {@code Accept: application/json} gets the list as JSON,
 * and a form post with that header gets a JSON answer instead of a redirect.
 */
public final class Negotiation {

    private Negotiation() {
    }

    /**
     * Whether the {@code Accept} header prefers JSON over HTML: JSON (or a {@code +json} type) is listed with a
     * quality above zero, and HTML is either absent or ranked lower. A missing header means HTML.
     */
    public static boolean prefersJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        double json = -1;
        double html = -1;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            double quality = quality(parts);
            if (type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"))) {
                json = Math.max(json, quality);
            } else if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
                html = Math.max(html, quality);
            }
        }
        return json > 0 && json > html;
    }

    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (parameter.startsWith("q=") || parameter.startsWith("Q=")) {
                try {
                    double q = Double.parseDouble(parameter.substring(2).trim());
                    return q >= 0 && q <= 1 ? q : 0;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
