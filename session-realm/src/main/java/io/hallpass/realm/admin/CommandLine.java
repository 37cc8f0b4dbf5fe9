package io.hallpass.realm.admin;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the command line into an {@link Invocation}. Options are {@code --name VALUE} or {@code --name=VALUE}
 * and may stand anywhere; {@code --} ends them. Nothing here echoes a word it does not know: a stray word may be
 * a password typed in the wrong place, so messages name only what the tool itself defines. Any option that
 * carries a password is refused, because the command line is visible to other users of the machine (process
 * list) and kept in shell history.
 */
final class CommandLine {

    /** Option names that can be shown back safely: what an option looks like, not what a secret looks like. */
    private static final Pattern SHOWABLE_OPTION = Pattern.compile("--[a-z0-9][a-z0-9-]{0,39}");

    private CommandLine() {
    }

    static Invocation parse(String... args) {
        List<String> words = new ArrayList<>();
        Map<Option, List<String>> options = new EnumMap<>(Option.class);
        boolean help = false;
        boolean optionsEnded = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
                words.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                optionsEnded = true;
                continue;
            }
            int equals = arg.indexOf('=');
            String spelling = equals > 0 ? arg.substring(0, equals) : arg;
            String inline = equals > 0 ? arg.substring(equals + 1) : null;
            refusePasswordOption(spelling);
            if (spelling.equals("--help") || spelling.equals("-h")) {
                if (inline != null) {
                    throw Failure.badArguments(spelling + " takes no value");
                }
                help = true;
                continue;
            }
            Option option = Option.named(spelling);
            if (option == null) {
                throw Failure.badArguments("unknown option " + shown(spelling) + "; hallpass-admin --help lists"
                        + " the options");
            }
            String value = null;
            if (option.takesValue()) {
                if (inline != null) {
                    value = inline;
                } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                    value = args[++i];
                } else {
                    throw Failure.badArguments(option.spelling() + " needs a value (" + option.value + ")");
                }
            } else if (inline != null) {
                throw Failure.badArguments(option.spelling() + " takes no value");
            }
            if (options.containsKey(option) && !option.repeatable()) {
                throw Failure.badArguments(option.spelling() + " is given more than once");
            }
            List<String> values = options.computeIfAbsent(option, o -> new ArrayList<>());
            if (value != null) {
                values.add(value); // a flag is there with no value
            }
        }
        return help ? helpFor(words, options) : resolve(words, options);
    }

    private static void refusePasswordOption(String spelling) {
        String name = spelling.toLowerCase(Locale.ROOT);
        if (!name.contains("passw") || name.equals(Option.PASSWORD_STDIN.spelling())) {
            return;
        }
        String why = "a password on the command line can be read by other users (process list) and stays in"
                + " shell history";
        if (name.startsWith("--jdbc-") || name.startsWith("--db-")) {
            throw Failure.badArguments(shown(spelling) + " is refused: " + why + "; set HALLPASS_JDBC_PASSWORD,"
                    + " or give --jdbc-user on a console to be asked");
        }
        throw Failure.badArguments(shown(spelling) + " is refused: " + why + "; a new password is asked on the"
                + " console, or read from standard input with --password-stdin");
    }

    private static Invocation helpFor(List<String> words, Map<Option, List<String>> options) {
        if (words.isEmpty()) {
            return new Invocation(null, List.of(), options, "");
        }
        String first = words.get(0);
        if (Command.isGroup(first)) {
            if (words.size() == 1) {
                return new Invocation(null, List.of(), options, first);
            }
            Command command = Command.of(first, words.get(1));
            if (command == null) {
                throw unknownInGroup(first);
            }
            return new Invocation(command, List.of(), options, command.words);
        }
        Command command = Command.of(null, first);
        if (command == null) {
            throw unknownCommand();
        }
        return new Invocation(command, List.of(), options, command.words);
    }

    private static Invocation resolve(List<String> words, Map<Option, List<String>> options) {
        if (words.isEmpty()) {
            throw Failure.badArguments("no command given; hallpass-admin --help lists the commands");
        }
        String first = words.get(0);
        Command command;
        List<String> arguments;
        if (Command.isGroup(first)) {
            if (words.size() == 1) {
                throw Failure.badArguments(first + " needs a command: " + leaves(first));
            }
            command = Command.of(first, words.get(1));
            if (command == null) {
                throw unknownInGroup(first);
            }
            arguments = words.subList(2, words.size());
        } else {
            command = Command.of(null, first);
            if (command == null) {
                throw unknownCommand();
            }
            arguments = words.subList(1, words.size());
        }
        int most = command.arguments.size();
        int least = most - command.optionalArguments;
        if (arguments.size() < least || arguments.size() > most) {
            // the count, never the words: a surplus word may be a password typed as an argument
            throw Failure.badArguments(command.words + " takes " + expected(command) + ", got "
                    + arguments.size() + " argument" + (arguments.size() == 1 ? "" : "s")
                    + "; a password is never an argument");
        }
        for (Option option : options.keySet()) {
            if (!option.global && !command.options.contains(option)) {
                throw Failure.badArguments(option.spelling() + " does not apply to " + command.words);
            }
        }
        return new Invocation(command, arguments, options, null);
    }

    private static String expected(Command command) {
        if (command.arguments.isEmpty()) {
            return "no arguments";
        }
        return command.synopsis().replaceAll(" \\[--.*", "").strip();
    }

    private static Failure unknownCommand() {
        return Failure.badArguments("unknown command; the commands are " + String.join(", ", Command.firstWords()));
    }

    private static Failure unknownInGroup(String group) {
        return Failure.badArguments("unknown " + group + " command; use " + leaves(group));
    }

    private static String leaves(String group) {
        List<String> leaves = new ArrayList<>();
        for (Command command : Command.inGroup(group)) {
            leaves.add(command.leaf());
        }
        return String.join(", ", leaves);
    }

    private static String shown(String spelling) {
        return SHOWABLE_OPTION.matcher(spelling).matches() ? spelling : "(not shown)";
    }
}
