package io.hallpass.filter.it;

/** The HTTP contract in embedded Tomcat 11. */
class TomcatHttpIT extends HttpContract {
    @Override
    protected Container newContainer() {
        return new TomcatContainer();
    }
}
