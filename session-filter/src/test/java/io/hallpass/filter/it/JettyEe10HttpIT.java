package io.hallpass.filter.it;

/**
 * The HTTP contract in embedded Jetty 12.1, ee10 (Servlet 6.0), run by its own failsafe execution with the
 * Servlet 6.0 API and no Servlet 6.1 classes on the class path: a call to a 6.1-only method anywhere in the
 * filter fails here with {@code NoSuchMethodError}, as it would on Tomcat 10.1.
 */
class JettyEe10HttpIT extends HttpContract {
    @Override
    protected Container newContainer() {
        return new JettyEe10Container();
    }
}
