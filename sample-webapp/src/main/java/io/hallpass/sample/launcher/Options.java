package io.hallpass.sample.launcher;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The launcher's command line.
 *
 * @param port            the port to listen on; 0 picks a free one
 * @param host            the address to listen on
 * @param server          which embedded container
 * @param jdbcUrl         overrides {@code hallpass.jdbc-url}, or null
 * @param jdbcUser        overrides {@code hallpass.jdbc-user}, or null
 * @param jdbcPassword    overrides {@code hallpass.jdbc-password}, or null
 * @param idleTimeout     overrides {@code hallpass.idle-timeout}, or null
 * @param absoluteTimeout overrides {@code hallpass.absolute-timeout}, or null
 * @param reauthWithin    overrides {@code hallpass.reauth-within}, or null
 * @param help            only print the usage
 */
public record Options(int port, String host, Server server, String jdbcUrl, String jdbcUser, String jdbcPassword,
                      Duration idleTimeout, Duration absoluteTimeout, Duration reauthWithin, boolean help) {

    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_HOST = "127.0.0.1";

    public static final String USAGE = """
            Usage: java -jar hallpass-sample.jar [options]

            Starts Northwind Portal, the Hallpass sample application, on an embedded server.

              --port N                  port to listen on (default 8080; 0 picks a free port)
              --host ADDRESS            address to listen on (default 127.0.0.1)
              --server tomcat|jetty     embedded container (default tomcat)
              --jdbc-url URL            database (default: an H2 file under ./hallpass-data/)
              --jdbc-user USER          database user
              --jdbc-password PASSWORD  database password
              --idle-timeout D          end sessions unused for this long (default 30m)
              --absolute-timeout D      end sessions this long after sign-in (default 12h)
              --reauth-within D         how recent the password must be for sensitive actions (default 5m)
              --help                    print this help

            Durations: 30s, 5m, 12h, or ISO-8601 such as PT90S.
            Options override the WAR's web.xml defaults as context parameters (hallpass.NAME).""";

    /** The embedded containers the runnable jar carries. */
    public enum Server {
        TOMCAT("tomcat", "io.hallpass.sample.launcher.tomcat.TomcatServer"),
        JETTY("jetty", "io.hallpass.sample.launcher.jetty.JettyServer");

        private final String id;
        private final String bootClass;

        Server(String id, String bootClass) {
            this.id = id;
            this.bootClass = bootClass;
        }

        /** The name on the command line and of its folder in the runnable jar. */
        public String id() {
            return id;
        }

        /** The {@link EmbeddedServer} implementation, loaded from the container's own class loader. */
        public String bootClass() {
            return bootClass;
        }
    }

    public static Options defaults() {
        return new Options(DEFAULT_PORT, DEFAULT_HOST, Server.TOMCAT, null, null, null, null, null, null, false);
    }

    /**
     * Parses {@code --name value} and {@code --name=value}.
     *
     * @throws UsageException naming the option and the problem
     */
    public static Options parse(String... args) throws UsageException {
        int port = DEFAULT_PORT;
        String host = DEFAULT_HOST;
        Server server = Server.TOMCAT;
        String jdbcUrl = null;
        String jdbcUser = null;
        String jdbcPassword = null;
        Duration idle = null;
        Duration absolute = null;
        Duration reauth = null;
        boolean help = false;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
            String name = arg;
            String value;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            } else {
                if (!known(name)) {
                    throw new UsageException("unknown option " + name);
                }
                if (i + 1 >= args.length) {
                    throw new UsageException(name + " needs a value");
                }
                value = args[++i];
            }
            if (!known(name)) {
                throw new UsageException("unknown option " + name);
            }
            if (!seen.add(name)) {
                throw new UsageException(name + " is given twice");
            }
            switch (name) {
                case "--port" -> port = port(value);
                case "--host" -> host = host(value);
                case "--server" -> server = server(value);
                case "--jdbc-url" -> jdbcUrl = jdbcUrl(value);
                case "--jdbc-user" -> jdbcUser = value;
                case "--jdbc-password" -> jdbcPassword = value;
                case "--idle-timeout" -> idle = duration(name, value);
                case "--absolute-timeout" -> absolute = duration(name, value);
                case "--reauth-within" -> reauth = duration(name, value);
                default -> throw new UsageException("unknown option " + name);
            }
        }
        if (idle != null && absolute != null && idle.compareTo(absolute) > 0) {
            throw new UsageException("--idle-timeout (" + Durations.format(idle)
                    + ") is longer than --absolute-timeout (" + Durations.format(absolute) + ")");
        }
        return new Options(port, host, server, jdbcUrl, jdbcUser, jdbcPassword, idle, absolute, reauth, help);
    }

    private static boolean known(String name) {
        return switch (name) {
            case "--port", "--host", "--server", "--jdbc-url", "--jdbc-user", "--jdbc-password", "--idle-timeout",
                    "--absolute-timeout", "--reauth-within" -> true;
            default -> false;
        };
    }

    private static int port(String value) throws UsageException {
        try {
            int port = Integer.parseInt(value.strip());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // falls through to the message
        }
        throw new UsageException("--port must be a number from 0 to 65535, was '" + value + "'");
    }

    private static String host(String value) throws UsageException {
        if (value.isBlank() || value.chars().anyMatch(Character::isWhitespace)) {
            throw new UsageException("--host must be an address or a host name, was '" + value + "'");
        }
        return value;
    }

    private static Server server(String value) throws UsageException {
        for (Server s : Server.values()) {
            if (s.id().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new UsageException("--server must be tomcat or jetty, was '" + value + "'");
    }

    private static String jdbcUrl(String value) throws UsageException {
        if (!value.startsWith("jdbc:")) {
            throw new UsageException("--jdbc-url must start with 'jdbc:'");
        }
        return value;
    }

    private static Duration duration(String name, String value) throws UsageException {
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException(name + ": " + e.getMessage());
        }
    }

    /**
     * The context parameters these options override, by name ({@code hallpass.jdbc-url}, ...): only those given
     * on the command line, so the WAR's own defaults hold for the rest.
     */
    public Map<String, String> contextParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        put(parameters, "hallpass.jdbc-url", jdbcUrl);
        put(parameters, "hallpass.jdbc-user", jdbcUser);
        put(parameters, "hallpass.jdbc-password", jdbcPassword);
        put(parameters, "hallpass.idle-timeout", idleTimeout == null ? null : Durations.format(idleTimeout));
        put(parameters, "hallpass.absolute-timeout", absoluteTimeout == null ? null : Durations.format(absoluteTimeout));
        put(parameters, "hallpass.reauth-within", reauthWithin == null ? null : Durations.format(reauthWithin));
        return parameters;
    }

    private static void put(Map<String, String> parameters, String name, String value) {
        if (value != null) {
            parameters.put(name, value);
        }
    }

    @Override
    public String toString() {
        // never the password
        return "Options[port=" + port + ", host=" + host + ", server=" + server.id() + ", jdbcUrl="
                + (jdbcUrl == null ? null : jdbcUrl.split("[?;]", 2)[0]) + ", jdbcUser=" + jdbcUser
                + ", jdbcPassword=" + (jdbcPassword == null ? null : "(hidden)") + ", idleTimeout=" + idleTimeout
                + ", absoluteTimeout=" + absoluteTimeout + ", reauthWithin=" + reauthWithin + "]";
    }
}
