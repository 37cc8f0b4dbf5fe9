package io.hallpass.realm.admin;

import java.io.InputStream;
import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Map;

/**
 * One run of the tool: parses the command line, prints help or runs the command, and turns every failure into
 * its exit code and one line on standard error (see {@link Failure}). Everything it touches outside is handed
 * in, so that tests run it with their own streams, console, environment and clock.
 */
final class AdminTool {

    private static final System.Logger LOG = System.getLogger("io.hallpass.realm.admin");

    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;
    private final Terminal terminal;
    private final Map<String, String> environment;
    private final Clock clock;
    private final String actor;

    AdminTool(PrintStream out, PrintStream err, InputStream in, Terminal terminal, Map<String, String> environment,
              Clock clock, String actor) {
        this.out = out;
        this.err = err;
        this.in = in;
        this.terminal = terminal;
        this.environment = environment;
        this.clock = clock;
        this.actor = actor;
    }

    /** Runs the command line and answers the exit code. */
    int run(String... args) {
        try {
            Invocation invocation = CommandLine.parse(args);
            if (invocation.help() != null) {
                out.print(Help.text(invocation.help()));
                out.flush();
                return Exit.DONE.code;
            }
            ToolSettings settings = ToolSettings.from(invocation, clock);
            try (Call call = new Call(invocation, settings, new Output(out, settings.json()),
                    new Passwords(terminal, in, environment), clock, actor)) {
                dispatch(invocation.command(), call);
            }
            return Exit.DONE.code;
        } catch (RuntimeException e) {
            Failure failure = Failure.of(e);
            if (failure != e) {
                LOG.log(Level.DEBUG, "the failure in full", e); // shown with --verbose only
            }
            err.println(failure.line());
            err.flush();
            return failure.exit.code;
        }
    }

    private static void dispatch(Command command, Call call) {
        switch (command) {
            case ACCOUNTS_ADD -> AccountCommands.add(call);
            case ACCOUNTS_LIST -> AccountCommands.list(call);
            case ACCOUNTS_DISABLE -> AccountCommands.setEnabled(call, false);
            case ACCOUNTS_ENABLE -> AccountCommands.setEnabled(call, true);
            case ACCOUNTS_PASSWORD -> AccountCommands.password(call);
            case ROLES_GRANT -> RoleCommands.grant(call);
            case ROLES_REVOKE -> RoleCommands.revoke(call);
            case ROLES_LIST -> RoleCommands.list(call);
            case SESSIONS_LIST -> SessionCommands.list(call);
            case SESSIONS_REVOKE -> SessionCommands.revoke(call);
            case AUDIT -> AuditCommands.audit(call);
            case PURGE -> AuditCommands.purge(call);
            case SCHEMA_CHECK -> SchemaCommands.check(call);
            case SCHEMA_CREATE -> SchemaCommands.create(call);
        }
    }
}
