package io.hallpass.realm;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable picture of an account. It never carries the password hash.
 *
 * @param id                the account's id
 * @param username          the normalised username
 * @param enabled           whether the account may log in and use its sessions
 * @param roles             the effective roles (unexpired grants) when the picture was taken
 * @param createdAt         when the account was created
 * @param passwordChangedAt when the password was last set
 */
public record AccountView(long id, String username, boolean enabled, Set<String> roles, Instant createdAt,
                          Instant passwordChangedAt) {

    public AccountView {
        Objects.requireNonNull(username, "username");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(passwordChangedAt, "passwordChangedAt");
    }
}
