package io.hallpass.filter.policy;

/** Quoting configuration text safely in messages: no control characters, bounded length. */
final class Texts {

    private static final int MAX = 160;

    private Texts() {
    }

    /** The text with controls escaped as {@code \\uXXXX} and cut to a readable length. */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX) + 8);
        for (int i = 0; i < text.length(); i++) {
            if (out.length() >= MAX) {
                out.append("...");
                break;
            }
            char c = text.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
