package io.hallpass.filter.it;

/** Step-up and risk on the wire, in embedded Tomcat 11. */
class TomcatStepUpIT extends StepUpContract {
    @Override
    protected Container newContainer() {
        return new TomcatContainer();
    }
}
