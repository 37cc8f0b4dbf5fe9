package io.hallpass.filter.it;

/** Events and JMX metrics on the wire, in embedded Jetty 12.1 ee11. */
class JettyEe11MetricsIT extends MetricsContract {
    @Override
    protected Container newContainer() {
        return new JettyEe11Container();
    }
}
