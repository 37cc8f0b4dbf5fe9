package io.hallpass.realm.admin;

import java.util.Locale;

/**
 * What the tool knows of H2 URLs. An H2 file database is open in one process at a time, unless every process opens
 * it with {@code AUTO_SERVER=TRUE} (the first then serves it to the others over TCP). H2 refuses that mode together
 * with {@code DB_CLOSE_ON_EXIT=FALSE}, which the realm adds to an H2 URL that does not set it; the tool, whose realm
 * closes just before the process ends, asks for H2's exit hook instead.
 */
final class H2Urls {

    private H2Urls() {
    }

    /** Whether the URL opens an H2 database in a file of this process (not over TCP, not in memory). */
    static boolean isEmbeddedFile(String url) {
        if (!url.startsWith("jdbc:h2:")) {
            return false;
        }
        String rest = url.substring("jdbc:h2:".length()).toLowerCase(Locale.ROOT);
        return !rest.startsWith("tcp:") && !rest.startsWith("ssl:") && !rest.startsWith("mem:");
    }

    /** The URL the tool's realm opens: with {@code DB_CLOSE_ON_EXIT=TRUE} added to an AUTO_SERVER URL lacking it. */
    static String forTool(String url) {
        String upper = url.toUpperCase(Locale.ROOT);
        if (isEmbeddedFile(url) && upper.contains("AUTO_SERVER=TRUE") && !upper.contains("DB_CLOSE_ON_EXIT")) {
            return url + ";DB_CLOSE_ON_EXIT=TRUE";
        }
        return url;
    }
}
