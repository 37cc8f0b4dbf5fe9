package io.hallpass.filter.it;

/** The effective-policy report read by the application, in embedded Tomcat 11. */
class TomcatPolicyReportIT extends PolicyReportContract {
    @Override
    protected Container newContainer() {
        return new TomcatContainer();
    }
}
