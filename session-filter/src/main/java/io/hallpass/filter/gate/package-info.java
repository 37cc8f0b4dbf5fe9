/**
 * The way of one request through Hallpass, as values: the {@link io.hallpass.filter.gate.Gate} takes the request
 * (or a forward or include) and names an {@link io.hallpass.filter.gate.Outcome}; it never writes the response
 * and never calls the filter chain.
 *
 * <p>The filter acts on the outcome: {@code Admit} runs the application behind the request wrapper,
 * {@code RunEndpoint} runs a sign-in, sign-out or re-authentication endpoint, {@code Proceed} lets a dispatch
 * through, {@code Refused} goes to the one {@link io.hallpass.filter.web.Responder}, {@code LeftOut} drops a
 * refused include. A refusal ({@link io.hallpass.filter.web.Refusal}) names its reason as a
 * {@link io.hallpass.filter.web.Refusal.Kind}, so anything that observes requests reads one value.
 */
package io.hallpass.filter.gate;
