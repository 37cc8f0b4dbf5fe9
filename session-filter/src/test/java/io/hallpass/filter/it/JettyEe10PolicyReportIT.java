package io.hallpass.filter.it;

/** The effective-policy report read by the application, in embedded Jetty 12.1 ee10, with only the Servlet 6.0 API. */
class JettyEe10PolicyReportIT extends PolicyReportContract {
    @Override
    protected Container newContainer() {
        return new JettyEe10Container();
    }
}
