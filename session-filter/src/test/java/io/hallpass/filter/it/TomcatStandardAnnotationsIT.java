package io.hallpass.filter.it;

/** The standard security annotations on the wire, in embedded Tomcat 11. */
class TomcatStandardAnnotationsIT extends StandardAnnotationsContract {
    @Override
    protected Container newContainer() {
        return new TomcatContainer();
    }
}
