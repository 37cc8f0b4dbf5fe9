package io.hallpass.filter.it;

/** Events and JMX metrics on the wire, in embedded Jetty 12.1 ee10 (Servlet 6.0 API only). */
class JettyEe10MetricsIT extends MetricsContract {
    @Override
    protected Container newContainer() {
        return new JettyEe10Container();
    }
}
