package io.hallpass.filter.config;

import io.hallpass.filter.policy.Durations;
import io.hallpass.realm.InvalidInputException;
import io.hallpass.realm.PasswordCost;
import io.hallpass.realm.SchemaAction;
import io.hallpass.realm.SessionCacheSettings;
import io.hallpass.realm.SessionLimit;
import io.hallpass.realm.SignInThrottle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Every setting of the filter, read once at {@code init} and then immutable.
 *
 * <p>Each setting {@code NAME} is read from the filter's init-param {@code NAME}, else from the context-param
 * {@code hallpass.NAME}, else it takes its default. A bad or conflicting value is refused with a message naming
 * the setting, where it came from and the problem; so is a name that is no setting (an init-param, or a
 * context-param starting with {@code hallpass.}), with the setting probably meant, since a misspelt setting
 * would otherwise silently leave its default in place. All problems are reported together, and the filter then
 * refuses to start, so the application fails to deploy instead of running unprotected.
 */
public record FilterSettings(
        String jndiDataSource,
        String jdbcUrl,
        String jdbcUser,
        String jdbcPassword,
        int jdbcPoolSize,
        SchemaAction schemaAction,
        String rules,
        String rulesFile,
        boolean denyUnmatched,
        Duration idleTimeout,
        Duration absoluteTimeout,
        Duration reauthWithin,
        Duration rotationGrace,
        String cookieName,
        boolean cookieSecure,
        String cookieSameSite,
        String loginPage,
        String loginPath,
        String logoutPath,
        String reauthPath,
        String pageStylesheet,
        List<Cidr> trustedProxies,
        boolean csrfAllowSameSite,
        String cacheControl,
        String clearSiteData,
        SignInThrottle signInThrottle,
        SessionLimit sessionLimit,
        PasswordCost passwordCost,
        byte[] tokenPepper,
        Duration purgeInterval,
        String deviceCookieName,
        String riskPolicy,
        Duration newDeviceReauthWithin,
        String networkChange,
        String userAgentChange,
        int failedLoginsBeforeSuccess,
        SessionCacheSettings sessionCache,
        List<String> eventListeners) {

    /** Context-params carry this prefix; init-params do not. */
    public static final String CONTEXT_PREFIX = "hallpass.";

    /**
     * Every setting name, in the order the README documents them: the names {@link #read} accepts (reading a
     * name not listed here is a programming error, and fails every test that reads the settings).
     */
    public static final List<String> NAMES = List.of(
            "jndi-datasource", "jdbc-url", "jdbc-user", "jdbc-password", "jdbc-pool-size", "schema-action",
            "rules", "rules-file", "deny-unmatched",
            "idle-timeout", "absolute-timeout", "reauth-within", "rotation-grace",
            "cookie-name", "allow-unprefixed-cookie-name", "cookie-secure", "cookie-same-site",
            "login-page", "login-path", "logout-path", "reauth-path", "page-stylesheet",
            "trusted-proxies", "csrf-allow-same-site", "cache-control", "clear-site-data",
            "throttle-free-failures", "throttle-first-delay", "throttle-max-delay", "throttle-account-ceiling",
            "throttle-account-cool-down", "max-sessions", "max-sessions-policy",
            "argon2-memory-kib", "argon2-iterations", "argon2-parallelism", "token-pepper-env",
            "purge-interval",
            "device-cookie-name", "risk-policy", "risk-new-device-reauth-within", "risk-network-change",
            "risk-user-agent-change", "risk-failed-logins",
            "session-cache", "session-cache-size", "session-cache-bound", "event-listeners");

    private static final List<String> CLEAR_SITE_DATA_TYPES = List.of("cookies", "storage", "cache");
    private static final Pattern COOKIE_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}");
    private static final String JAVA_IDENTIFIER = "\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*";
    private static final Pattern JAVA_NAME = Pattern.compile(JAVA_IDENTIFIER + "(?:[.$]" + JAVA_IDENTIFIER + ")*");
    private static final Pattern APP_PATH = Pattern.compile("/[A-Za-z0-9._~!$&'()*+,=:@/-]*");

    /** How long a rotated token keeps working when the deployer does not say, unless half the idle timeout is less. */
    private static final Duration DEFAULT_ROTATION_GRACE = Duration.ofSeconds(10);

    /**
     * Reads and checks every setting.
     *
     * @param initParams    the filter's init-params, by name
     * @param contextParams the context's init-params, by full name (those not starting with {@code hallpass.} are
     *                      the application's and are not looked at)
     * @param environment   the process environment (for {@code token-pepper-env})
     * @param realmProvided the application handed in its own realm, so no database settings are needed
     * @throws SettingsException listing every problem found
     */
    public static FilterSettings read(Map<String, String> initParams, Map<String, String> contextParams,
                                      Function<String, String> environment, boolean realmProvided)
            throws SettingsException {
        Reader r = new Reader(initParams, contextParams);

        String jndi = r.string("jndi-datasource", null);
        String jdbcUrl = r.string("jdbc-url", null);
        String jdbcUser = r.string("jdbc-user", null);
        String jdbcPassword = r.secret("jdbc-password");
        int poolSize = r.integer("jdbc-pool-size", 10, 1, 1000);
        if (realmProvided) {
            if (jndi != null || jdbcUrl != null) {
                r.problem(jndi != null ? "jndi-datasource" : "jdbc-url", null,
                        "the application provides its own realm; database settings would be ignored");
            }
        } else if (jndi == null && jdbcUrl == null) {
            r.problem("jdbc-url", null, "configure the database: set jdbc-url (for example "
                    + "jdbc:h2:file:./hallpass-data/hallpass) or jndi-datasource");
        } else if (jndi != null && jdbcUrl != null) {
            r.problem("jndi-datasource", jndi, "set either jndi-datasource or jdbc-url, not both");
        }
        if (jdbcUrl != null && !jdbcUrl.startsWith("jdbc:")) {
            r.problem("jdbc-url", null, "must start with 'jdbc:'");
        }
        if (jndi != null && (jdbcUser != null || jdbcPassword != null)) {
            r.problem("jdbc-user", null, "jdbc-user and jdbc-password apply to jdbc-url, not to a JNDI data source");
        }
        SchemaAction schema = null;
        String schemaText = r.string("schema-action", null);
        if (schemaText != null) {
            try {
                schema = SchemaAction.parse(schemaText);
            } catch (InvalidInputException e) {
                r.problem("schema-action", schemaText, "must be create-if-missing, validate or none");
            }
        }

        String rules = r.raw("rules");
        String rulesFile = r.string("rules-file", null);
        if (rules != null && rulesFile != null) {
            r.problem("rules-file", rulesFile, "set either rules or rules-file, not both");
        }
        if (rulesFile != null && !rulesFile.startsWith("/WEB-INF/")) {
            r.problem("rules-file", rulesFile, "must be a file under /WEB-INF/ (so that it is never served)");
        }
        boolean denyUnmatched = r.bool("deny-unmatched", true);

        Duration idle = r.duration("idle-timeout", "30m");
        Duration absolute = r.duration("absolute-timeout", "12h");
        Duration reauth = r.duration("reauth-within", "5m");
        Duration grace;
        if (r.text("rotation-grace") == null) {
            // derived, so that a short idle-timeout alone never conflicts with a grace the deployer did not set
            grace = idle != null && idle.dividedBy(2).compareTo(DEFAULT_ROTATION_GRACE) < 0
                    ? idle.dividedBy(2) : DEFAULT_ROTATION_GRACE;
        } else {
            grace = r.duration("rotation-grace", null);
            if (grace != null && grace.compareTo(Duration.ofSeconds(60)) > 0) {
                r.problem("rotation-grace", r.text("rotation-grace"), "must be at most 60s");
            } else if (grace != null && idle != null && grace.compareTo(idle) >= 0) {
                r.problem("rotation-grace", r.text("rotation-grace"), "must be shorter than idle-timeout ("
                        + r.text("idle-timeout") + ")");
            }
        }
        if (idle != null && absolute != null && idle.compareTo(absolute) > 0) {
            r.problem("idle-timeout", r.text("idle-timeout"), "is longer than absolute-timeout");
        }

        String cookieName = r.string("cookie-name", "__Host-hallpass");
        boolean allowUnprefixed = r.bool("allow-unprefixed-cookie-name", false);
        boolean secure = r.bool("cookie-secure", true);
        String sameSite = r.string("cookie-same-site", "Lax");
        checkCookieName(r, "cookie-name", cookieName, allowUnprefixed, secure);
        String normalisedSameSite = switch (sameSite.toLowerCase(Locale.ROOT)) {
            case "strict" -> "Strict";
            case "lax" -> "Lax";
            case "none" -> "None";
            default -> {
                r.problem("cookie-same-site", sameSite, "must be Strict, Lax or None");
                yield "Lax";
            }
        };
        if ("None".equals(normalisedSameSite) && !secure) {
            r.problem("cookie-same-site", sameSite, "SameSite=None requires cookie-secure=true");
        }

        String loginPath = r.path("login-path", "/auth/login");
        String logoutPath = r.path("logout-path", "/auth/logout");
        String reauthPath = r.path("reauth-path", "/auth/reauth");
        String loginPage = r.path("login-page", loginPath);
        String stylesheet = r.path("page-stylesheet", null);
        Set<String> endpoints = new LinkedHashSet<>(List.of(loginPath, logoutPath, reauthPath));
        if (endpoints.size() < 3) {
            r.problem("logout-path", logoutPath, "login-path, logout-path and reauth-path must all differ");
        }
        if (!loginPage.equals(loginPath) && endpoints.contains(loginPage)) {
            r.problem("login-page", loginPage, "must be login-path (the built-in page) or a page of the application");
        }

        List<Cidr> proxies = new ArrayList<>();
        String proxiesText = r.string("trusted-proxies", null);
        if (proxiesText != null && !proxiesText.equalsIgnoreCase("none")) {
            for (String part : proxiesText.split("[,\\s]+")) {
                if (part.isEmpty()) {
                    continue;
                }
                try {
                    proxies.add(Cidr.parse(part));
                } catch (IllegalArgumentException e) {
                    r.problem("trusted-proxies", part, e.getMessage());
                }
            }
        }
        boolean allowSameSite = r.bool("csrf-allow-same-site", false);
        String cacheControl = r.string("cache-control", "no-store");
        if (cacheControl.equalsIgnoreCase("none")) {
            cacheControl = null;
        } else if (!cacheControl.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            r.problem("cache-control", null, "must be printable ASCII");
        }

        String clearSiteData = clearSiteData(r);
        SignInThrottle throttle = signInThrottle(r);
        SessionLimit sessionLimit = sessionLimit(r);

        int memory = r.integer("argon2-memory-kib", PasswordCost.OWASP.memoryKiB(), 8, 4 * 1024 * 1024);
        int iterations = r.integer("argon2-iterations", PasswordCost.OWASP.iterations(), 1, 100);
        int parallelism = r.integer("argon2-parallelism", PasswordCost.OWASP.parallelism(), 1, 16);
        PasswordCost cost = PasswordCost.OWASP;
        try {
            cost = new PasswordCost(memory, iterations, parallelism);
        } catch (InvalidInputException e) {
            r.problem("argon2-memory-kib", Integer.toString(memory), e.getMessage());
        }

        byte[] pepper = null;
        String pepperEnv = r.string("token-pepper-env", null);
        if (pepperEnv != null) {
            String encoded = environment.apply(pepperEnv);
            if (encoded == null || encoded.isBlank()) {
                r.problem("token-pepper-env", pepperEnv, "names an environment variable that is not set");
            } else {
                try {
                    pepper = Base64.getDecoder().decode(encoded.strip());
                    if (pepper.length < 32) {
                        r.problem("token-pepper-env", pepperEnv, "the pepper must be at least 32 bytes (base64)");
                    }
                } catch (IllegalArgumentException e) {
                    r.problem("token-pepper-env", pepperEnv, "the variable must hold base64");
                }
            }
        }
        Duration purge = r.duration("purge-interval", "10m");

        String deviceCookie = r.string("device-cookie-name", "__Host-hallpass-device");
        checkCookieName(r, "device-cookie-name", deviceCookie, allowUnprefixed, secure);
        if (deviceCookie.equals(cookieName)) {
            r.problem("device-cookie-name", deviceCookie, "must differ from cookie-name");
        }
        String riskPolicy = r.string("risk-policy", null);
        Duration newDeviceWindow = r.duration("risk-new-device-reauth-within", "2m");
        String networkChange = r.choice("risk-network-change", "step-up", "ignore", "step-up", "revoke");
        String userAgentChange = r.choice("risk-user-agent-change", "revoke", "ignore", "step-up", "revoke");
        int failedLogins = r.integer("risk-failed-logins", 3, 1, 1000);

        SessionCacheSettings cache = sessionCache(r, realmProvided);
        List<String> listeners = eventListeners(r);

        r.finish();
        return new FilterSettings(jndi, jdbcUrl, jdbcUser, jdbcPassword, poolSize, schema, rules, rulesFile,
                denyUnmatched, idle, absolute, reauth, grace, cookieName, secure, normalisedSameSite, loginPage,
                loginPath, logoutPath, reauthPath, stylesheet, List.copyOf(proxies), allowSameSite, cacheControl,
                clearSiteData, throttle, sessionLimit, cost, pepper, purge, deviceCookie, riskPolicy,
                newDeviceWindow, networkChange, userAgentChange, failedLogins, cache, listeners);
    }

    /**
     * The class names of {@code event-listeners}, in order (null: not set, so {@code ServiceLoader} finds them; empty:
     * {@code none}). Each must be a Java class name; the classes are loaded when the filter starts.
     */
    private static List<String> eventListeners(Reader r) {
        String text = r.string("event-listeners", null);
        if (text == null) {
            return null;
        }
        if (text.strip().equalsIgnoreCase("none")) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String part : text.split("[,\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            if (!JAVA_NAME.matcher(part).matches()) {
                r.problem("event-listeners", part, "is not a Java class name");
            } else if (names.contains(part)) {
                r.problem("event-listeners", part, "is named twice");
            } else {
                names.add(part);
            }
        }
        if (names.isEmpty()) {
            r.problem("event-listeners", text, "names no class; write none for no listener");
        }
        return List.copyOf(names);
    }

    /**
     * The session cache of the filter's own realm (null: off), checked by the realm's own rule
     * ({@link SessionCacheSettings}). An application that provides its realm configures its cache there.
     */
    private static SessionCacheSettings sessionCache(Reader r, boolean realmProvided) {
        String on = r.choice("session-cache", "on", "on", "off");
        int size = r.integer("session-cache-size", 100_000, Integer.MIN_VALUE, Integer.MAX_VALUE); // see below
        Duration bound = r.duration("session-cache-bound", "1s");
        if (realmProvided) {
            for (String name : List.of("session-cache", "session-cache-size", "session-cache-bound")) {
                if (r.text(name) != null) {
                    r.problem(name, r.text(name), "the application provides its own realm; configure its cache"
                            + " with RealmBuilder.sessionCache");
                }
            }
            return null;
        }
        if (on.equals("off") || bound == null) {
            return null;
        }
        try {
            return new SessionCacheSettings(size, bound);
        } catch (InvalidInputException e) {
            String name = e.getMessage().contains("size") ? "session-cache-size" : "session-cache-bound";
            r.problem(name, r.text(name), e.getMessage());
            return null;
        }
    }

    /**
     * The sign-in throttle: each value changes the defaults in turn and is checked by {@link SignInThrottle} (the one
     * home of its rules), so that a problem names the setting that caused it. The maximum is set before the first
     * delay, so that raising both together is never refused.
     */
    private static SignInThrottle signInThrottle(Reader r) {
        SignInThrottle throttle = SignInThrottle.defaults();
        Integer free = r.optionalInteger("throttle-free-failures");
        Duration max = r.optionalDuration("throttle-max-delay");
        Duration first = r.optionalDuration("throttle-first-delay");
        Integer ceiling = r.optionalInteger("throttle-account-ceiling");
        Duration coolDown = r.optionalDuration("throttle-account-cool-down");
        if (free != null) {
            throttle = r.checked("throttle-free-failures", throttle, t -> t.withFreeFailures(free));
        }
        if (max != null) {
            throttle = r.checked("throttle-max-delay", throttle, t -> t.withMaxDelay(max));
        }
        if (first != null) {
            throttle = r.checked("throttle-first-delay", throttle, t -> t.withFirstDelay(first));
        }
        if (ceiling != null) {
            throttle = r.checked("throttle-account-ceiling", throttle, t -> t.withAccountCeiling(ceiling));
        }
        if (coolDown != null) {
            throttle = r.checked("throttle-account-cool-down", throttle, t -> t.withCoolDown(coolDown));
        }
        return throttle;
    }

    /**
     * The limit on live sessions per account, or null for none (the default, also written {@code none}); its
     * value is checked by {@link SessionLimit} itself.
     */
    private static SessionLimit sessionLimit(Reader r) {
        String maxText = r.text("max-sessions");
        String policyText = r.text("max-sessions-policy");
        SessionLimit.Policy policy = SessionLimit.Policy.REFUSE_NEW;
        if (policyText != null) {
            policy = r.choice("max-sessions-policy", "refuse-new", "refuse-new", "end-oldest").equals("end-oldest")
                    ? SessionLimit.Policy.END_OLDEST : SessionLimit.Policy.REFUSE_NEW;
            if (maxText == null || maxText.equalsIgnoreCase("none")) {
                r.problem("max-sessions-policy", policyText, "applies only with max-sessions");
            }
        }
        if (maxText == null || maxText.equalsIgnoreCase("none")) {
            return null;
        }
        Integer max = r.optionalInteger("max-sessions");
        SessionLimit.Policy chosen = policy;
        return max == null ? null
                : r.<SessionLimit>checked("max-sessions", null, none -> new SessionLimit(max, chosen));
    }

    /** Whether the login page is the filter's own (served at {@code login-path}) rather than the application's. */
    public boolean builtInLoginPage() {
        return loginPage.equals(loginPath);
    }

    /**
     * The {@code Clear-Site-Data} header value sign-out sends ({@code "cookies"} by default), or null for
     * {@code none}: the types named, each quoted as the header requires.
     */
    private static String clearSiteData(Reader r) {
        String text = r.string("clear-site-data", "cookies");
        if (text.equalsIgnoreCase("none")) {
            return null;
        }
        Set<String> types = new LinkedHashSet<>();
        for (String part : text.split("[,\\s]+")) {
            String type = part.replace("\"", "").toLowerCase(Locale.ROOT);
            if (type.isEmpty()) {
                continue;
            }
            if (!CLEAR_SITE_DATA_TYPES.contains(type)) {
                r.problem("clear-site-data", text,
                        "must be none or a list of " + String.join(", ", CLEAR_SITE_DATA_TYPES));
                return null;
            }
            types.add('"' + type + '"');
        }
        return types.isEmpty() ? null : String.join(", ", types);
    }

    private static void checkCookieName(Reader r, String key, String name, boolean allowUnprefixed, boolean secure) {
        if (!COOKIE_NAME.matcher(name).matches()) {
            r.problem(key, name, "is not a valid cookie name (RFC 6265 token, at most 64 characters)");
            return;
        }
        if (name.startsWith("__Host-")) {
            if (!secure) {
                r.problem(key, name, "a __Host- cookie requires cookie-secure=true (browsers drop it otherwise)");
            }
        } else if (!allowUnprefixed) {
            r.problem(key, name, "names without the __Host- prefix can be set by a sibling subdomain; "
                    + "use __Host-... or set allow-unprefixed-cookie-name=true");
        }
    }

    @Override
    public String toString() {
        // never the JDBC password or the pepper
        return "FilterSettings[" + (jdbcUrl != null ? "jdbc-url=" + jdbcUrl.split("[?;]", 2)[0]
                : "jndi-datasource=" + jndiDataSource) + ", idle-timeout=" + idleTimeout + ", absolute-timeout="
                + absoluteTimeout + ", cookie-name=" + cookieName + "]";
    }

    /** Reads values, remembering where each came from and collecting problems. */
    private static final class Reader {
        private final Map<String, String> init;
        private final Map<String, String> context;
        private final List<String> problems = new ArrayList<>();

        Reader(Map<String, String> init, Map<String, String> context) {
            this.init = init;
            this.context = context;
        }

        String raw(String name) {
            if (!NAMES.contains(name)) {
                throw new IllegalStateException("setting " + name + " is read but not listed in FilterSettings.NAMES");
            }
            String value = init.get(name);
            if (value == null) {
                value = context.get(CONTEXT_PREFIX + name);
            }
            return value == null || value.isBlank() ? null : value;
        }

        String text(String name) {
            String value = raw(name);
            return value == null ? null : value.strip();
        }

        String origin(String name) {
            return init.get(name) != null ? "init-param " + name : "context-param " + CONTEXT_PREFIX + name;
        }

        String string(String name, String fallback) {
            String value = text(name);
            return value == null ? fallback : value;
        }

        /** A value never repeated in messages. */
        String secret(String name) {
            String value = raw(name);
            return value == null ? null : value;
        }

        boolean bool(String name, boolean fallback) {
            String value = text(name);
            if (value == null) {
                return fallback;
            }
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> {
                    problem(name, value, "must be true or false");
                    yield fallback;
                }
            };
        }

        int integer(String name, int fallback, int min, int max) {
            String value = text(name);
            if (value == null) {
                return fallback;
            }
            try {
                int n = Integer.parseInt(value);
                if (n < min || n > max) {
                    problem(name, value, "must be between " + min + " and " + max);
                    return fallback;
                }
                return n;
            } catch (NumberFormatException e) {
                problem(name, value, "must be a whole number");
                return fallback;
            }
        }

        /** A whole number, or null if unset (or, with a problem, not a number). */
        Integer optionalInteger(String name) {
            String value = text(name);
            if (value == null) {
                return null;
            }
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                problem(name, value, "must be a whole number");
                return null;
            }
        }

        /** A duration, or null if unset (or, with a problem, unreadable). */
        Duration optionalDuration(String name) {
            return text(name) == null ? null : duration(name, null);
        }

        Duration duration(String name, String fallback) {
            String value = text(name);
            try {
                return Durations.parse(value == null ? fallback : value);
            } catch (IllegalArgumentException e) {
                problem(name, value, e.getMessage());
                return null;
            }
        }

        String path(String name, String fallback) {
            String value = text(name);
            if (value == null) {
                return fallback;
            }
            if (!APP_PATH.matcher(value).matches() || value.contains("//") || value.contains("/./")
                    || value.contains("/../") || value.endsWith("/..") || value.endsWith("/.")) {
                problem(name, value, "must be an application path such as /auth/login (no query, no wildcard)");
                return fallback;
            }
            return value;
        }

        /** {@code change} applied to {@code value}, or {@code value} and a problem naming the setting if refused. */
        <T> T checked(String name, T value, java.util.function.UnaryOperator<T> change) {
            try {
                return change.apply(value);
            } catch (InvalidInputException e) {
                problem(name, text(name), e.getMessage());
                return value;
            }
        }

        String choice(String name, String fallback, String... allowed) {
            String value = string(name, fallback).toLowerCase(Locale.ROOT);
            for (String a : allowed) {
                if (a.equals(value)) {
                    return a;
                }
            }
            problem(name, value, "must be one of " + String.join(", ", allowed));
            return fallback;
        }

        void problem(String name, String value, String message) {
            problems.add(origin(name) + (value == null ? "" : " ('" + value + "')") + ": " + message);
        }

        /** Every init-param, and every context-param starting with the prefix, that names no setting. */
        void refuseUnknownNames() {
            new TreeSet<>(init.keySet()).stream().filter(name -> !NAMES.contains(name)).forEach(name ->
                    problems.add(SettingNames.unknown(name, "init-param", name.startsWith(CONTEXT_PREFIX)
                            ? name.substring(CONTEXT_PREFIX.length()) : name, "")));
            new TreeSet<>(context.keySet()).stream().filter(name -> name.startsWith(CONTEXT_PREFIX))
                    .filter(name -> !NAMES.contains(name.substring(CONTEXT_PREFIX.length()))).forEach(name ->
                            problems.add(SettingNames.unknown(name, "context-param",
                                    name.substring(CONTEXT_PREFIX.length()), CONTEXT_PREFIX)));
        }

        void finish() throws SettingsException {
            refuseUnknownNames();
            if (!problems.isEmpty()) {
                throw new SettingsException(problems);
            }
        }
    }
}
