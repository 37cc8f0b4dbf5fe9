/**
 * Session tokens: how they are made, recognised and hashed. Internal to the realm (public only so that the
 * JPA implementation in a sibling package can use it); applications never need it.
 *
 * <h2>Format</h2>
 * A token is {@code hp1_}, then 43 base64url characters carrying 256 random bits, then 6 base64url characters
 * carrying the CRC-32 of those bits: 53 characters in all, matched by
 * <pre>{@code hp1_[A-Za-z0-9_-]{49}}</pre>
 * The prefix lets secret scanners and log filters recognise a leaked token; the checksum lets the realm refuse
 * a mistyped, truncated or invented string without a database round trip. The checksum is not a secret and
 * proves nothing about authenticity: only the database lookup does that.
 *
 * <h2>At rest</h2>
 * Only {@link io.hallpass.realm.token.TokenCodec#hash(String) a hash} of the token is stored: SHA-256, or
 * HMAC-SHA-256 when a pepper is configured, so that a copy of the database alone cannot even confirm a
 * guessed token.
 */
package io.hallpass.realm.token;
