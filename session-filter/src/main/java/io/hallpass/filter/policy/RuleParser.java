package io.hallpass.filter.policy;

import io.hallpass.realm.RoleNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads rule text into {@link Rule}s, refusing anything not exactly in the documented syntax. */
final class RuleParser {

    private static final String SYNTAX = "a rule is [METHODS] PATTERN = REQUIREMENT [, OPTION]...";

    private final RuleSource source;
    private final Duration defaultReauthWindow;

    RuleParser(RuleSource source, Duration defaultReauthWindow) {
        this.source = source;
        this.defaultReauthWindow = defaultReauthWindow;
    }

    List<Rule> parse() throws PolicyException {
        List<Rule> rules = new ArrayList<>();
        String text = source.text();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte order mark left by an editor is not part of the first rule
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            if (raw.endsWith("\r")) {
                raw = raw.substring(0, raw.length() - 1);
            }
            int hash = raw.indexOf('#');
            String rule = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
            if (rule.isEmpty()) {
                continue;
            }
            try {
                rules.add(parseLine(i + 1, rule));
            } catch (IllegalArgumentException e) {
                throw new PolicyException(source.origin(), i + 1, rule, e.getMessage());
            }
        }
        return rules;
    }

    private Rule parseLine(int line, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\t' && (Character.isISOControl(c) || c == '\u2028' || c == '\u2029')) {
                throw new IllegalArgumentException("control characters are not allowed in a rule");
            }
        }
        int equals = text.lastIndexOf('=');
        if (equals < 0) {
            throw new IllegalArgumentException("missing '=': " + SYNTAX);
        }
        String left = text.substring(0, equals).strip();
        String right = text.substring(equals + 1).strip();
        if (left.isEmpty()) {
            throw new IllegalArgumentException("missing pattern before '=': " + SYNTAX);
        }
        if (right.isEmpty()) {
            throw new IllegalArgumentException("missing requirement after '=': " + SYNTAX);
        }
        String[] words = left.split("\\s+");
        Set<String> methods = null;
        String patternText;
        if (words.length == 1) {
            patternText = words[0];
        } else if (words.length == 2 && looksLikeMethods(words[0])) {
            methods = parseMethods(words[0]);
            patternText = words[1];
        } else {
            throw new IllegalArgumentException("expected [METHODS] PATTERN before '=' (methods are separated by "
                    + "',' without spaces, and a pattern cannot contain white space)");
        }
        UrlPattern pattern = UrlPattern.parse(patternText);

        String[] parts = right.split(",", -1);
        Requirement requirement = parseRequirement(parts[0].strip());
        Duration reauth = null;
        Duration idle = null;
        for (int i = 1; i < parts.length; i++) {
            String option = parts[i].strip();
            if (option.isEmpty()) {
                throw new IllegalArgumentException("empty option after ','");
            }
            if (requirement instanceof Requirement.Public || requirement instanceof Requirement.Deny) {
                throw new IllegalArgumentException("options are not allowed on " + requirement
                        + ": reauth and idle only make sense for signed-in users");
            }
            if (option.equals("reauth") || option.startsWith("reauth:")) {
                if (reauth != null) {
                    throw new IllegalArgumentException("duplicate option reauth");
                }
                reauth = option.equals("reauth") ? defaultReauthWindow
                        : Durations.parse(option.substring("reauth:".length()));
            } else if (option.startsWith("idle:")) {
                if (idle != null) {
                    throw new IllegalArgumentException("duplicate option idle");
                }
                idle = Durations.parse(option.substring("idle:".length()));
            } else {
                throw new IllegalArgumentException("unknown option \"" + Texts.printable(option)
                        + "\" (options are reauth, reauth:DURATION and idle:DURATION)");
            }
        }
        return new Rule(line, text, methods, pattern, requirement, reauth, idle);
    }

    private static boolean looksLikeMethods(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (!(Character.isLetter(c) || c == ',')) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> parseMethods(String word) {
        Set<String> methods = new LinkedHashSet<>();
        for (String method : word.split(",", -1)) {
            if (method.isEmpty()) {
                throw new IllegalArgumentException("empty method name in \"" + word + "\"");
            }
            if (Methods.index(method) < 0) {
                String upper = method.toUpperCase(Locale.ROOT);
                if (Methods.index(upper) >= 0) {
                    throw new IllegalArgumentException("methods are case-sensitive: write " + upper
                            + " instead of " + method);
                }
                throw new IllegalArgumentException("unknown method \"" + method + "\" (allowed: "
                        + String.join(", ", Methods.ALL) + ")");
            }
            if (!methods.add(method)) {
                throw new IllegalArgumentException("method " + method + " is listed twice");
            }
        }
        return methods;
    }

    private static Requirement parseRequirement(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("missing requirement after '='");
        }
        String[] alternatives = text.split("\\|", -1);
        if (alternatives.length == 1) {
            switch (text) {
                case "public":
                    return Requirement.PUBLIC;
                case "authenticated":
                    return Requirement.AUTHENTICATED;
                case "deny":
                    return Requirement.DENY;
                default:
                    break;
            }
        }
        Set<String> roles = new LinkedHashSet<>();
        for (String alternative : alternatives) {
            String word = alternative.strip();
            if (word.isEmpty()) {
                throw new IllegalArgumentException("empty alternative around '|'");
            }
            if (word.equals("public") || word.equals("authenticated") || word.equals("deny")) {
                throw new IllegalArgumentException(word + " cannot be combined with '|': only role:NAME alternatives can");
            }
            if (!word.startsWith("role:")) {
                throw new IllegalArgumentException("unknown requirement \"" + Texts.printable(word)
                        + "\" (requirements are public, authenticated, deny and role:NAME | role:NAME ...)");
            }
            String role = word.substring("role:".length());
            if (!RoleNames.isValid(role)) {
                throw new IllegalArgumentException("invalid role name \"" + Texts.printable(role) + "\": role names are 1-"
                        + RoleNames.MAX_LENGTH + " characters of A-Z, a-z, 0-9, '_', '.', '-', starting with a letter or digit");
            }
            if (!roles.add(role)) {
                throw new IllegalArgumentException("role " + role + " is listed twice");
            }
        }
        return Requirement.Roles.anyOf(roles);
    }
}
