package io.hallpass.realm;

/** What the realm does with the database schema when it starts. */
public enum SchemaAction {
    /**
     * Creates whichever Hallpass tables and indexes are missing, with the same DDL that is shipped for DBAs
     * (every statement is {@code IF NOT EXISTS}), then validates the schema against the mapping.
     */
    CREATE_IF_MISSING,
    /** Checks that the tables and columns match the mapping and refuses to start if not. */
    VALIDATE,
    /** Trusts the schema as it is. */
    NONE;

    /** Parses the configuration spelling: {@code create-if-missing}, {@code validate}, {@code none}. */
    public static SchemaAction parse(String value) {
        if (value != null) {
            for (SchemaAction action : values()) {
                if (action.configName().equals(value.trim())) {
                    return action;
                }
            }
        }
        throw new InvalidInputException("schema action must be one of create-if-missing, validate, none");
    }

    public String configName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
