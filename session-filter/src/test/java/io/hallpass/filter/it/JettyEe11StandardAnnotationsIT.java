package io.hallpass.filter.it;

/** The standard security annotations on the wire, in embedded Jetty 12.1 ee11. */
class JettyEe11StandardAnnotationsIT extends StandardAnnotationsContract {
    @Override
    protected Container newContainer() {
        return new JettyEe11Container();
    }
}
