package io.hallpass.realm.admin;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed command line: the command, its arguments and the options given (a flag with no values). When {@code --help} was asked for,
 * {@code help} holds the topic (empty for the whole tool, a group such as {@code accounts}, or a command's
 * words) and {@code command} may be null.
 */
record Invocation(Command command, List<String> arguments, Map<Option, List<String>> options, String help) {

    Invocation {
        arguments = List.copyOf(arguments);
        Map<Option, List<String>> copy = new EnumMap<>(Option.class);
        options.forEach((option, values) -> copy.put(option, List.copyOf(values)));
        options = copy;
    }

    boolean has(Option option) {
        return options.containsKey(option);
    }

    /** The value of an option given once, or null if it was not given (or is a flag). */
    String value(Option option) {
        List<String> values = options.getOrDefault(option, List.of());
        return values.isEmpty() ? null : values.get(0);
    }

    /** Every value of a repeatable option, in order. */
    List<String> values(Option option) {
        return options.getOrDefault(option, List.of());
    }

    /** The whole number an option was given, or {@code fallback} if it was not given. */
    int integer(Option option, int fallback) {
        String value = value(option);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw Failure.badArguments(option.spelling() + " must be a whole number");
        }
    }

    /** The argument at {@code index}, or null if it was left out. */
    String argument(int index) {
        return index < arguments.size() ? arguments.get(index) : null;
    }
}
