/**
 * Risk-based friction: strict where it counts, calm everywhere else.
 *
 * <p>For every request of a signed-in session, the filter asks a {@link io.hallpass.filter.risk.RiskPolicy}
 * about the facts the realm already returned (the device and network the session signed in from, its user
 * agent, the failed attempts before the sign-in) against this request's facts. The
 * {@link io.hallpass.filter.risk.RiskAssessment} it answers can only add friction: cap the re-authentication
 * window of sensitive actions, demand re-authentication for them, or end the session. It never grants
 * anything. The filter exposes the assessment to the application as the request attribute
 * {@code io.hallpass.risk}, so a page can tell the user "you signed in from a new device".
 */
package io.hallpass.filter.risk;
