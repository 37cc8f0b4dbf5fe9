package io.hallpass.realm.admin;

import java.io.Console;

/** The console the tool asks for passwords on, without echo; absent when no terminal is attached. */
interface Terminal {

    /** Whether there is a console to ask on. */
    boolean attached();

    /** Asks for a secret without echoing it; null at the end of input (Ctrl-D). */
    char[] readPassword(String prompt);

    /** The JVM's console, if standard input and output are a terminal. */
    static Terminal system() {
        Console console = System.console();
        return new Terminal() {
            @Override
            public boolean attached() {
                return console != null;
            }

            @Override
            public char[] readPassword(String prompt) {
                if (console == null) {
                    throw new IllegalStateException("no console");
                }
                return console.readPassword("%s", prompt); // the prompt as data: a '%' in a name is no format
            }
        };
    }
}
