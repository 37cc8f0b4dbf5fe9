package io.hallpass.sample.admin;

import io.hallpass.realm.RoleNames;
import io.hallpass.sample.web.Problem;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The role form of {@code POST /admin/users/{name}/roles}: fields {@code role}, {@code action} ({@code grant}
 * or {@code revoke}) and, for a grant, an optional {@code expiresAt} (an ISO-8601 instant such as
 * {@code 2030-01-31T17:00:00Z}) for temporary access.
 *
 * @param role      the role name
 * @param grant     true to grant, false to revoke
 * @param expiresAt when a grant ends, or null for no end
 */
public record RoleChange(String role, boolean grant, Instant expiresAt) {

    /**
     * Checks the form fields.
     *
     * @param now the realm's clock, so that a grant cannot expire in the past
     * @throws Problem 400 with a short message naming the field
     */
    public static RoleChange parse(String role, String action, String expiresAt, Instant now) {
        if (role == null || role.isBlank()) {
            throw Problem.badRequest("the field 'role' is required");
        }
        String name = role.strip();
        if (!RoleNames.isValid(name)) {
            throw Problem.badRequest("role must be 1-" + RoleNames.MAX_LENGTH
                    + " characters of A-Z, a-z, 0-9, '_', '.', '-', starting with a letter or digit");
        }
        if (action == null || action.isBlank()) {
            throw Problem.badRequest("the field 'action' is required");
        }
        boolean grant;
        switch (action.strip()) {
            case "grant" -> grant = true;
            case "revoke" -> grant = false;
            default -> throw Problem.badRequest("action must be 'grant' or 'revoke'");
        }
        Instant until = null;
        if (expiresAt != null && !expiresAt.isBlank()) {
            if (!grant) {
                throw Problem.badRequest("expiresAt applies to a grant, not to a revocation");
            }
            try {
                until = Instant.parse(expiresAt.strip());
            } catch (DateTimeParseException e) {
                throw Problem.badRequest("expiresAt must be an ISO-8601 instant, like 2030-01-31T17:00:00Z");
            }
            if (!until.isAfter(now)) {
                throw Problem.badRequest("expiresAt must be in the future");
            }
        }
        return new RoleChange(name, grant, until);
    }
}
