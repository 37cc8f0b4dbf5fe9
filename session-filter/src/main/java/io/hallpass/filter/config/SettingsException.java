package io.hallpass.filter.config;

import java.util.List;

/** One or more settings were refused; the message lists each with where it came from and why. */
public final class SettingsException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public SettingsException(List<String> problems) {
        super("Hallpass refuses to start: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
