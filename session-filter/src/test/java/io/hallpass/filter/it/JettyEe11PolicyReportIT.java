package io.hallpass.filter.it;

/** The effective-policy report read by the application, in embedded Jetty 12.1 ee11. */
class JettyEe11PolicyReportIT extends PolicyReportContract {
    @Override
    protected Container newContainer() {
        return new JettyEe11Container();
    }
}
