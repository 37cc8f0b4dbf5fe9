package io.hallpass.realm.jpa;

import java.util.Arrays;

/** The cache key of a session: the 32-byte hash of its token (never the token), with its hash code computed once. */
final class TokenKey {

    private final byte[] hash;
    private final int hashCode;

    TokenKey(byte[] hash) {
        this.hash = hash;
        // the bytes are a cryptographic hash already: any four of them spread as well as Arrays.hashCode would
        this.hashCode = (hash[0] & 0xff) << 24 | (hash[1] & 0xff) << 16 | (hash[2] & 0xff) << 8 | hash[3] & 0xff;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TokenKey k && k.hashCode == hashCode && Arrays.equals(k.hash, hash);
    }

    @Override
    public int hashCode() {
        return hashCode;
    }

    @Override
    public String toString() {
        return "TokenKey[...]"; // a token hash is not the token, but there is no reason to print it either
    }
}
