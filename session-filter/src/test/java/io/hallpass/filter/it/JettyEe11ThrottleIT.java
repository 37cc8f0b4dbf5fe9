package io.hallpass.filter.it;

/** The sign-in throttle on the wire, in embedded Jetty 12.1 ee11. */
class JettyEe11ThrottleIT extends ThrottleContract {
    @Override
    protected Container newContainer() {
        return new JettyEe11Container();
    }
}
