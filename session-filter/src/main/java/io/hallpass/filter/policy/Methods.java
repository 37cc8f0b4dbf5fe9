package io.hallpass.filter.policy;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The HTTP methods rules can name, in a fixed order used for indexes, reports and {@code Allow} headers. */
final class Methods {

    static final List<String> ALL = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    static final int COUNT = ALL.size();
    static final int GET = 0;
    static final int HEAD = 1;
    static final Set<String> ALL_SET = ordered(ALL);

    private Methods() {
    }

    /** The method's index in {@link #ALL}, or -1 for any other (including lower-case) method. */
    static int index(String method) {
        if (method == null) {
            return -1;
        }
        switch (method) {
            case "GET":
                return 0;
            case "HEAD":
                return 1;
            case "POST":
                return 2;
            case "PUT":
                return 3;
            case "PATCH":
                return 4;
            case "DELETE":
                return 5;
            case "OPTIONS":
                return 6;
            default:
                return -1;
        }
    }

    /** An unmodifiable copy in the canonical order; unknown names are kept, after the known ones. */
    static Set<String> ordered(Collection<String> methods) {
        Set<String> out = new LinkedHashSet<>();
        for (String m : ALL) {
            if (methods.contains(m)) {
                out.add(m);
            }
        }
        out.addAll(methods);
        return Collections.unmodifiableSet(out);
    }
}
