package io.hallpass.filter.it;

/** The sign-in throttle on the wire, in embedded Tomcat 11. */
class TomcatThrottleIT extends ThrottleContract {
    @Override
    protected Container newContainer() {
        return new TomcatContainer();
    }
}
