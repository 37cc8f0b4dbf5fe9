package io.hallpass.realm.admin;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every command of the tool: its words ({@code accounts add}), its arguments, its own options and its help. A
 * command of two words belongs to the group named by the first; {@code audit} and {@code purge} stand alone.
 */
enum Command {
    ACCOUNTS_ADD("accounts add", List.of("NAME"), 0, EnumSet.of(Option.ROLE, Option.PASSWORD_STDIN),
            "create an enabled account",
            "Creates an enabled account and grants it the roles given. The new password is asked twice on the"
                    + " console, or read from the first line of standard input with --password-stdin; it is never"
                    + " taken from the command line."),
    ACCOUNTS_LIST("accounts list", List.of(), 0, EnumSet.noneOf(Option.class),
            "list the accounts with their active roles",
            "Lists every account: id, username, enabled, active roles, when it was created and when its"
                    + " password was last set."),
    ACCOUNTS_DISABLE("accounts disable", List.of("NAME"), 0, EnumSet.noneOf(Option.class),
            "disable an account and end its sessions",
            "Disables an account: it can no longer sign in, and every session it has ends at once. Refused if"
                    + " the account is already disabled."),
    ACCOUNTS_ENABLE("accounts enable", List.of("NAME"), 0, EnumSet.noneOf(Option.class),
            "enable a disabled account",
            "Enables a disabled account. Sessions ended by disabling it stay ended. Refused if the account is"
                    + " already enabled."),
    ACCOUNTS_PASSWORD("accounts password", List.of("NAME"), 0, EnumSet.of(Option.PASSWORD_STDIN),
            "set a new password (an administrator's reset)",
            "Sets a new password without asking for the old one, ends every session of the account and lifts a"
                    + " sign-in throttle on its name. The password is asked twice on the console, or read from the first"
                    + " line of standard input with --password-stdin; it is never taken from the command line."),
    ROLES_GRANT("roles grant", List.of("NAME", "ROLE"), 0, EnumSet.of(Option.UNTIL),
            "grant a role, possibly until a time",
            "Grants a role, replacing an earlier grant of the same role to the account."),
    ROLES_REVOKE("roles revoke", List.of("NAME", "ROLE"), 0, EnumSet.noneOf(Option.class),
            "revoke a role",
            "Revokes a role grant. Refused if the account does not hold the role."),
    ROLES_LIST("roles list", List.of("NAME"), 0, EnumSet.noneOf(Option.class),
            "list an account's role grants",
            "Lists an account's role grants, expired ones included: when each expires and whether it is active"
                    + " now."),
    SESSIONS_LIST("sessions list", List.of("NAME"), 0, EnumSet.noneOf(Option.class),
            "list an account's live sessions",
            "Lists an account's live sessions, newest first: public id, when it was opened and last seen, the"
                    + " client's address and user agent, and whether it came from a new device."),
    SESSIONS_REVOKE("sessions revoke", List.of("NAME", "ID"), 1, EnumSet.of(Option.ALL),
            "end one session by public id, or all with --all",
            "Ends one live session of the account, named by its public id (see sessions list), or every live"
                    + " session with --all instead of an id."),
    AUDIT("audit", List.of("NAME"), 1, EnumSet.of(Option.TYPE, Option.SINCE, Option.LIMIT),
            "show the audit trail, newest first",
            "Shows the newest audit events, of one account or of all, newest first. Types: "
                    + String.join(", ", auditTypes()) + "."),
    PURGE("purge", List.of(), 0, EnumSet.noneOf(Option.class),
            "delete expired sessions, old sign-in throttle counters and audit events",
            "Deletes revoked and expired sessions, sign-in throttle counters past their cool-down and audit events"
                    + " older than 365 days, and prints how many of each. Give the same --idle-timeout,"
                    + " --absolute-timeout and --throttle-account-cool-down as the filter, or live sessions may be deleted."),
    SCHEMA_CHECK("schema check", List.of(), 0, EnumSet.noneOf(Option.class),
            "check that the tables match the realm's mapping",
            "Checks that the database's tables and columns match the realm's mapping. Exits 0 if they do, 1 with"
                    + " the first difference if not."),
    SCHEMA_CREATE("schema create", List.of(), 0, EnumSet.of(Option.DRY_RUN),
            "create the missing tables and indexes",
            "Runs the shipped DDL for the database (every statement IF NOT EXISTS, so nothing that exists is"
                    + " touched), then checks the schema. With --dry-run, prints that DDL and changes nothing.");

    final String words;
    final List<String> arguments;
    /** How many of the trailing arguments may be left out. */
    final int optionalArguments;
    final Set<Option> options;
    final String summary;
    final String details;

    Command(String words, List<String> arguments, int optionalArguments, Set<Option> options, String summary,
            String details) {
        this.words = words;
        this.arguments = arguments;
        this.optionalArguments = optionalArguments;
        this.options = options;
        this.summary = summary;
        this.details = details;
    }

    /** The group of a two-word command, or null. */
    String group() {
        int space = words.indexOf(' ');
        return space < 0 ? null : words.substring(0, space);
    }

    /** The last word: what follows the group, or the whole command. */
    String leaf() {
        return words.substring(words.indexOf(' ') + 1);
    }

    /** The arguments and options after the words, for usage lines. */
    String synopsis() {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < arguments.size(); i++) {
            boolean optional = i >= arguments.size() - optionalArguments;
            line.append(' ').append(optional ? "[" + arguments.get(i) + "]" : arguments.get(i));
        }
        for (Option option : options) {
            line.append(" [").append(option.synopsis()).append(']').append(option.repeatable() ? "..." : "");
        }
        return line.toString();
    }

    /** The command with these words, or null. */
    static Command of(String group, String leaf) {
        String words = group == null ? leaf : group + " " + leaf;
        for (Command command : values()) {
            if (command.words.equals(words)) {
                return command;
            }
        }
        return null;
    }

    /** The commands of a group. */
    static List<Command> inGroup(String group) {
        List<Command> commands = new ArrayList<>();
        for (Command command : values()) {
            if (group.equals(command.group())) {
                commands.add(command);
            }
        }
        return commands;
    }

    /** Whether a word names a group of commands ({@code accounts}) rather than a command. */
    static boolean isGroup(String word) {
        return !inGroup(word).isEmpty();
    }

    /** The first words a command line may start with: the groups and the commands that stand alone. */
    static Set<String> firstWords() {
        Set<String> words = new LinkedHashSet<>();
        for (Command command : values()) {
            words.add(command.words.split(" ")[0]);
        }
        return words;
    }

    private static List<String> auditTypes() {
        List<String> names = new ArrayList<>();
        for (io.hallpass.realm.AuditEvent.Type type : io.hallpass.realm.AuditEvent.Type.values()) {
            names.add(type.name());
        }
        return names;
    }
}
