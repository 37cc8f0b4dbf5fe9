package io.hallpass.realm.admin;

import java.util.ArrayList;
import java.util.List;

/** The texts of {@code --help}: of the tool, of a group of commands, of one command. */
final class Help {

    static final String TOOL = "java -jar hallpass-admin.jar";
    /** The H2 URL the README recommends for the filter, and so for the tool. */
    static final String RECOMMENDED_H2_URL = "jdbc:h2:file:/var/lib/hallpass/hallpass;AUTO_SERVER=TRUE";
    private static final int WIDTH = 100;

    private Help() {
    }

    /** The help on a topic: "" for the tool, a group's name, or a command's words. */
    static String text(String topic) {
        if (topic.isEmpty()) {
            return tool();
        }
        for (Command command : Command.values()) {
            if (command.words.equals(topic)) {
                return command(command);
            }
        }
        return group(topic);
    }

    private static String tool() {
        StringBuilder out = new StringBuilder();
        out.append("Usage: ").append(TOOL).append(" --jdbc-url URL [--jdbc-user USER] [--json] COMMAND ...\n\n");
        wrap(out, "", "Administers Hallpass accounts, role grants, sessions and the audit trail in the application's"
                + " database. Run it with the filter's database settings; options may stand before or after the"
                + " command.");
        out.append("\nCommands:\n");
        for (Command command : Command.values()) {
            out.append("  ").append(command.words).append(command.synopsis()).append('\n');
            wrap(out, "      ", command.summary);
        }
        out.append("\nOptions of every command:\n");
        options(out, List.of(Option.values()), true);
        out.append("  --help\n");
        wrap(out, "      ", "this help; after a command, that command's");
        out.append("\nEnvironment:\n  ").append(Passwords.DATABASE_ENV).append('\n');
        wrap(out, "      ", "the database password. Without it, and with --jdbc-user on a console, the tool asks for"
                + " it. A password is never taken from the command line, where other users could read it.");
        out.append("\nExit codes:\n");
        wrap(out, "  ", "0 done; 1 refused (no such account, the wrong state, a schema that does not match);"
                + " 2 bad arguments; 3 database unreachable. A failure prints one line on standard error.");
        out.append("\nExamples (the URL exactly as the filter's jdbc-url; quote it, ';' ends a shell command):\n")
                .append("  ").append(TOOL).append(" \\\n      --jdbc-url '").append(RECOMMENDED_H2_URL)
                .append("' \\\n      accounts add alice --role admin\n")
                .append("  ").append(TOOL).append(" --jdbc-url jdbc:postgresql://db.internal:5432/app --jdbc-user app")
                .append(" \\\n      roles grant alice admin --until 30d\n");
        wrap(out, "  ", "An H2 file database is used by one process at a time, unless both the application and the"
                + " tool open it with AUTO_SERVER=TRUE, as above: then the tool works while the application runs.");
        return out.toString();
    }

    private static String group(String group) {
        StringBuilder out = new StringBuilder();
        out.append("Usage: ").append(TOOL).append(' ').append(group).append(" COMMAND ...\n\nCommands:\n");
        for (Command command : Command.inGroup(group)) {
            out.append("  ").append(command.words).append(command.synopsis()).append('\n');
            wrap(out, "      ", command.summary);
        }
        out.append("\n'").append(group).append(" COMMAND --help' tells more; '--help' alone lists the options of"
                + " every command.\n");
        return out.toString();
    }

    private static String command(Command command) {
        StringBuilder out = new StringBuilder();
        out.append("Usage: ").append(TOOL).append(' ').append(command.words).append(command.synopsis())
                .append("\n\n");
        wrap(out, "", command.details);
        if (!command.options.isEmpty()) {
            out.append("\nOptions:\n");
            options(out, new ArrayList<>(command.options), false);
        }
        out.append('\n');
        wrap(out, "", "'" + TOOL + " --help' lists the options of every command (--jdbc-url ...), which may stand"
                + " before or after it.");
        return out.toString();
    }

    private static void options(StringBuilder out, List<Option> options, boolean global) {
        for (Option option : options) {
            if (option.global == global) {
                out.append("  ").append(option.synopsis()).append('\n');
                wrap(out, "      ", option.help);
            }
        }
    }

    /** Appends a paragraph, broken between words so that no line is longer than {@value #WIDTH}. */
    private static void wrap(StringBuilder out, String indent, String text) {
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.split(" ")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > WIDTH) {
                out.append(line).append('\n');
                line = new StringBuilder(indent);
            }
            line.append(line.length() > indent.length() ? " " : "").append(word);
        }
        out.append(line).append('\n');
    }
}
