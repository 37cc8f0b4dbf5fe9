package io.hallpass.filter.it;

/** Step-up and risk on the wire, in embedded Jetty 12.1 ee11. */
class JettyEe11StepUpIT extends StepUpContract {
    @Override
    protected Container newContainer() {
        return new JettyEe11Container();
    }
}
