package io.hallpass.filter.it;

/** The sign-in throttle on the wire, in embedded Jetty 12.1 ee10 (Servlet 6.0 API only). */
class JettyEe10ThrottleIT extends ThrottleContract {
    @Override
    protected Container newContainer() {
        return new JettyEe10Container();
    }
}
