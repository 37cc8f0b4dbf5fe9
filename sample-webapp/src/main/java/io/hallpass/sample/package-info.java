/**
 * Northwind Portal, the Hallpass sample application.
 *
 * <p>How it fits together: {@code WEB-INF/web.xml} declares the Hallpass filter on {@code /*} and every servlet;
 * {@code WEB-INF/hallpass-rules.txt} says who may reach which path; the servlets carry annotations
 * ({@code @Public}, {@code @Authenticated}, {@code @RequireRole}, {@code @Sensitive}) that must pass as well.
 * Servlets are thin: they read the request, ask the realm ({@code Hallpass.realm(context)}) and the current
 * session ({@code Hallpass.session(request)}), and hand plain values to pages, which are pure functions returning
 * {@link io.hallpass.sample.web.Html}.
 *
 * <ul>
 *   <li>{@link io.hallpass.sample.web}: escaping, JSON, the page frame, replies and refusals;</li>
 *   <li>{@link io.hallpass.sample.site}: home, sign-in, ping, static files, error pages, demo accounts;</li>
 *   <li>{@link io.hallpass.sample.account}: the signed-in user's account, sessions, password, export;</li>
 *   <li>{@link io.hallpass.sample.shop}: orders, billing, payouts, reports, on fixed demo data;</li>
 *   <li>{@link io.hallpass.sample.admin}: users, roles, sessions and the audit trail;</li>
 *   <li>{@link io.hallpass.sample.api}: the small JSON API;</li>
 *   <li>{@link io.hallpass.sample.launcher}: the runnable jar (not part of the WAR).</li>
 * </ul>
 */
package io.hallpass.sample;
