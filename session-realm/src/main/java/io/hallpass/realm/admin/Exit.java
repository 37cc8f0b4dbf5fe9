package io.hallpass.realm.admin;

/** The tool's exit codes, which scripts rely on. */
enum Exit {
    /** Done as asked. */
    DONE(0),
    /** Refused: no such account, the wrong state (disabling a disabled account), a schema that does not match. */
    REFUSED(1),
    /** Bad arguments: unknown command or option, a missing or malformed value, a password on the command line. */
    BAD_ARGUMENTS(2),
    /** The database could not be reached. */
    UNAVAILABLE(3);

    final int code;

    Exit(int code) {
        this.code = code;
    }
}
