package io.hallpass.filter.policy;

/**
 * A servlet url-pattern, in the four forms of Servlet 6.1 section 12.2 plus the context root, checked so
 * that it can match a canonical path at all.
 *
 * @param kind  the form
 * @param value for {@link Kind#EXACT} the path; for {@link Kind#PREFIX} the prefix without {@code /*}
 *              ({@code ""} for {@code /*}); for {@link Kind#EXTENSION} the suffix with its dot
 *              ({@code .jsp}); {@code "/"} for {@link Kind#DEFAULT} and {@link Kind#CONTEXT_ROOT}
 */
record UrlPattern(Kind kind, String value) {

    enum Kind { EXACT, CONTEXT_ROOT, PREFIX, EXTENSION, DEFAULT }

    static final String STAR = "'*' is only allowed as \"/prefix/*\" or \"*.ext\"";

    /** Parses a rule's pattern; the exception's message is the problem, for a {@link PolicyException}. */
    static UrlPattern parse(String text) {
        if (text.equals("\"\"")) {
            return new UrlPattern(Kind.CONTEXT_ROOT, "/");
        }
        if (text.indexOf('"') >= 0) {
            throw new IllegalArgumentException("quotes are only allowed as \"\", the pattern of the context root");
        }
        if (text.equals("/")) {
            return new UrlPattern(Kind.DEFAULT, "/");
        }
        if (text.startsWith("*.")) {
            String extension = text.substring(2);
            if (extension.isEmpty()) {
                throw new IllegalArgumentException("\"*.\" needs an extension, as in \"*.jsp\"");
            }
            if (extension.indexOf('*') >= 0) {
                throw new IllegalArgumentException(STAR);
            }
            if (extension.indexOf('/') >= 0 || extension.indexOf('.') >= 0) {
                throw new IllegalArgumentException("an extension is what follows the last '.' of the last segment,"
                        + " so it cannot contain '/' or '.'");
            }
            checkCharacters(extension);
            return new UrlPattern(Kind.EXTENSION, "." + extension);
        }
        if (!text.startsWith("/")) {
            throw new IllegalArgumentException(text.indexOf('*') >= 0 ? STAR
                    : "a pattern is \"/exact/path\", \"/prefix/*\", \"*.ext\", \"/\" or \"\"");
        }
        if (text.endsWith("/*")) {
            String prefix = text.substring(0, text.length() - 2);
            if (prefix.indexOf('*') >= 0) {
                throw new IllegalArgumentException(STAR);
            }
            checkPath(text.substring(0, text.length() - 1));
            return new UrlPattern(Kind.PREFIX, prefix);
        }
        if (text.indexOf('*') >= 0) {
            throw new IllegalArgumentException(STAR);
        }
        checkPath(text);
        return new UrlPattern(Kind.EXACT, text);
    }

    /**
     * Reads a servlet mapping as the container does ({@code ""} is the context root, unquoted), without the
     * rule syntax's checks: the container has accepted it already. Answers null for a mapping that can never
     * select a path ({@code *.tar.gz}: an extension is what follows the last '.'; anything not starting with
     * '/' or "*.").
     */
    static UrlPattern ofMapping(String mapping) {
        if (mapping.isEmpty()) {
            return new UrlPattern(Kind.CONTEXT_ROOT, "/");
        }
        if (mapping.equals("/")) {
            return new UrlPattern(Kind.DEFAULT, "/");
        }
        if (mapping.startsWith("*.")) {
            String extension = mapping.substring(2);
            return extension.isEmpty() || extension.indexOf('.') >= 0 || extension.indexOf('/') >= 0 ? null
                    : new UrlPattern(Kind.EXTENSION, "." + extension);
        }
        if (!mapping.startsWith("/")) {
            return null;
        }
        if (mapping.endsWith("/*")) {
            return new UrlPattern(Kind.PREFIX, mapping.substring(0, mapping.length() - 2));
        }
        return new UrlPattern(Kind.EXACT, mapping);
    }

    /** Whether this is a catch-all: the default pattern {@code /} or the root prefix {@code /*}. */
    boolean isCatchAll() {
        return kind == Kind.DEFAULT || (kind == Kind.PREFIX && value.isEmpty());
    }

    /** Refuses what a firewalled, canonical path can never contain: such a pattern would never match. */
    private static void checkPath(String path) {
        checkCharacters(path);
        if (path.contains("//")) {
            throw new IllegalArgumentException("'//' can never match: the firewall refuses empty segments");
        }
        int segmentStart = 1;
        for (int i = 1; i <= path.length(); i++) {
            if (i == path.length() || path.charAt(i) == '/') {
                String segment = path.substring(segmentStart, i);
                if (segment.equals(".") || segment.equals("..")) {
                    throw new IllegalArgumentException("'" + segment
                            + "' segments can never match: the firewall refuses dot segments");
                }
                segmentStart = i + 1;
            }
        }
    }

    private static void checkCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                throw new IllegalArgumentException("control characters can never match");
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                throw new IllegalArgumentException("a pattern cannot contain white space");
            }
            switch (c) {
                case '%':
                    throw new IllegalArgumentException("'%' can never match: rules match the decoded path "
                            + "(write the character itself), and the firewall refuses '%' in it");
                case ';':
                    throw new IllegalArgumentException("';' can never match: the firewall refuses path parameters");
                case '\\':
                    throw new IllegalArgumentException("'\\' can never match: the firewall refuses backslashes");
                default:
                    break;
            }
        }
    }

    /** Whether this pattern matches {@code path}, by servlet rules (used for reports, not for lookups). */
    boolean matches(String path) {
        return switch (kind) {
            case EXACT, CONTEXT_ROOT -> path.equals(value);
            case PREFIX -> path.startsWith(value)
                    && (path.length() == value.length() || path.charAt(value.length()) == '/');
            case EXTENSION -> path.endsWith(value);
            case DEFAULT -> true;
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case EXACT -> value;
            case CONTEXT_ROOT -> "\"\"";
            case PREFIX -> value + "/*";
            case EXTENSION -> "*" + value;
            case DEFAULT -> "/";
        };
    }
}
