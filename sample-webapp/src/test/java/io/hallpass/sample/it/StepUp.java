package io.hallpass.sample.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hallpass.sample.it.Browser.Response;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Waiting out a short re-authentication window and stepping up again, against a portal started with a window
 * of a few seconds ({@code --reauth-within}, or a {@code hallpass.reauth-within} override in a container).
 * Staleness is found by polling, never by a fixed sleep, and every wait is bounded.
 */
final class StepUp {

    /** How long a session may take to turn stale before the wait counts as a failure. */
    static final Duration STALE_LIMIT = Duration.ofSeconds(60);

    private StepUp() {
    }

    /**
     * Polls a sensitive endpoint as an API client until the session is older than the window: the answer
     * turns from 200 to 401. Bounded, and no fixed sleep decides the outcome.
     *
     * @return the 401 challenge
     */
    static Response awaitStale(Browser browser) throws InterruptedException {
        long deadline = System.nanoTime() + STALE_LIMIT.toNanos();
        Response last;
        do {
            last = browser.api().get("/account/export");
            if (last.status() == 401) {
                return last;
            }
            if (last.status() == 403) {
                // an account without the customer role: probe with an admin change that always steps up
                last = browser.api().post("/admin/users/nobody-here/enable", Map.of());
                if (last.status() == 401) {
                    return last;
                }
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("the session never became stale: " + last);
    }

    /**
     * Re-authenticates through the filter's {@code POST /auth/reauth} and then runs {@code action}. The window
     * is short, so an attempt where the action could not follow within it on a slow machine is retried rather
     * than counted as a failure.
     */
    static Response withinWindow(Browser browser, Duration window, String password, String returnPath,
                                 Supplier<Response> action) {
        Response last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            long started = System.nanoTime();
            Response reauth = browser.post("/auth/reauth", Map.of("password", password, "return", returnPath));
            assertEquals(303, reauth.status(), reauth::toString);
            assertEquals(returnPath, reauth.locationPath(), reauth::toString);
            last = action.get();
            if (!steppedUp(last) || Duration.ofNanos(System.nanoTime() - started).compareTo(window) < 0) {
                return last;
            }
        }
        return last;
    }

    /** Whether an answer asks for re-authentication: 401 for an API client, 303 to the page for a browser. */
    static boolean steppedUp(Response response) {
        return response.status() == 401
                || (response.status() == 303 && "/auth/reauth".equals(response.locationPath()));
    }
}
