package io.hallpass.filter.it;

/** Events and JMX metrics on the wire, in embedded Tomcat 11. */
class TomcatMetricsIT extends MetricsContract {
    @Override
    protected Container newContainer() {
        return new TomcatContainer();
    }
}
