package io.hallpass.realm.admin;

import java.util.Locale;

/**
 * What the tool knows of H2 URLs. An H2 file database is open in one process at a time, unless every process opens
 * it with {@code AUTO_SERVER=TRUE} (the first then serves it to the others over TCP). The realm's pool leaves such a
 * URL as it is (H2 refuses the mode with {@code DB_CLOSE_ON_EXIT=FALSE}), so the tool uses the application's URL
 * unchanged.
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
}
