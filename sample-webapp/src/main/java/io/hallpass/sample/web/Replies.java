package io.hallpass.sample.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * How the portal writes its answers: HTML pages with the security headers, JSON for API clients, plain text,
 * and the 303 redirect that ends a form post.
 */
public final class Replies {

    /**
     * No script at all, styles and images only from the portal itself, forms only to the portal, and no
     * framing. The pages need nothing more.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private Replies() {
    }

    /** Whether this request asked for JSON (see {@link Negotiation#prefersJson}). */
    public static boolean wantsJson(HttpServletRequest request) {
        return Negotiation.prefersJson(request.getHeader("Accept"));
    }

    public static void html(HttpServletResponse response, int status, Html page) throws IOException {
        headers(response);
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        write(response, page.toString());
    }

    public static void json(HttpServletResponse response, int status, Object value) throws IOException {
        headers(response);
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        write(response, Json.write(value));
    }

    public static void text(HttpServletResponse response, int status, String text) throws IOException {
        headers(response);
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        write(response, text);
    }

    /** A JSON error body: {@code {"error":"bad_request","message":"..."}}. */
    public static void jsonError(HttpServletResponse response, int status, String error, String message)
            throws IOException {
        json(response, status, Json.object("error", error, "message", message));
    }

    /**
     * Ends a form post: 303 See Other to an app-relative path (with its query), so that reloading the page
     * does not post the form again.
     */
    public static void seeOther(HttpServletRequest request, HttpServletResponse response, String path) {
        headers(response);
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + path);
    }

    /** The headers every page of the portal carries. */
    public static void headers(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        // same-origin keeps the Referer the filter uses to send a re-authenticated user back to the form
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("X-Frame-Options", "DENY");
    }

    private static void write(HttpServletResponse response, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
