package io.hallpass.realm.admin;

/**
 * Every option the tool knows, with whether it takes a value. Global options apply to every command and may
 * stand before or after it; the others belong to the commands that list them in {@link Command}.
 */
enum Option {
    JDBC_URL("jdbc-url", "URL", true, "the application's database, as in the filter's jdbc-url (required)"),
    JDBC_USER("jdbc-user", "USER", true, "the database user; the password comes from HALLPASS_JDBC_PASSWORD or,"
            + " with a console, from a prompt"),
    JSON("json", null, true, "print one JSON document on standard output, for scripts"),
    VERBOSE("verbose", null, true, "show the libraries' log (Hibernate, HikariCP) and the realm's on standard"
            + " error"),
    ARGON2_MEMORY_KIB("argon2-memory-kib", "KIB", true, "Argon2id memory of new password hashes (default 19456);"
            + " as the filter's setting"),
    ARGON2_ITERATIONS("argon2-iterations", "N", true, "Argon2id passes (default 2); as the filter's setting"),
    ARGON2_PARALLELISM("argon2-parallelism", "N", true, "Argon2id lanes (default 1); as the filter's setting"),
    IDLE_TIMEOUT("idle-timeout", "DURATION", true, "as the filter's idle-timeout (default 30m): which sessions"
            + " are live, and what purge deletes"),
    ABSOLUTE_TIMEOUT("absolute-timeout", "DURATION", true, "as the filter's absolute-timeout (default 12h)"),
    THROTTLE_COOL_DOWN("throttle-account-cool-down", "DURATION", true, "as the filter's"
            + " throttle-account-cool-down (default 24h): which sign-in throttle counters purge deletes"),

    ROLE("role", "ROLE", false, "grant this role to the new account (repeatable)"),
    PASSWORD_STDIN("password-stdin", null, false, "read the new password from the first line of standard input"
            + " (UTF-8) instead of asking twice on the console"),
    UNTIL("until", "WHEN", false, "the grant expires at WHEN: an ISO-8601 instant (2026-12-31T18:00:00Z) or a"
            + " duration from now (30d, 12h, PT90M); without it, the grant does not expire"),
    ALL("all", null, false, "revoke every live session of the account"),
    TYPE("type", "TYPE", false, "only events of this type (repeatable, or comma-separated), e.g. LOGIN_FAILED"),
    SINCE("since", "WHEN", false, "only events at or after WHEN: an ISO-8601 instant or a duration back from now"
            + " (24h, 7d)"),
    LIMIT("limit", "N", false, "at most N events, the newest (default 50, at most 10000)"),
    DRY_RUN("dry-run", null, false, "print the DDL that would run and change nothing");

    final String name;
    /** The placeholder of the value in help texts, or null for a flag. */
    final String value;
    final boolean global;
    final String help;

    Option(String name, String value, boolean global, String help) {
        this.name = name;
        this.value = value;
        this.global = global;
        this.help = help;
    }

    boolean takesValue() {
        return value != null;
    }

    /** Whether the option may be given more than once. */
    boolean repeatable() {
        return this == ROLE || this == TYPE;
    }

    /** How it is written on the command line, such as {@code --jdbc-url}. */
    String spelling() {
        return "--" + name;
    }

    /** The option written {@code --name}, or null. */
    static Option named(String spelling) {
        for (Option option : values()) {
            if (option.spelling().equals(spelling)) {
                return option;
            }
        }
        return null;
    }

    /** {@code --name VALUE} or {@code --name}, for help texts. */
    String synopsis() {
        return takesValue() ? spelling() + " " + value : spelling();
    }
}
