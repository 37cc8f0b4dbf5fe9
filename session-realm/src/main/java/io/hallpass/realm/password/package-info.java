/**
 * Password hashing: Argon2id (BouncyCastle) in PHC string form, the rules a password must meet, and the bound on
 * how many hashes run at once. Internal to the realm (public only so that the JPA implementation in a sibling
 * package can use it).
 *
 * <p>{@link io.hallpass.realm.password.PasswordRules} turns what a user typed into the bytes that are hashed
 * (NFKC, as NIST SP 800-63B asks, and at most 1024 UTF-8 bytes, refused before any hashing).
 * {@link io.hallpass.realm.password.PasswordHasher} hashes and verifies them, one PHC string per account, and
 * hands out {@linkplain io.hallpass.realm.password.PasswordHasher.Permit permits} from a fair semaphore so that
 * a login storm queues briefly and then answers "busy" instead of starving the server's cores.
 */
package io.hallpass.realm.password;
