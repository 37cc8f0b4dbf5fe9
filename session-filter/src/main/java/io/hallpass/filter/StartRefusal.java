package io.hallpass.filter;

import jakarta.servlet.UnavailableException;

/**
 * The one way a start-up problem stops the filter: logged once, on the filter's own logger (where deployers and
 * the deployment tests look for it), and turned into the exception that makes the container refuse to serve the
 * application, so that it never runs unprotected.
 */
final class StartRefusal {

    private static final System.Logger LOG = System.getLogger(HallpassFilter.class.getName());

    private StartRefusal() {
    }

    /** @param message names the setting, the rule line or the class at fault, and the problem */
    static UnavailableException of(String message) {
        LOG.log(System.Logger.Level.ERROR, "Hallpass refuses to start: " + message);
        return new UnavailableException(message);
    }
}
