package io.hallpass.filter.config;

import java.util.Locale;
import java.util.Optional;

/**
 * The message for a name that is no setting, with the setting probably meant: a misspelt setting must stop the
 * start-up (its default would silently apply), and the message should say what to write instead.
 */
final class SettingNames {

    private SettingNames() {
    }

    /**
     * {@code unknown setting 'idle-timout' (init-param); did you mean 'idle-timeout'?}
     *
     * @param written the name as the deployer wrote it
     * @param where   {@code init-param} or {@code context-param}
     * @param bare    the name without the context-param prefix, to compare with the settings
     * @param prefix  what to put before the suggested name ({@code hallpass.} for a context-param)
     */
    static String unknown(String written, String where, String bare, String prefix) {
        String message = "unknown setting '" + written + "' (" + where + ")";
        return closest(bare).map(name -> message + "; did you mean '" + prefix + name + "'?").orElse(message);
    }

    /**
     * The setting whose name is nearest to {@code name}, ignoring case and reading {@code _} as {@code -}, if it is
     * at most one edit away (two for names of six characters or more): near enough to be a slip of the keyboard.
     */
    static Optional<String> closest(String name) {
        String wanted = name.toLowerCase(Locale.ROOT).replace('_', '-');
        int limit = wanted.length() < 6 ? 1 : 2;
        String best = null;
        int bestDistance = limit + 1;
        for (String candidate : FilterSettings.NAMES) {
            int d = distance(wanted, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Edit distance counting insertions, deletions, substitutions and swaps of neighbours, one each. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
