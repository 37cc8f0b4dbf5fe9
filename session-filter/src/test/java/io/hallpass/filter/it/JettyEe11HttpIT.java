package io.hallpass.filter.it;

/** The HTTP contract in embedded Jetty 12.1, ee11 (Servlet 6.1). */
class JettyEe11HttpIT extends HttpContract {
    @Override
    protected Container newContainer() {
        return new JettyEe11Container();
    }
}
