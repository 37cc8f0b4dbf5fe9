package io.hallpass.realm.admin;

import io.hallpass.realm.SchemaAction;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** {@code schema check} and {@code schema create [--dry-run]}. */
final class SchemaCommands {

    private SchemaCommands() {
    }

    /** Starting the realm validates the schema; a mismatch is refused there, naming the first difference. */
    static void check(Call call) {
        call.realm(SchemaAction.VALIDATE);
        call.out.done("the schema matches the realm's mapping", Json.object("matches", true));
    }

    static void create(Call call) {
        String database = database(call.jdbcUrl());
        String resource = "io/hallpass/realm/ddl/" + database + ".sql";
        if (call.invocation.has(Option.DRY_RUN)) {
            String ddl = read(resource);
            call.out.raw(ddl, Json.object("database", database, "resource", resource, "ddl", ddl));
            return;
        }
        call.realm(SchemaAction.CREATE_IF_MISSING);
        call.out.done("ran " + resource + " (every statement IF NOT EXISTS); the schema matches the realm's mapping",
                Json.object("database", database, "resource", resource, "matches", true));
    }

    /** Which shipped DDL a JDBC URL needs. */
    static String database(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return "h2";
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return "postgresql";
        }
        if (jdbcUrl.startsWith("jdbc:mariadb:")) {
            return "mariadb";
        }
        throw Failure.refused("Hallpass ships DDL for H2, PostgreSQL and MariaDB (jdbc:h2:, jdbc:postgresql:,"
                + " jdbc:mariadb:); create the tables of another database yourself");
    }

    private static String read(String resource) {
        try (InputStream in = SchemaCommands.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + resource, e);
        }
    }
}
