package io.hallpass.realm.admin;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A console that answers prompts from a script and remembers the prompts and the arrays it handed out. */
final class FakeTerminal implements Terminal {

    private final boolean attached;
    private final Deque<String> answers = new ArrayDeque<>();
    final List<String> prompts = new ArrayList<>();
    final List<char[]> handedOut = new ArrayList<>();

    private FakeTerminal(boolean attached) {
        this.attached = attached;
    }

    static FakeTerminal none() {
        return new FakeTerminal(false);
    }

    /** A console on which the user types these lines in turn; null stands for Ctrl-D. */
    static FakeTerminal typing(String... lines) {
        FakeTerminal terminal = new FakeTerminal(true);
        for (String line : lines) {
            terminal.answers.add(line == null ? "\u0000EOF" : line);
        }
        return terminal;
    }

    @Override
    public boolean attached() {
        return attached;
    }

    @Override
    public char[] readPassword(String prompt) {
        prompts.add(prompt);
        String answer = answers.remove();
        if (answer.equals("\u0000EOF")) {
            return null;
        }
        char[] typed = answer.toCharArray();
        handedOut.add(typed);
        return typed;
    }
}
