package io.hallpass.filter.path;

/**
 * The one path that rules are matched on: the container's own, already canonical split of the request,
 * {@code servletPath + pathInfo}, never a path decoded by hand from the request URI.
 *
 * <p>A request to the context root comes out as {@code "/"} whichever way the container split it
 * ({@code servletPath ""} with {@code pathInfo "/"} for a {@code ""} or {@code /*} mapping,
 * {@code servletPath "/"} with no path info for the default servlet).
 *
 * <pre>{@code
 * String path = RequestPath.of(request.getServletPath(), request.getPathInfo());
 * Permission p = policy.lookup(request.getMethod(), path, servletName);
 * }</pre>
 *
 * For an INCLUDE dispatch pass the {@code jakarta.servlet.include.servlet_path} and
 * {@code jakarta.servlet.include.path_info} attributes instead: they name the included resource.
 */
public final class RequestPath {

    private RequestPath() {
    }

    /**
     * Joins the container's servlet path and path info.
     *
     * @param servletPath the servlet path, {@code ""} (or null) for a {@code /*} or {@code ""} mapping
     * @param pathInfo    the path info, or null
     * @return the path to match rules on; never empty
     */
    public static String of(String servletPath, String pathInfo) {
        String servlet = servletPath == null ? "" : servletPath;
        if (pathInfo == null || pathInfo.isEmpty()) {
            return servlet.isEmpty() ? "/" : servlet;
        }
        return servlet.isEmpty() ? pathInfo : servlet.concat(pathInfo);
    }
}
