/**
 * What Hallpass does, as a stream of events, and the JMX metrics that count it.
 *
 * <p>The places where things happen each publish one {@link io.hallpass.filter.event.HallpassEvent} to the filter's
 * {@link io.hallpass.filter.event.Events}: the {@link io.hallpass.filter.web.Responder}, the only writer of refusals,
 * publishes every refusal; the sign-in, sign-out and re-authentication endpoints publish their outcomes; the gate
 * publishes a step-up it demands, the request's session a revocation by the risk policy, the purge schedule each
 * run. A request that is let through publishes nothing and allocates nothing for events.
 *
 * <p>Listeners receive the stream: the {@link io.hallpass.filter.event.Metrics} first (registered on the platform
 * MBean server per context path by {@link io.hallpass.filter.event.MetricsRegistration}), then the application's
 * {@link io.hallpass.filter.event.HallpassListener}s, named by the {@code event-listeners} setting or found through
 * {@code ServiceLoader}. A listener that throws is counted and logged; the request goes on.
 *
 * <p>The audit trail is not a listener: its rows about sign-ins, revocations and password changes are written by the
 * realm in the same transaction as the change they describe, so that they commit (or not) with it. The filter's own
 * two audit rows (a risk signal, a step-up the risk policy required) stay where the decision is made.
 */
package io.hallpass.filter.event;
