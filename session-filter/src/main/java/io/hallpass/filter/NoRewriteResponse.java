package io.hallpass.filter;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Disables URL rewriting: no session id, the container's or ours, ever travels in a URL, where it would leak
 * through logs, history and {@code Referer}.
 */
final class NoRewriteResponse extends HttpServletResponseWrapper {

    NoRewriteResponse(HttpServletResponse response) {
        super(response);
    }

    @Override
    public String encodeURL(String url) {
        return url;
    }

    @Override
    public String encodeRedirectURL(String url) {
        return url;
    }
}
