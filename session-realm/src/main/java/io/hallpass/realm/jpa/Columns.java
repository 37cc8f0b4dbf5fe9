package io.hallpass.realm.jpa;

/** Column sizes shared by the mapping and the checks on input. */
final class Columns {

    /** Usernames: at most 256 code points, so at most 512 UTF-16 units. */
    static final int USERNAME = 512;
    static final int PUBLIC_ID = 32;
    static final int REASON = 64;
    static final int ACTOR = 128;
    static final int DETAIL = 512;
    static final int AUDIT_TYPE = 32;
    static final int HASH = 32;
    static final int CHANGE_CAUSE = 32;
    /** A keyed fingerprint (HMAC-SHA-256) as hex. */
    static final int FINGERPRINT = 64;

    private Columns() {
    }
}
