package io.hallpass.realm;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which audit events {@link AuditRealm#auditTrail(AuditQuery)} answers: those of one account (or of all), of some
 * types (or of all), at or after an instant (or of any age), the newest {@code limit} of them.
 *
 * <pre>{@code
 * // the failed sign-ins of the last day, of every account
 * List<AuditEvent> failures = realm.auditTrail(new AuditQuery(null,
 *         Set.of(AuditEvent.Type.LOGIN_FAILED, AuditEvent.Type.LOGIN_LOCKED),
 *         realm.clock().instant().minus(Duration.ofDays(1)), 500));
 * }</pre>
 *
 * @param accountId the account whose events are wanted, or null for all events (those of no account included)
 * @param types     the types wanted; empty (or null) for every type
 * @param since     the earliest time wanted, inclusive; null for no bound
 * @param limit     at most this many events, the newest: between 1 and {@value #MAX_LIMIT}
 */
public record AuditQuery(Long accountId, Set<AuditEvent.Type> types, Instant since, int limit) {

    public static final int MAX_LIMIT = 10_000;

    public AuditQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("audit trail limit must be between 1 and " + MAX_LIMIT + ", was "
                    + limit);
        }
        Set<AuditEvent.Type> copy = EnumSet.noneOf(AuditEvent.Type.class);
        if (types != null) {
            for (AuditEvent.Type type : types) {
                if (type == null) {
                    throw new InvalidInputException("audit event types must not contain null");
                }
                copy.add(type);
            }
        }
        types = Collections.unmodifiableSet(copy);
    }

    /** The newest {@code limit} events of an account, or of all with null, of every type and age. */
    public static AuditQuery newest(Long accountId, int limit) {
        return new AuditQuery(accountId, Set.of(), null, limit);
    }
}
