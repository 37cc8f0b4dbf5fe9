package io.hallpass.filter.it.attack;

import io.hallpass.filter.it.Container;
import io.hallpass.filter.it.TomcatContainer;

/** Malformed input at every endpoint, in embedded Tomcat 11. */
class TomcatMalformedInputIT extends MalformedInputContract {
    @Override
    protected Container newContainer() {
        return new TomcatContainer();
    }
}
