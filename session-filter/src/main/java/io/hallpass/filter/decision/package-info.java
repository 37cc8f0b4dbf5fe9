/**
 * Deciding one request: a pure function from what the policy demands to what the filter does.
 *
 * <p>{@link io.hallpass.filter.decision.Decider#decide} takes the request's
 * {@link io.hallpass.filter.policy.Permission} (from {@link io.hallpass.filter.policy.Policy#lookup}), a
 * lazy lookup of the session in the realm, and the time, and returns one
 * {@link io.hallpass.filter.decision.Decision}: {@code Allow}, {@code Unauthenticated}, {@code Forbidden},
 * {@code StepUp} or {@code Reject}. Deciding and responding are separate: the filter's gate turns each case
 * into an outcome ({@link io.hallpass.filter.decision.Decision#match}), the responder answers it (redirect or
 * 401 with a challenge, 403, re-authentication, 405), and neither computes policy.
 *
 * <p>The session is looked up only when the requirement needs one: {@code public} and {@code deny} paths,
 * and methods the rules do not name, are decided without touching the realm, so they keep working when the
 * database does not. A realm failure during the lookup propagates unchanged; the filter fails closed with 503.
 */
package io.hallpass.filter.decision;
