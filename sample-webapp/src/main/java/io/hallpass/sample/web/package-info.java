/**
 * What every page and servlet of the portal shares. {@link io.hallpass.sample.web.Html} makes escaping the
 * default ({@code Html.format("<td>{}</td>", username)} escapes the username); {@link io.hallpass.sample.web.Layout}
 * is the frame; {@link io.hallpass.sample.web.Replies} writes answers with the security headers;
 * {@link io.hallpass.sample.web.PortalServlet} turns a {@link io.hallpass.sample.web.Problem} into a 400 or 404 page
 * (or JSON), and anything unexpected into the generic 500 page, never a stack trace.
 */
package io.hallpass.sample.web;
