package io.hallpass.filter.it;

/** The standard security annotations on the wire, in embedded Jetty 12.1 ee10, with only the Servlet 6.0 API. */
class JettyEe10StandardAnnotationsIT extends StandardAnnotationsContract {
    @Override
    protected Container newContainer() {
        return new JettyEe10Container();
    }
}
