package io.hallpass.filter.it;

/** Step-up and risk on the wire, in embedded Jetty 12.1 ee10 (Servlet 6.0 API only). */
class JettyEe10StepUpIT extends StepUpContract {
    @Override
    protected Container newContainer() {
        return new JettyEe10Container();
    }
}
