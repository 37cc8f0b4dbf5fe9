package io.hallpass.realm.admin;

import io.hallpass.realm.ClientFacts;
import java.time.Clock;
import java.util.List;

/**
 * The administration command line, the main class of {@code hallpass-admin.jar}: accounts, role grants,
 * sessions, the audit trail, purge and the schema, on the application's database, without writing Java.
 *
 * <pre>
 * export HALLPASS_JDBC_PASSWORD=...      # never on the command line
 * java -jar hallpass-admin.jar --jdbc-url 'jdbc:h2:file:/var/lib/hallpass/hallpass;AUTO_SERVER=TRUE' accounts list
 * java -jar hallpass-admin.jar --jdbc-url jdbc:postgresql://db/app --jdbc-user app schema create
 * java -jar hallpass-admin.jar --jdbc-url jdbc:postgresql://db/app --jdbc-user app accounts add alice --role admin
 * java -jar hallpass-admin.jar --help
 * </pre>
 *
 * Exit codes: 0 done, 1 refused, 2 bad arguments, 3 database unreachable; a failure prints one line on standard
 * error.
 */
public final class HallpassAdmin {

    private HallpassAdmin() {
    }

    public static void main(String[] args) {
        // before any library is loaded, so that none of them can print a line first
        AdminLogging.configure(List.of(args).contains(Option.VERBOSE.spelling()));
        // were the tool the first to open an H2 file with AUTO_SERVER=TRUE, it would serve it to the application:
        // on loopback only (H2 would otherwise listen on every interface and accept remote connections)
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
        int exit = new AdminTool(System.out, System.err, System.in, Terminal.system(), System.getenv(),
                Clock.systemUTC(), actor()).run(args);
        System.exit(exit);
    }

    /** Who acts, for the audit trail: the tool and the operating-system user who ran it. */
    private static String actor() {
        String user = ClientFacts.clip(System.getProperty("user.name"), 100);
        return "hallpass-admin" + (user == null ? "" : ":" + user);
    }
}
